/** The steps at which a future records its series. */
import { BLOCKS_PER_DAY } from '../../../engine/kernel/index.ts';
import { STEP_BLOCKS } from '../../scenario/scenarioSchema.ts';
import type { ModelScenario } from './modelScenario.ts';

/** Record indices: every `recordEveryDays`, plus the last step. */
export function recordSteps(scenario: ModelScenario): Int32Array {
  const dt = STEP_BLOCKS[scenario.step] / BLOCKS_PER_DAY;
  const total = Math.round(scenario.horizonDays / dt);
  const every = Math.max(1, Math.round(scenario.recordEveryDays / dt));
  const out: number[] = [];
  for (let s = 0; s <= total; s += every) out.push(s);
  if (out.at(-1) !== total) out.push(total);
  return Int32Array.from(out);
}
