/**
 * Working memory of a kernel step, allocated once per slot count and reused by every step (so a step in
 * steady state allocates nothing per subnet). It carries no state from one step to the next: every value
 * is written before it is read within a step.
 */
import type { MovingPriceIo } from './advanceMovingPrice.ts';
import { createInjectIo, type InjectIo } from './injectAndBuy.ts';
import type { RootProportionSpan } from './meanRootProportion.ts';

/** Reusable buffers of a step. */
export interface KernelScratch {
  readonly slots: number;
  /** Emission share per slot for the current span. */
  readonly shares: Float64Array;
  /** This step's `ownerMining` intent per slot: detected and undetected shares of the miner incentive. */
  readonly ownerDetected: Float64Array;
  readonly ownerUndetected: Float64Array;
  /** Per-block accrual of each pending amount per slot over the current span (owner, server, validator, root). */
  readonly ownerRate: Float64Array;
  readonly serverRate: Float64Array;
  readonly validatorRate: Float64Array;
  readonly rootRate: Float64Array;
  /** MinerBurned in force over most of the current span (it changes at the span's first epoch). */
  readonly minerBurned: Float64Array;
  /** Moving prices at the middle of the current span (the shares' average). */
  readonly movingPrice: Float64Array;
  /** Slots in the coinbase at the span's start (active and started): 1, else 0. */
  readonly eligible: Uint8Array;
  /** All ones (every switch on) and all zeros (no MinerBurned): overrides for the packs' share rules. */
  readonly ones: Uint8Array;
  readonly zeros: Float64Array;
  /** Flow packs: user flow EMA at the span's middle, then the net flow the shares read. */
  readonly flowMid: Float64Array;
  readonly netFlow: Float64Array;
  /** Gate pack: a sort buffer for the bar. */
  readonly sorted: Float64Array;
  readonly inject: InjectIo;
  readonly ema: MovingPriceIo;
  readonly rootSpan: RootProportionSpan;
}

let cached: KernelScratch | null = null;

/** The scratch for `slots` slots (reused across calls; not re-entrant, like any single-threaded loop). */
export function kernelScratch(slots: number): KernelScratch {
  if (cached !== null && cached.slots === slots) return cached;
  cached = {
    slots,
    shares: new Float64Array(slots),
    ownerDetected: new Float64Array(slots),
    ownerUndetected: new Float64Array(slots),
    ownerRate: new Float64Array(slots),
    serverRate: new Float64Array(slots),
    validatorRate: new Float64Array(slots),
    rootRate: new Float64Array(slots),
    minerBurned: new Float64Array(slots),
    movingPrice: new Float64Array(slots),
    eligible: new Uint8Array(slots),
    ones: new Uint8Array(slots).fill(1),
    zeros: new Float64Array(slots),
    flowMid: new Float64Array(slots),
    netFlow: new Float64Array(slots),
    sorted: new Float64Array(slots),
    inject: createInjectIo(),
    ema: {
      ema: 0,
      meanClampedPrice: 0,
      priceSlope: 0,
      blocksSinceStart: 0,
      blocks: 0,
      movingAlpha: 0,
      halvingBlocks: 0,
    },
    rootSpan: { weightedRoot: 0, issuance: 0, growth: 0, blocks: 0, mean: 0 },
  };
  return cached;
}
