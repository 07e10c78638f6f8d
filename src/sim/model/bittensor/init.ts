/**
 * The network at the start of a future, calibrated to the dated facts in the parameters: as many
 * subnets as configured, EMA prices spread so that the top 10 take the configured share of emission,
 * alpha market cap a configured share of TAO market cap, root's emission switch off for a share of
 * the weaker subnets, and teams with random quality and outside opportunities.
 */
import { BLOCKS_PER_DAY } from '../../../engine/chainConstants.ts';
import { DEFAULT_KERNEL_PARAMS } from '../../../engine/kernel/defaultKernelParams.ts';
import type { HolderClass } from '../../../engine/kernel/types.ts';
import type { Rng } from '../../rng/stream.ts';
import type { ModelParams } from './params.ts';
import { ON_NETWORK, type World } from './world.ts';

/** Alpha issued per subnet at the start (in and out of the pool); about 1.7 years of 1 alpha per block out. */
const ALPHA_ISSUANCE = 3_000_000;
/** Share of alpha issuance held by the pool at the start. */
const POOL_ALPHA_SHARE = 0.35;
/** How the alpha outside the pool is held at the start (protocol-owned chain buys, then classes). */
export const HOLDINGS: Readonly<Record<HolderClass | 'protocol', number>> = {
  protocol: 0.25,
  staker: 0.55,
  owner: 0.1,
  miner: 0.05,
  speculator: 0.05,
  root: 0,
};

/** The last exponent solved (every future of a scenario asks for the same one). */
let lastZipf = { n: Number.NaN, top10: Number.NaN, exponent: 0 };

/** Zipf exponent a such that the top 10 of n shares ∝ i^-a sum to `top10`. */
export function zipfExponent(n: number, top10: number): number {
  if (n === lastZipf.n && top10 === lastZipf.top10) return lastZipf.exponent;
  const exponent = solveZipfExponent(n, top10);
  lastZipf = { n, top10, exponent };
  return exponent;
}

function solveZipfExponent(n: number, top10: number): number {
  const share = (a: number) => {
    let top = 0;
    let all = 0;
    for (let i = 1; i <= n; i++) {
      const w = i ** -a;
      all += w;
      if (i <= 10) top += w;
    }
    return top / all;
  };
  if (n <= 10) return 0;
  let lo = 0;
  let hi = 5;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (share(mid) < top10) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** One subnet's starting pool and holdings, in kernel units (TAO, alpha). */
export interface InitialSubnet {
  readonly slot: number;
  readonly taoReserve: number;
  readonly alphaIn: number;
  readonly movingPrice: number;
  readonly emissionEnabled: boolean;
  readonly protocolAlpha: number;
  /** Alpha burned so far: issued, held by no one (a recorded start only). */
  readonly burnedAlpha?: number;
  readonly holdings: Readonly<Record<HolderClass, number>>;
}

/**
 * `want` distinct slots drawn uniformly from `candidates` (at most all of them), in draw order.
 * @example pickDisabled({ candidates: [32, 33, 34], want: 2, rng }).size // 2
 */
export function pickDisabled(args: { candidates: readonly number[]; want: number; rng: Rng }): Set<number> {
  const { candidates, want, rng } = args;
  const disabled = new Set<number>();
  while (disabled.size < Math.min(want, candidates.length)) {
    disabled.add(candidates[Math.floor(rng.uniform() * candidates.length)]!);
  }
  return disabled;
}

/**
 * Build the synthetic starting subnets (calibrated to the parameters) and fill the world's team columns.
 * @returns the subnets for the kernel.
 */
export function initialNetwork(args: { params: ModelParams; world: World; rng: Rng }): InitialSubnet[] {
  const { params, world, rng } = args;
  const n = params.network.subnets;
  const a = zipfExponent(n, params.network.top10EmissionShare);
  const weights = Array.from({ length: n }, (_, i) => (i + 1) ** -a);
  const total = weights.reduce((s, w) => s + w, 0);
  // Scale prices so that alpha market cap is the configured share of TAO market cap.
  const alphaCapTao = params.network.alphaMarketCapShare * params.network.issuanceTao;
  const priceScale = alphaCapTao / (ALPHA_ISSUANCE * total);
  const wantDisabled = Math.round(params.network.emissionDisabledShare * n);
  const candidates = Array.from({ length: n }, (_, i) => i).filter((i) => i >= Math.floor(n / 4));
  const disabled = pickDisabled({ candidates, want: wantDisabled, rng });
  const medianWeight = weights[Math.floor(n / 2)]!;
  const subnets: InitialSubnet[] = [];
  for (let i = 0; i < n; i++) {
    const price = weights[i]! * priceScale;
    const alphaIn = ALPHA_ISSUANCE * POOL_ALPHA_SHARE;
    const alphaOut = ALPHA_ISSUANCE - alphaIn;
    subnets.push({
      slot: i,
      taoReserve: price * alphaIn,
      alphaIn,
      movingPrice: Math.min(price, 1),
      emissionEnabled: !disabled.has(i),
      protocolAlpha: alphaOut * HOLDINGS.protocol,
      holdings: {
        staker: alphaOut * HOLDINGS.staker,
        owner: alphaOut * HOLDINGS.owner,
        miner: alphaOut * HOLDINGS.miner,
        speculator: alphaOut * HOLDINGS.speculator,
        root: 0,
      },
    });
    // Market prices carry information about quality, with noise.
    const quality = Math.exp(0.3 * Math.log(weights[i]! / medianWeight) + 0.5 * rng.normal());
    addTeam({ world, slot: i, quality, params, rng, day: 0, initialShare: weights[i]! / total });
    settleStart({ world, slot: i, params, price, rng });
  }
  return subnets;
}

/** Alpha emitted per subnet per block at the start (below 10.5M alpha issued). */
const ALPHA_PER_BLOCK = 1;
const ALPHA_PER_DAY = ALPHA_PER_BLOCK * BLOCKS_PER_DAY;
const OWNER_CUT = DEFAULT_KERNEL_PARAMS.ownerCut;

/**
 * Start in equilibrium: a team present at the start has chosen to stay (its outside revenue is below
 * its leave threshold, else it would already have left), and each subnet has the miners its incentive
 * pays for. Without this the first weeks would be a burst of departures and miner exits that no
 * observed network shows. `price` is the subnet's spot price (TAO per alpha).
 */
export function settleStart(args: {
  world: World;
  slot: number;
  params: ModelParams;
  price: number;
  rng: Rng;
}): void {
  const { world, slot, params, price, rng } = args;
  const t = params.teams;
  const usd = params.market.taoPriceUsd;
  const ownerIncome = ALPHA_PER_DAY * OWNER_CUT * price * usd;
  const keep = 1 - t.onNetworkRevenueShare - t.switchingCostDays / 365;
  const revenue = world.outsideBase[slot]! * world.quality[slot]!;
  if (keep > 0) {
    const threshold = (ownerIncome + t.opexUsdPerDay) / keep;
    if (revenue >= threshold) {
      // Redraw below the threshold with the same spread, so teams are not bunched at the edge.
      const below = threshold * Math.exp(-Math.abs(rng.normal()) * t.outsideValueSpread);
      world.outsideBase[slot] = below / world.quality[slot]!;
    }
  }
  const minerIncome = ALPHA_PER_DAY * (1 - OWNER_CUT) * 0.5 * price * usd;
  world.miners[slot] = Math.max(1, Math.min(255, minerIncome / params.miners.costUsdPerDay));
}

/** Put a new team on a slot (at the start, or when a new subnet registers). */
export function addTeam(args: {
  world: World;
  slot: number;
  quality: number;
  params: ModelParams;
  rng: Rng;
  day: number;
  initialShare: number;
}): void {
  const { world, slot, params, rng } = args;
  const id = world.nextTeamId;
  world.nextTeamId += 1;
  world.status[slot] = ON_NETWORK;
  world.teamId[slot] = id;
  world.quality[slot] = args.quality;
  world.outsideBase[slot] =
    params.teams.outsideValueUsdPerDay * Math.exp(params.teams.outsideValueSpread * rng.normal());
  world.buybacker[slot] = rng.bernoulli(params.teams.buybackProbability) ? 1 : 0;
  world.selfMiner[slot] = rng.bernoulli(params.adversaries.selfMiningOwners) ? 1 : 0;
  world.miners[slot] = params.miners.initialMiners;
  world.validators[slot] = params.validators.perSubnet;
  world.holderValueStart[slot] = 0;
  world.holderYieldStart[slot] = 0;
  world.holderYield[slot] = 0;
  world.holderBaseTao[slot] = 0;
  world.leaveSellPerDay[slot] = 0;
  world.nextReview[slot] = args.day + 1 + Math.floor(rng.uniform() * params.teams.decisionEveryDays);
  if (id < world.teamInitialShare.length) world.teamInitialShare[id] = args.initialShare;
}
