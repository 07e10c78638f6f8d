/**
 * The coinbase over a span of blocks at one emission rate (spec §4; rulepacks.md for the other packs),
 * in closed form per subnet: TAO emission by the pack's shares ({@link packSharesF64}), injection and chain
 * buys ({@link injectAndBuy}), alpha out with the owner cut, root alpha and server/validator alpha, epochs
 * ({@link payEpochs}) and the moving price ({@link advanceMovingPrice}). The chain recomputes shares every
 * block; the span uses the moving prices predicted for its middle (from the spot price at its start) and
 * the MinerBurned in force on average, so a young subnet's fast-rising EMA is not undercounted. The
 * emission rate and the root sell flag are read at the start (a halving ends the span).
 *
 * Per pack, as its traits and the settings of its dated variant in force say (`../rules/rulePackTraits.ts`,
 * {@link kernelRuleSettings}, {@link kernelTerms}): the injection cap is rp·A (price, gate), A (dtao
 * launch, taoflow before 2025-12-12) or min(A, E) (dtao subsidy, taoflow, netflow); TAO above the cap is
 * chain-bought, except under dtao's launch terms, where all of it is injected ({@link injectAllTao});
 * chain-bought alpha is kept as protocol alpha (price, gate, netflow from 2026-06-01) or recycled (dtao,
 * taoflow, netflow before); root alpha is claimable while Σ m > 1 and recycled otherwise, except under
 * dtao, where it is sold for TAO ({@link sellRootAlphaF64}) unless the subnet was subsidised; dtao's
 * chain-bought TAO is not counted in TotalIssuance; the flow EMAs advance under taoflow and netflow.
 */
import { spotPriceF64 } from '../pool/balancerF64.ts';
import { keepsBoughtAlpha } from '../rules/rulePackTraits.ts';
import { advanceMovingPrice } from './advanceMovingPrice.ts';
import { blockEmissionF64, blocksBeforeHalving, TOTAL_SUPPLY_TAO } from './blockEmissionF64.ts';
import { sellRootAlphaF64 } from './dtaoTermsF64.ts';
import { DEFAULT_FLOW_SMOOTHING, emaOver } from './flowSharesF64.ts';
import { injectAllTao } from './injectAllTao.ts';
import { injectAndBuy } from './injectAndBuy.ts';
import { kernelRuleSettings } from './kernelRuleSettings.ts';
import type { KernelScratch } from './kernelScratch.ts';
import { kernelTerms } from './kernelTerms.ts';
import { meanRootProportion } from './meanRootProportion.ts';
import { mechanismShares } from './mechanismsF64.ts';
import { advanceFlowEmas, packSharesF64, rulePackTraitsOf } from './packSharesF64.ts';
import { type EpochSpan, payEpochs } from './payEpochs.ts';
import { spotAt } from './poolSwapTao.ts';
import type { KernelParams } from './types.ts';

/** A span's context: what it reads, and totals it adds to (`emitted` TAO, `epochs` run). */
export interface CoinbaseSpan extends EpochSpan {
  params: KernelParams;
  readonly scratch: KernelScratch;
  /** TAO that entered subnets (injected or spent on chain buys), accumulated. */
  emitted: number;
}

/**
 * Run the coinbase from `span.state.block` for up to `span.blocks` blocks, stopping early at a halving
 * (the rate changes there); sets `span.blocks` to the blocks run and advances the state's block.
 */
export function runCoinbaseSpan(span: CoinbaseSpan): void {
  const { state, params, scratch } = span;
  const c = state.columns;
  const slots = params.slots;
  span.blockStart = state.block;
  const requested = span.blocks;
  const traits = rulePackTraitsOf(params);
  const shares = scratch.shares;
  const packSum = packSharesF64({
    state,
    params,
    scratch,
    movingPrice: spanMovingPrice(span),
    minerBurned: spanMinerBurned(span),
    blocks: requested,
  });
  // Binding mechanisms (usage weight, covenant default) adjust the pack's shares only when configured.
  const shareSum =
    params.mechanisms === undefined ? packSum : mechanismShares(state, params, shares, packSum);
  const rate = blockEmissionF64(state.issuance);
  // Issuance grows by what subnets take (the rest is recycled), so the next halving is this many blocks away.
  const n = Math.min(span.blocks, blocksBeforeHalving(state.issuance, rate * shareSum));
  span.blocks = n;
  const protocolEma = traits.flowEma === 'user-and-protocol';
  if (traits.flowEma !== 'none') advanceFlowEmas(state, scratch, params, requested, n);
  const settings = kernelRuleSettings(params);
  const terms = kernelTerms(traits.terms, settings);
  const priceCap = terms.cap === 'root-proportion';
  const capAtA = terms.cap === 'alpha-emission';
  const injectAll = terms.excess === 'inject';
  const keepBought = keepsBoughtAlpha(traits.boughtAlpha, settings.keepBoughtAlpha);
  const chainBuysCounted = traits.chainBuysInIssuance;
  const sellRoot = traits.rootAlpha === 'sell-for-root-tao';
  const protocolDecay = protocolEma ? (1 - (params.flowSmoothing ?? DEFAULT_FLOW_SMOOTHING)) ** n : 1;
  let uncounted = 0;
  // mint_tao caps the issuance at 21M; what no subnet takes is recycled at the end of each block.
  const minted = Math.min(rate * n, Math.max(0, TOTAL_SUPPLY_TAO - state.issuance));
  const taoPerBlock = minted / n;
  const block = state.block;
  const { active, startBlock, movingPrice, taoReserve, alphaIn, alphaOut, wQuote } = c;
  let emaSum = 0;
  for (let i = 0; i < slots; i++) if (active[i] === 1 && startBlock[i]! <= block) emaSum += movingPrice[i]!;
  const rootSell = emaSum > 1;
  const weightedRoot = params.taoWeight * state.rootStake;
  const ownerCut = params.ownerCut;
  const io = scratch.inject;
  const pool = io.pool;
  const rp = scratch.rootSpan;
  const ema = scratch.ema;
  ema.movingAlpha = params.movingAlpha;
  ema.halvingBlocks = params.emaHalvingBlocks;
  let entered = 0;

  const { ownerRate, serverRate, validatorRate, rootRate: rootRates } = span;
  for (let i = 0; i < slots; i++) {
    if (active[i] !== 1) continue;
    ownerRate[i] = 0;
    serverRate[i] = 0;
    validatorRate[i] = 0;
    rootRates[i] = 0;
    if (startBlock[i]! <= block) {
      const t = taoPerBlock * shares[i]!;
      const issuance = alphaIn[i]! + alphaOut[i]!;
      const e = blockEmissionF64(issuance);
      pool.taoReserve = taoReserve[i]!;
      pool.alphaReserve = alphaIn[i]!;
      pool.wQuote = wQuote[i]!;
      const cut = ownerCut * e;
      const rest = e - cut;
      // Issuance growth per block, for the root proportion's drift inside the span.
      const rp0 = weightedRoot > 0 ? weightedRoot / (weightedRoot + issuance) : 0;
      rp.weightedRoot = weightedRoot;
      rp.issuance = issuance;
      rp.blocks = n;

      io.taoPerBlock = t;
      io.blocks = n;
      if (t > 0) {
        const price = spotPriceF64(pool);
        // The older packs cap at A or min(A, E) (constant); the price packs at rp·A (falling as issuance grows).
        const cap = priceCap ? rp0 * e : capAtA ? e : Math.min(e, rate);
        // Without a price the launch terms still inject A alpha; the others inject nothing.
        const alphaInGuess = price > 0 ? Math.min(t / price, cap) : injectAll ? cap : 0;
        rp.growth = e + alphaInGuess - (rootSell ? 0 : (rp0 * rest) / 2);
        if (priceCap) {
          meanRootProportion(rp, 0);
          io.alphaCapPerBlock = e * rp.mean;
          // d(rp)/d(block) = −W·g / (W + A)² at the middle of the span.
          io.alphaCapSlope =
            weightedRoot > 0
              ? (-e * weightedRoot * rp.growth) / (weightedRoot + issuance + (rp.growth * n) / 2) ** 2
              : 0;
        } else {
          io.alphaCapPerBlock = cap;
          io.alphaCapSlope = 0;
        }
      } else {
        // No TAO: the injection reads neither the cap nor its drift.
        rp.growth = e - (rootSell ? 0 : (rp0 * rest) / 2);
        io.alphaCapPerBlock = 0;
        io.alphaCapSlope = 0;
      }
      if (injectAll) injectAllTao(io);
      else injectAndBuy(io);
      taoReserve[i] = pool.taoReserve;
      alphaIn[i] = pool.alphaReserve;
      wQuote[i] = pool.wQuote;
      // Kept bought alpha moves from the reserve to protocol-owned AlphaOut; recycled alpha leaves supply.
      if (keepBought) c.protocolAlpha[i]! += io.boughtAlpha;
      const took = t * n - io.refusedTao;
      entered += took;
      if (!chainBuysCounted) uncounted += io.chainBuyTao;
      c.emittedTao[i]! += took;
      c.injectedTao[i]! += io.injectedTao;
      c.chainBuyTao[i]! += io.chainBuyTao;
      if (protocolEma) {
        // Protocol cost per block: TAO injected and chain-bought, less root-claim sells (spread evenly).
        const rootSells = (c.rootUnstakeTao[i]! - c.rootSellMark[i]!) / requested;
        c.rootSellMark[i]! += rootSells * n;
        const cost = (io.injectedTao + io.chainBuyTao) / n - rootSells;
        c.protocolEma[i] = emaOver(c.protocolEma[i]!, cost, protocolDecay);
      }

      // Alpha out: owner cut, then half to miners and half to validators, of which root takes rp/2.
      meanRootProportion(rp, 1);
      const rootRate = (rp.mean * rest) / 2;
      let out = alphaOut[i]! + (keepBought ? io.boughtAlpha : 0) + e * n;
      c.emittedAlpha[i]! += e * n;
      ownerRate[i] = cut;
      serverRate[i] = rest / 2;
      validatorRate[i] = rest / 2 - rootRate;
      if (sellRoot) {
        // Subsidised in this span (any chain buy): root alpha is neither sold nor paid; else sold for TAO.
        if (io.chainBuyTao > 0) c.unownedAlpha[i]! += rootRate * n;
        alphaOut[i] = out;
        if (!(io.chainBuyTao > 0) && !(sellRootAlphaF64(state, i, rootRate * n) > 0)) {
          c.unownedAlpha[i]! += rootRate * n; // the pool could not pay: the alpha stays, owned by nobody
        }
        out = alphaOut[i]!;
      } else if (rootSell) rootRates[i] = rootRate;
      else out -= rootRate * n; // recycled
      alphaOut[i] = out;

      ema.ema = movingPrice[i]!;
      ema.meanClampedPrice = io.meanClampedPrice;
      ema.priceSlope = io.clampedPriceSlope;
      ema.blocksSinceStart = block - startBlock[i]!;
      ema.blocks = n;
      advanceMovingPrice(ema);
      movingPrice[i] = ema.ema;
    }
  }
  payEpochs(span);
  const recycled = minted - entered;
  state.issuance += entered - uncounted;
  state.uncountedTao += uncounted;
  state.recycledTao += recycled;
  span.emitted += entered;
  state.block += n;
}

/**
 * MinerBurned for the span's shares: the chain re-reads it every block and each epoch resets it to the
 * share withheld (the step's owner-mining `detected`), so the value is weighted by the blocks before and
 * after the slot's first epoch in the span. (Shares are not linear in it; the weighting is first order.)
 */
function spanMinerBurned(span: CoinbaseSpan): Float64Array {
  const c = span.state.columns;
  const out = span.scratch.minerBurned;
  const b0 = span.state.block;
  const n = span.blocks;
  for (let i = 0; i < out.length; i++) {
    const old = c.minerBurned[i]!;
    const first = Math.max(c.lastEpochBlock[i]! + span.tempo, b0 + 1);
    if (c.active[i] !== 1 || first > b0 + n) {
      out[i] = old;
      continue;
    }
    const before = (first - b0) / n;
    out[i] = before * old + (1 - before) * span.ownerDetected[i]!;
  }
  return out;
}

/**
 * Moving prices at the middle of the span (the mean of the EMA the chain reads before each block), from
 * the spot price at the span's start; the same update as the span's own, over (n − 1)/2 blocks.
 */
function spanMovingPrice(span: CoinbaseSpan): Float64Array {
  const { state, params, scratch } = span;
  const c = state.columns;
  const out = scratch.movingPrice;
  const half = (span.blocks - 1) / 2;
  const ema = scratch.ema;
  ema.movingAlpha = params.movingAlpha;
  ema.halvingBlocks = params.emaHalvingBlocks;
  for (let i = 0; i < out.length; i++) {
    out[i] = c.movingPrice[i]!;
    if (half <= 0 || c.active[i] !== 1 || c.startBlock[i]! > state.block) continue;
    ema.ema = c.movingPrice[i]!;
    ema.meanClampedPrice = Math.min(spotAt(c, i), 1);
    ema.priceSlope = 0;
    ema.blocksSinceStart = state.block - c.startBlock[i]!;
    ema.blocks = half;
    advanceMovingPrice(ema);
    out[i] = ema.ema;
  }
  return out;
}
