/**
 * The wire shapes of the dashboard's runs API (`tensormarket dashboard` serves it, the page reads it):
 * the shipped scenarios, a run's start request and its progress. Declared here, below both, so that the
 * server and the page share one definition.
 */

/** Where the API is served, relative to the page. */
export const RUNS_API_PATH = 'api/';

/** Where a run's outputs are served read-only, relative to the page: `runs/<id>/summary.json`. */
export const RUN_FILES_PATH = 'runs/';

/** A run's id: the scenario's name and the start time, `default-20261207-035119`, made unique. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A shipped scenario as `GET /api/scenarios` lists it. */
export interface ScenarioEntryJson {
  /** The file name in the scenarios folder, e.g. `default.yaml`: what a start request names. */
  readonly file: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly runs: number;
  /** As the file writes it, e.g. `2y`. */
  readonly horizon: string;
  readonly seed: number;
  /** Names of the variants: a scenario with variants runs as a comparison. Empty otherwise. */
  readonly variants: readonly string[];
}

/** `GET /api/scenarios`. */
export interface ScenarioListJson {
  readonly scenarios: readonly ScenarioEntryJson[];
}

/** `POST /api/runs`: a shipped scenario's file name and overrides of its runs, horizon and seed. */
export interface RunRequestJson {
  readonly scenario: string;
  readonly runs?: number | string;
  readonly horizon?: string;
  readonly seed?: number | string;
}

/** The answer to a start request (202). */
export interface RunStartedJson {
  readonly id: string;
}

/** Where a run is; the last three are final. */
export type RunState = 'running' | 'done' | 'failed' | 'stopped';

/** A run's progress, as each Server-Sent Event of `GET /api/runs/<id>/events` carries it. */
export interface RunProgressJson {
  /** Runs collected and requested in the step running (of the variant running, in a comparison). */
  readonly done: number;
  readonly total: number;
  /** In a comparison: the 0-based index of the variant running. */
  readonly variant?: number;
  /** In a comparison: the names of its variants. */
  readonly variants?: readonly string[];
  readonly state: RunState;
  /** The step running (`sensitivity screen`, `writing the report`), or why the run failed. */
  readonly message?: string;
}

/** A run as `GET /api/runs` lists it. */
export interface RunEntryJson extends RunProgressJson {
  readonly id: string;
  /** The scenario's file name. */
  readonly scenario: string;
}

/** `GET /api/runs`: newest first. */
export interface RunListJson {
  readonly runs: readonly RunEntryJson[];
}

/** Every error answer of the API: the request field at fault (when one is) and what to do. */
export interface RunsApiErrorJson {
  readonly error: { readonly field?: string; readonly code: string; readonly message: string };
}
