/**
 * TAO emission shares of the kernel's subnets (spec §4.1, §4.2): the subnets that emit are the active,
 * started ones; share_i = EMA_i / Σ EMA, weighted by (1 − min(MinerBurned_i, 1)) and renormalised (the
 * unweighted shares when every weight is 0); if any emitting subnet has emission disabled, the enabled
 * shares are divided by their sum and the disabled ones get 0.
 */
import type { KernelState } from './types.ts';

/** Whether a slot takes part in the coinbase at the state's block (active and started before it). */
export function isEmitting(state: KernelState, slot: number): boolean {
  const c = state.columns;
  return c.active[slot] === 1 && c.startBlock[slot]! <= state.block;
}

/**
 * Write each slot's share into `out` (0 for slots that do not emit) and return the sum of the shares
 * (1, or 0 when no subnet gets TAO). `movingPrice`, `minerBurned` and `emissionEnabled` override the state's columns (the
 * kernel passes the values in force over a step on average).
 * @example const out = new Float64Array(params.slots); emissionSharesF64({ state, out })
 */
export function emissionSharesF64(args: {
  readonly state: KernelState;
  readonly out: Float64Array;
  readonly movingPrice?: Float64Array;
  readonly minerBurned?: Float64Array;
  /** Overrides the emission switches (all ones: the shares before root's switch, for the gate). */
  readonly emissionEnabled?: Uint8Array;
}): number {
  const { state, out } = args;
  const { active, startBlock } = state.columns;
  const emissionEnabled = args.emissionEnabled ?? state.columns.emissionEnabled;
  const movingPrice = args.movingPrice ?? state.columns.movingPrice;
  const minerBurned = args.minerBurned ?? state.columns.minerBurned;
  const block = state.block;
  const slots = out.length;
  let priceSum = 0;
  let anyDisabled = false;
  for (let i = 0; i < slots; i++) {
    // isEmitting, inlined
    const emitting = active[i] === 1 && startBlock[i]! <= block;
    const p = emitting ? movingPrice[i]! : 0;
    out[i] = p;
    priceSum += p;
    if (emitting && emissionEnabled[i] === 0) anyDisabled = true;
  }
  if (!(priceSum > 0)) {
    out.fill(0);
    return 0;
  }
  // Each slot's unweighted share and its weight, kept for the second pass.
  const kept = keptShares(slots);
  let weightedSum = 0;
  for (let i = 0; i < slots; i++) {
    const share = out[i]! / priceSum;
    const keep = 1 - Math.min(Math.max(minerBurned[i]!, 0), 1);
    out[i] = share;
    kept[i] = keep;
    weightedSum += share * keep;
  }
  let enabledSum = 0;
  for (let i = 0; i < slots; i++) {
    const share = out[i]!;
    const s = weightedSum > 0 ? (share * kept[i]!) / weightedSum : share;
    out[i] = s;
    if (emissionEnabled[i] === 1) enabledSum += s;
  }
  if (!anyDisabled) return 1;
  if (!(enabledSum > 0)) {
    out.fill(0);
    return 0;
  }
  for (let i = 0; i < slots; i++) out[i] = emissionEnabled[i] === 1 ? out[i]! / enabledSum : 0;
  return 1;
}

let keptScratch = new Float64Array(0);

function keptShares(slots: number): Float64Array {
  if (keptScratch.length < slots) keptScratch = new Float64Array(slots);
  return keptScratch;
}
