/** What the Bittensor model reads from a resolved scenario. */
import type { RuleChange } from '../../scenario/ruleTimeline.ts';
import type { StartingState } from '../../start/startingState.ts';
import type { ModelParams } from './params.ts';

/** What the model reads from a resolved scenario. */
export interface ModelScenario {
  readonly horizonDays: number;
  readonly step: 'block' | 'tempo' | 'day';
  readonly recordEveryDays: number;
  readonly model: ModelParams;
  /**
   * A fork: the future runs under `baseModel` until day `atDays`, then under `model` from that state
   * on, with the same random streams: every branch of a fork shares its history up to the fork point.
   */
  readonly fork?: { readonly atDays: number; readonly baseModel: ModelParams };
  /** The date of day 0 (default: the starting state's snapshot date) and the rule timeline, if any. */
  readonly startDate?: string;
  readonly rules?: readonly RuleChange[];
  /** The recorded network to start from (the file the scenario's `start:` names); synthetic without one. */
  readonly startingState?: StartingState;
}
