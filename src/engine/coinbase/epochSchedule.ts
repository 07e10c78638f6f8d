/**
 * Epoch scheduling, spec §4.9 (`coinbase/run_coinbase.rs: should_run_epoch, drain_pending,
 * epochs_deferred_this_block`; `subnets/subnet.rs: init_new_network`).
 */

/** `MAX_TEMPO`: an epoch is forced once more blocks than this passed since the last successful one. */
export const MAX_TEMPO = 50_400;

/** Per-subnet scheduling state. */
export interface EpochScheduleState {
  /** `Tempo`; 0 never runs. */
  readonly tempo: number;
  /** `PendingEpochAt` (0 = none). */
  readonly pendingEpochAt: number;
  /** `BlocksSinceLastStep`. */
  readonly blocksSinceLastStep: number;
  /** `LastEpochBlock`. */
  readonly lastEpochBlock: number;
  /** `SubnetEpochIndex`. */
  readonly epochIndex: number;
}

/** `LastEpochBlock` at creation: block − (netuid mod max(tempo, 1)), saturating at 0 (the stagger). */
export function initialLastEpochBlock(input: {
  readonly block: number;
  readonly netuid: number;
  readonly tempo: number;
}): number {
  return Math.max(0, input.block - (input.netuid % Math.max(input.tempo, 1)));
}

/**
 * `should_run_epoch`: tempo ≠ 0 and (a pending epoch is due, or blocksSinceLastStep > MAX_TEMPO, or
 * block − lastEpochBlock ≥ tempo).
 */
export function shouldRunEpoch(state: EpochScheduleState, block: number): boolean {
  if (state.tempo === 0) return false;
  if (state.pendingEpochAt > 0 && block >= state.pendingEpochAt) return true;
  if (state.blocksSinceLastStep > MAX_TEMPO) return true;
  return Math.max(0, block - state.lastEpochBlock) >= state.tempo;
}

/** One non-root subnet's input to {@link scheduleEpochs}. */
export interface ScheduleInput extends EpochScheduleState {
  /** `is_epoch_input_state_consistent` (no duplicate hotkeys in Keys). */
  readonly consistent: boolean;
}

/** What happened to a subnet's epoch this block. */
export type EpochOutcome =
  /** Not due. */
  | 'idle'
  /** Due and run: drain the four pending amounts and distribute. */
  | 'run'
  /** Due but inconsistent: the slot is consumed, pending amounts keep accumulating. */
  | 'skipped'
  /** Due beyond the per-block cap: `PendingEpochAt = block + 1`. */
  | 'deferred';

/** Decision and next state of one subnet. */
export interface ScheduleDecision {
  readonly outcome: EpochOutcome;
  readonly next: EpochScheduleState;
}

/**
 * `drain_pending`'s schedule, in `NetworksAdded` order: every subnet's BlocksSinceLastStep += 1; due subnets
 * run (consistent ones count toward `maxEpochsPerBlock`) or are deferred once the cap is reached. A run resets
 * BlocksSinceLastStep; run and skip set LastEpochBlock = block, PendingEpochAt = 0, epochIndex + 1.
 * @example scheduleEpochs({ block: 720, maxEpochsPerBlock: 2, subnets })
 */
export function scheduleEpochs(input: {
  readonly block: number;
  readonly maxEpochsPerBlock: number;
  readonly subnets: readonly ScheduleInput[];
}): ScheduleDecision[] {
  let ran = 0;
  return input.subnets.map(({ consistent, ...state }): ScheduleDecision => {
    const counted = { ...state, blocksSinceLastStep: state.blocksSinceLastStep + 1 };
    if (!shouldRunEpoch(counted, input.block)) return { outcome: 'idle', next: counted };
    if (ran >= input.maxEpochsPerBlock) {
      return { outcome: 'deferred', next: { ...counted, pendingEpochAt: input.block + 1 } };
    }
    if (consistent) ran += 1;
    return {
      outcome: consistent ? 'run' : 'skipped',
      next: {
        ...counted,
        blocksSinceLastStep: consistent ? 0 : counted.blocksSinceLastStep,
        lastEpochBlock: input.block,
        pendingEpochAt: 0,
        epochIndex: state.epochIndex + 1,
      },
    };
  });
}

/**
 * `epochs_deferred_this_block` (read before the coinbase, e.g. to skip weight reveals): indices of the due
 * subnets beyond the cap, from the stored state (BlocksSinceLastStep not yet incremented).
 */
export function deferredEpochs(input: {
  readonly block: number;
  readonly maxEpochsPerBlock: number;
  readonly subnets: readonly ScheduleInput[];
}): number[] {
  let ran = 0;
  const deferred: number[] = [];
  input.subnets.forEach((s, i) => {
    if (!shouldRunEpoch(s, input.block)) return;
    if (ran >= input.maxEpochsPerBlock) deferred.push(i);
    else if (s.consistent) ran += 1;
  });
  return deferred;
}
