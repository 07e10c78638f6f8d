/** What each endpoint of the runs API is given. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScenarioEntryJson } from '../../sdk/dashboard/runsApi.ts';
import type { RunManager } from './runManager.ts';

/** The dashboard's state an endpoint reads. */
export interface ApiContext {
  readonly runs: RunManager;
  /** The shipped scenarios, read once. */
  readonly scenarios: () => Promise<readonly ScenarioEntryJson[]>;
}

/** One endpoint: answers the request; `id` is the run's id where the path has one. */
export type ApiRoute = (
  context: ApiContext,
  request: { readonly req: IncomingMessage; readonly res: ServerResponse; readonly id: string },
) => Promise<void>;
