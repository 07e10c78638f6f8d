/**
 * The network at the start of a future as a starting-state file records it: one subnet per recorded
 * subnet on slot netuid − 1, its alpha in the pool, staked by wallets, protocol-owned and burned as
 * recorded, and pool prices by the file's stated rule.
 */
import type { Rng } from '../../rng/stream.ts';
import type { StartingState } from '../../start/startingState.ts';
import { addTeam, HOLDINGS, type InitialSubnet, pickDisabled, settleStart, zipfExponent } from './init.ts';
import type { ModelParams } from './params.ts';
import type { World } from './world.ts';

/** Share of the wallets' alpha beyond the owner's that goes to each other class (HOLDINGS without owner). */
const WALLET_SPLIT = (() => {
  const { staker, miner, speculator, root } = HOLDINGS;
  const sum = staker + miner + speculator + root;
  return { staker: staker / sum, miner: miner / sum, speculator: speculator / sum, root: root / sum };
})();

/**
 * Build the recorded starting subnets and fill the world's team columns. `params` must already carry the
 * file's gaps ({@link withStartingState}). Holdings: the owner class holds the recorded `ownerAlpha`
 * (capped at the alpha staked by wallets); the rest of the wallets' alpha is split among stakers, miners,
 * speculators and root in the synthetic start's proportions (55 : 5 : 5 : 0). Protocol-owned and burned
 * alpha are the recorded amounts, so each subnet's alpha in and out adds up to its recorded issuance.
 * Pool prices are the recorded ones where the file has a price for every subnet (a price panel's day);
 * otherwise they follow the file's `poolTaoAndPrices` rule: p ∝ rank^−a, ranks by alpha staked by
 * wallets, a fitted to `top10EmissionShare`, scaled so that Σ p × (issued − burned) =
 * alphaMarketCapShare × TAO issued. Pool TAO = p × alpha in pool, EMA price min(p, 1). Root's emission switch is off for as many
 * subnets as the file counts, drawn among the weaker three quarters by price as the synthetic start does
 * (the file does not say which). Subnets not yet started are treated as started: the model has no start
 * call that would switch them on later.
 * @example recordedNetwork({ params: withStartingState(params, state), world, rng, start: state }).length // 128
 */
export function recordedNetwork(args: {
  params: ModelParams;
  world: World;
  rng: Rng;
  start: StartingState;
}): InitialSubnet[] {
  const { params, world, rng } = args;
  const recorded = [...args.start.subnets].sort((x, y) => x.netuid - y.netuid);
  const n = recorded.length;
  const a = zipfExponent(n, params.network.top10EmissionShare);
  // Largest wallet holdings first, ties in netuid order: the file's ranking of demand.
  const order = recorded
    .map((_, k) => k)
    .sort(
      (x, y) =>
        recorded[y]!.alphaStakedByWallets - recorded[x]!.alphaStakedByWallets ||
        recorded[x]!.netuid - recorded[y]!.netuid,
    );
  const rank = new Int32Array(n);
  order.forEach((k, r) => {
    rank[k] = r;
  });
  // Recorded prices, where the file has them, are the pools' prices and the weights of demand.
  const recordedPrices = recorded.every((s) => s.price !== undefined);
  const weight = (k: number) => (recordedPrices ? recorded[k]!.price! : (rank[k]! + 1) ** -a);
  let total = 0;
  let cap = 0;
  recorded.forEach((s, k) => {
    total += weight(k);
    cap += weight(k) * (s.alphaIssued - s.alphaBurned);
  });
  const priceScale = (params.network.alphaMarketCapShare * params.network.issuanceTao) / cap;
  const disabled = pickDisabled({
    candidates: order.slice(Math.floor(n / 4)),
    want: Math.round(params.network.emissionDisabledShare * n),
    rng,
  });
  const medianWeight = recordedPrices
    ? recorded.map((s) => s.price!).sort((x, y) => y - x)[Math.floor(n / 2)]!
    : (Math.floor(n / 2) + 1) ** -a;
  const subnets: InitialSubnet[] = [];
  recorded.forEach((s, k) => {
    const slot = s.netuid - 1;
    const price = recordedPrices ? s.price! : weight(k) * priceScale;
    const owner = Math.min(s.ownerAlpha, s.alphaStakedByWallets);
    const rest = s.alphaStakedByWallets - owner;
    subnets.push({
      slot,
      taoReserve: price * s.alphaInPool,
      alphaIn: s.alphaInPool,
      movingPrice: Math.min(price, 1),
      emissionEnabled: !disabled.has(k),
      protocolAlpha: s.alphaProtocolOwned,
      burnedAlpha: s.alphaBurned,
      holdings: {
        owner,
        staker: rest * WALLET_SPLIT.staker,
        miner: rest * WALLET_SPLIT.miner,
        speculator: rest * WALLET_SPLIT.speculator,
        root: rest * WALLET_SPLIT.root,
      },
    });
    // As in the synthetic start, market prices carry information about quality, with noise.
    const quality = Math.exp(0.3 * Math.log(weight(k) / medianWeight) + 0.5 * rng.normal());
    addTeam({ world, slot, quality, params, rng, day: 0, initialShare: weight(k) / total });
    // A source without validator counts (a price panel) leaves the model's own.
    if (s.validators > 0 || !recordedPrices) world.validators[slot] = Math.max(1, s.validators);
    settleStart({ world, slot, params, price, rng });
  });
  return subnets;
}
