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
 * The chain's per-block epoch cap (2) is ignored: staggered subnets rarely collide. In neurons mode a
 * detailed slot also runs the fast Yuma epoch to split its miner and validator alpha among UIDs.
 */
import { payNeuronEpochs } from './neurons/payNeuronEpochs.ts';
import { spotAt } from './poolSwapTao.ts';
import { HOLDER_INDEX, type KernelState } from './types.ts';

const MINER = HOLDER_INDEX.miner;
const OWNER = HOLDER_INDEX.owner;
const STAKER = HOLDER_INDEX.staker;
const ROOT = HOLDER_INDEX.root;

/** What {@link payEpochs} reads: the span and each slot's per-block accrual of each pending amount. */
export interface EpochSpan {
  state: KernelState;
  tempo: number;
  /** Block before the span (the span is blocks blockStart + 1 … blockStart + blocks). */
  blockStart: number;
  blocks: number;
  /** Per slot: owner, server, validator and root alpha accrued per block over the span. */
  readonly ownerRate: Float64Array;
  readonly serverRate: Float64Array;
  readonly validatorRate: Float64Array;
  readonly rootRate: Float64Array;
  /** This step's owner-mining shares per slot. */
  readonly ownerDetected: Float64Array;
  readonly ownerUndetected: Float64Array;
  /** Epochs run, accumulated over slots and spans. */
  epochs: number;
  /** Vesting mechanism on: the owner cut goes to the vesting escrow instead of the owner's holdings. */
  vestOwner?: boolean;
}

/**
 * Accrue every active slot's pending amounts over the span and pay every epoch that falls inside it
 * (slots are independent: each reads and writes only its own columns).
 */
export function payEpochs(span: EpochSpan): void {
  const c = span.state.columns;
  const { active, lastEpochBlock, pendingOwner, pendingServer, pendingValidator, pendingRoot, holdings } = c;
  const { ownerRate, serverRate, validatorRate, rootRate, ownerDetected, ownerUndetected } = span;
  const n = span.blocks;
  const b0 = span.blockStart;
  const tempo = span.tempo;
  const slots = active.length;
  const detailed = span.state.neurons;
  const minerAt = MINER * slots;
  const ownerAt = OWNER * slots;
  const stakerAt = STAKER * slots;
  const rootAt = ROOT * slots;
  let epochsRun = 0;
  for (let slot = 0; slot < slots; slot++) {
    if (active[slot] !== 1) continue;
    // An overdue epoch runs at the first block of the span.
    const first = Math.max(lastEpochBlock[slot]! + tempo, b0 + 1);
    const epochs = first > b0 + n ? 0 : Math.floor((b0 + n - first) / tempo) + 1;
    if (epochs === 0) {
      pendingOwner[slot]! += ownerRate[slot]! * n;
      pendingServer[slot]! += serverRate[slot]! * n;
      pendingValidator[slot]! += validatorRate[slot]! * n;
      pendingRoot[slot]! += rootRate[slot]! * n;
      continue;
    }
    const last = first + (epochs - 1) * tempo;
    const before = last - b0;
    const after = b0 + n - last;
    const owner = pendingOwner[slot]! + ownerRate[slot]! * before;
    const server = pendingServer[slot]! + serverRate[slot]! * before;
    const validator = pendingValidator[slot]! + validatorRate[slot]! * before;
    const root = pendingRoot[slot]! + rootRate[slot]! * before;
    pendingOwner[slot] = ownerRate[slot]! * after;
    pendingServer[slot] = serverRate[slot]! * after;
    pendingValidator[slot] = validatorRate[slot]! * after;
    pendingRoot[slot] = rootRate[slot]! * after;
    lastEpochBlock[slot] = last;

    const detected = ownerDetected[slot]!;
    const undetected = ownerUndetected[slot]!;
    const burned = server * detected;
    holdings[minerAt + slot]! += server - burned - server * undetected;
    if (span.vestOwner === true) {
      c.vestingAlpha[slot]! += owner;
      holdings[ownerAt + slot]! += server * undetected;
    } else holdings[ownerAt + slot]! += owner + server * undetected;
    holdings[stakerAt + slot]! += validator;
    const detail = detailed === undefined || detailed === null ? undefined : detailed.subnets[slot];
    if (detail !== undefined && detail !== null) {
      // Neurons mode: the same class totals, split among UIDs by Yuma (the miners' part net of burns).
      payNeuronEpochs({
        subnet: detail,
        ws: detailed!.ws,
        server: server - burned - server * undetected,
        validator,
        epochs,
        lastBlock: last,
        tempo,
        maxEpochs: detailed!.maxEpochsPerStep,
      });
    }
    holdings[rootAt + slot]! += root;
    c.burnedAlpha[slot]! += burned;
    if (burned > 0) c.burnedValueTao[slot]! += burned * spotAt(c, slot);
    c.minerBurned[slot] = server > 0 ? detected : 0; // withheld / total incentive, 0 without incentive
    epochsRun += epochs;
  }
  span.epochs += epochsRun;
}
