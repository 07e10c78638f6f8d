/**
 * One future of a Bittensor network: the kernel runs the chain's economics (the scenario's rule pack,
 * `price-2026-06` by default), agents decide each step, and exogenous paths move TAO demand, AI demand,
 * compute cost and competition (the TAO price model is in `taoPrice.ts`). A future is set up once, then
 * each step runs the ordered {@link STEP_PHASES}, and the outcomes and events are computed from the
 * declared metrics at the horizon.
 */
import type { KernelParams, KernelState } from '../../../engine/kernel/types.ts';
import { type Phases, runPhases } from '../../contract/runPhases.ts';
import type { RunInput, RunOutput } from '../../contract/types.ts';
import { createStream } from '../../rng/stream.ts';
import { createFutureContext, type FutureContext, startingState } from './createFutureContext.ts';
import { kernelParams } from './kernelParams.ts';
import { EVENT_METRICS, NEURON_METRICS, OUTCOME_METRICS } from './metrics.ts';
import type { ModelScenario } from './modelScenario.ts';
import { neuronOutcomes } from './neuronAgents.ts';
import { record, STEP_PHASES } from './stepPhases.ts';
import { spotPrice } from './view.ts';
import { withStartingState } from './withStartingState.ts';
import { createWorld } from './world.ts';

/** The chain state a future starts from (the kernel alone, for benchmarks of the bare kernel). */
export function initialKernelState(input: RunInput<ModelScenario>): {
  state: KernelState;
  params: KernelParams;
} {
  const start = input.scenario.startingState;
  const params = withStartingState(input.scenario.model, start);
  const kp = kernelParams(input.scenario);
  const world = createWorld(kp.slots, kp.slots);
  const rng = createStream(input.seed, input.runIndex, 'init');
  const state = startingState({ params, kernel: kp, world, rng, start });
  return { state, params: kp };
}

/** Run one future. */
export function runFuture(input: RunInput<ModelScenario>): RunOutput {
  return simulateFuture(input).output;
}

/**
 * Run one future and keep its final chain state (for tests and forks). `phases` replaces the step's
 * phases, for instruments that wrap them (the benchmark's per-phase timing); the lab runs {@link STEP_PHASES}.
 */
export function simulateFuture(
  input: RunInput<ModelScenario>,
  phases: Phases<FutureContext> = STEP_PHASES,
): { output: RunOutput; state: KernelState } {
  const ctx = createFutureContext(input);
  record.run(ctx);
  for (let step = 1; step <= ctx.totalSteps; step++) {
    ctx.step = step;
    ctx.wholeDay = Math.floor(step * ctx.dt);
    runPhases(phases, ctx);
  }

  // Close open pumps at the horizon price to measure their profit.
  const { wallets, state } = ctx;
  for (const pump of wallets.pumps) {
    wallets.pumpProfitTao += pump.alpha * spotPrice(state, pump.slot) - pump.taoIn;
  }

  // The shape follows the (branch's) model: neuron outcomes only when it runs neurons mode.
  const neuronsShown = input.scenario.model.neurons.enabled;
  const width = OUTCOME_METRICS.keys.length;
  const outcomes = new Float64Array(width + (neuronsShown ? NEURON_METRICS.keys.length : 0));
  OUTCOME_METRICS.write(ctx, outcomes);
  if (neuronsShown && ctx.neuronBook !== null)
    NEURON_METRICS.write(neuronOutcomes(ctx.neuronBook), outcomes, width);
  const events = new Uint8Array(EVENT_METRICS.keys.length);
  EVENT_METRICS.write(ctx, events);
  return { output: { steps: ctx.steps, series: ctx.series, outcomes, events }, state };
}
