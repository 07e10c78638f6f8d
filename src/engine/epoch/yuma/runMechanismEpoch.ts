/**
 * One mechanism's epoch, `epoch_mechanism` (spec §7.1-§7.7): the sparse algorithm the chain runs, in
 * emulated fixed point, on the subnet's shared stake and permits. Two implementations give the same
 * bits: typed arrays for the inputs the chain actually holds, bigint rows for anything else.
 */
import type { I32F32 } from '../../fixed/index.ts';
import type { MechanismInput } from '../types.ts';
import { csrPathApplies } from './csrPathApplies.ts';
import type { YumaParams } from './params.ts';
import { runMechanismEpochCsr } from './runMechanismEpochCsr.ts';
import { runMechanismEpochRows } from './runMechanismEpochRows.ts';
import type { MechanismTerms, MechanismTrace } from './types.ts';

/** Inputs of {@link runMechanismEpoch}: the subnet-wide values plus this mechanism's state. */
export interface MechanismEpochInput {
  readonly block: number;
  readonly tempo: number;
  readonly ownerUid: number | null;
  readonly lastMechanismStepBlock: number;
  readonly params: YumaParams;
  /** Normalised epoch stake per UID (shared by all mechanisms); its length is n. */
  readonly stake: readonly I32F32[];
  /** Permits used this epoch (stored ones, owner forced). */
  readonly permits: readonly boolean[];
  /** Permits to store for the next epoch. */
  readonly newPermits: readonly boolean[];
  readonly blockAtRegistration: readonly number[];
  readonly mechanism: MechanismInput;
  /** Alpha this mechanism distributes, raw units. */
  readonly raoEmission: bigint;
}

/** Stored terms and intermediates of one mechanism's epoch (the trace may be computed on first read). */
export interface MechanismRun extends MechanismTerms {
  readonly trace: MechanismTrace;
}

/** Run one mechanism's epoch: the typed-array path when {@link csrPathApplies}, else bigint rows. */
export function runMechanismEpoch(input: MechanismEpochInput): MechanismRun {
  const { params, stake, mechanism } = input;
  return csrPathApplies({ n: stake.length, mechanism, params, stake })
    ? runMechanismEpochCsr(input)
    : runMechanismEpochRows(input);
}
