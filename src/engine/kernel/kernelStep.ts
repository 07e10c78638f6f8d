/**
 * One step of the fast kernel: the intents (in order, before the coinbase), then `params.blocksPerStep`
 * blocks of the `price-2026-06` coinbase in closed form, split where a TAO halving falls inside the step.
 */
import { InputError } from '../errors.ts';
import { applyIntentBatch, applyIntents, type IntentContext, type IntentResults } from './applyIntents.ts';
import { checkKernelParams } from './createKernelState.ts';
import { IntentBatch } from './intentBatch.ts';
import { type KernelScratch, kernelScratch } from './kernelScratch.ts';
import { settleMechanisms } from './mechanismsF64.ts';
import { type CoinbaseSpan, runCoinbaseSpan } from './runCoinbaseSpan.ts';
import {
  HOLDER_CLASSES,
  type KernelIntent,
  type KernelParams,
  type KernelState,
  type StepReport,
} from './types.ts';

const NONE: readonly number[] = Object.freeze([]);
const NO_PAYOUT: readonly number[] = Object.freeze(HOLDER_CLASSES.map(() => 0));

/** Inputs of {@link kernelStep}. */
export interface KernelStepInput {
  /** The state to advance (mutated in place: the kernel owns it; clone it to fork). */
  readonly state: KernelState;
  readonly params: KernelParams;
  /** The step's intents, in order: objects, or an {@link IntentBatch} (reused, allocation-free). */
  readonly intents?: readonly KernelIntent[] | IntentBatch;
}

/**
 * Advance `state` by `params.blocksPerStep` blocks. In steady state (no intents) a step allocates only its
 * report: every buffer lives in the per-slot-count scratch.
 * @example const report = kernelStep({ state, params, intents: [{ kind: 'stake', slot: 3, tao: 100, holder: 'speculator' }] })
 */
export function kernelStep(input: KernelStepInput): StepReport {
  const { state, params } = input;
  const intents = input.intents ?? NONE_INTENTS;
  if (state.columns.active.length !== params.slots) checkSlots(state, params);
  const scratch = kernelScratch(params.slots);
  let results: IntentResults | null = null;
  if (intents.length > 0) {
    const n = intents.length;
    const batch = intents instanceof IntentBatch ? intents : null;
    const ctx: IntentContext = {
      state,
      params,
      scratch,
      results: {
        filled: batch === null ? new Array<number>(n) : batch.filled.subarray(0, n),
        proceeds: batch === null ? new Array<number>(n) : batch.proceeds.subarray(0, n),
        received: batch === null ? new Array<number>(n) : batch.received.subarray(0, n),
        registered: [],
        pruned: [],
        dissolutionTao: null,
      },
      proceeds: 0,
      received: 0,
      amount: 0,
      filled: 0,
    };
    if (batch === null) applyIntents(ctx, intents as readonly KernelIntent[]);
    else applyIntentBatch(ctx, batch);
    results = ctx.results;
  } else {
    scratch.ownerDetected.fill(0);
    scratch.ownerUndetected.fill(0);
  }

  const span = spanFor(input, scratch);
  let remaining = params.blocksPerStep;
  while (remaining > 0) {
    span.blocks = remaining;
    runCoinbaseSpan(span); // stops early at a halving
    remaining -= span.blocks;
  }
  if (params.mechanisms !== undefined) settleMechanisms(state, params, params.blocksPerStep);
  return {
    emitted: span.emitted,
    filled: results?.filled ?? NONE,
    proceeds: results?.proceeds ?? NONE,
    received: results?.received ?? NONE,
    registered: results !== null && results.registered.length > 0 ? results.registered : NONE,
    pruned: results !== null && results.pruned.length > 0 ? results.pruned : NONE,
    dissolutionTao: results?.dissolutionTao ?? NO_PAYOUT,
    epochs: span.epochs,
  };
}

let cachedSpan: CoinbaseSpan | null = null;

/** The reused span context of a step, reset for this one. */
function spanFor(input: KernelStepInput, scratch: KernelScratch): CoinbaseSpan {
  if (cachedSpan === null || cachedSpan.scratch !== scratch) {
    cachedSpan = {
      state: input.state,
      params: input.params,
      scratch,
      tempo: input.params.tempo,
      blockStart: input.state.block,
      blocks: 0,
      ownerRate: scratch.ownerRate,
      serverRate: scratch.serverRate,
      validatorRate: scratch.validatorRate,
      rootRate: scratch.rootRate,
      ownerDetected: scratch.ownerDetected,
      ownerUndetected: scratch.ownerUndetected,
      epochs: 0,
      emitted: 0,
    };
  }
  const span = cachedSpan;
  span.state = input.state;
  span.params = input.params;
  span.tempo = input.params.tempo;
  span.epochs = 0;
  span.emitted = 0;
  span.vestOwner = input.params.mechanisms?.vesting !== undefined;
  return span;
}

const NONE_INTENTS: readonly KernelIntent[] = Object.freeze([]);

function checkSlots(state: KernelState, params: KernelParams): void {
  checkKernelParams(params);
  throw new InputError(
    'params.slots',
    `is ${params.slots}; the state has ${state.columns.active.length} slots`,
  );
}
