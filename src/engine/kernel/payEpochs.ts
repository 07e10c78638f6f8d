/**
 * Epochs inside a span of blocks and the kernel's subnet-level incentive model (spec §4.9, §4.10).
 *
 * Pending amounts accrue at constant per-block rates inside a span. Every tempo boundary crossed pays out
 * what accrued up to that block (the last boundary pays everything before it; what accrues after it
 * stays pending), the way the chain drains pending at each epoch. The epoch itself is not simulated per
 * neuron; its outcome is modelled per holder class:
 * - server (miner) alpha goes to `miner`, except the step's owner-mining shares: the detected part is
 *   burned (as the chain burns owner hotkeys' incentive, counted in `burnedAlpha`) and becomes
 *   MinerBurned; the undetected part (self-mining through unrelated keys) goes to `owner`;
 * - validator alpha goes to `staker` (validators and their nominators), root alpha to `root`, the owner
 *   cut to `owner`.
 * The chain's per-block epoch cap (2) is ignored: staggered subnets rarely collide.
 */
import { spotAt } from './poolSwapTao.ts';
import { HOLDER_INDEX, type KernelState } from './types.ts';

const MINER = HOLDER_INDEX.miner;
const OWNER = HOLDER_INDEX.owner;
const STAKER = HOLDER_INDEX.staker;
const ROOT = HOLDER_INDEX.root;

/** What {@link payEpochs} reads: the span and each pending amount's per-block accrual for one slot. */
export interface EpochSpan {
  state: KernelState;
  tempo: number;
  /** Block before the span (the span is blocks blockStart + 1 … blockStart + blocks). */
  blockStart: number;
  blocks: number;
  ownerRate: number;
  serverRate: number;
  validatorRate: number;
  rootRate: number;
  /** This step's owner-mining shares per slot. */
  readonly ownerDetected: Float64Array;
  readonly ownerUndetected: Float64Array;
  /** Epochs run, accumulated over slots and spans. */
  epochs: number;
}

/** Accrue a slot's pending amounts over the span and pay every epoch that falls inside it. */
export function payEpochs(span: EpochSpan, slot: number): void {
  const c = span.state.columns;
  const n = span.blocks;
  const b0 = span.blockStart;
  const tempo = span.tempo;
  // An overdue epoch runs at the first block of the span.
  const first = Math.max(c.lastEpochBlock[slot]! + tempo, b0 + 1);
  const epochs = first > b0 + n ? 0 : Math.floor((b0 + n - first) / tempo) + 1;
  if (epochs === 0) {
    c.pendingOwner[slot]! += span.ownerRate * n;
    c.pendingServer[slot]! += span.serverRate * n;
    c.pendingValidator[slot]! += span.validatorRate * n;
    c.pendingRoot[slot]! += span.rootRate * n;
    return;
  }
  const last = first + (epochs - 1) * tempo;
  const before = last - b0;
  const after = b0 + n - last;
  const owner = c.pendingOwner[slot]! + span.ownerRate * before;
  const server = c.pendingServer[slot]! + span.serverRate * before;
  const validator = c.pendingValidator[slot]! + span.validatorRate * before;
  const root = c.pendingRoot[slot]! + span.rootRate * before;
  c.pendingOwner[slot] = span.ownerRate * after;
  c.pendingServer[slot] = span.serverRate * after;
  c.pendingValidator[slot] = span.validatorRate * after;
  c.pendingRoot[slot] = span.rootRate * after;
  c.lastEpochBlock[slot] = last;

  const slots = c.active.length;
  const detected = span.ownerDetected[slot]!;
  const undetected = span.ownerUndetected[slot]!;
  const burned = server * detected;
  c.holdings[MINER * slots + slot]! += server - burned - server * undetected;
  c.holdings[OWNER * slots + slot]! += owner + server * undetected;
  c.holdings[STAKER * slots + slot]! += validator;
  c.holdings[ROOT * slots + slot]! += root;
  c.burnedAlpha[slot]! += burned;
  if (burned > 0) c.burnedValueTao[slot]! += burned * spotAt(c, slot);
  c.minerBurned[slot] = server > 0 ? detected : 0; // withheld / total incentive, 0 without incentive
  span.epochs += epochs;
}
