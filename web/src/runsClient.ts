/**
 * The page's side of the runs API (src/cli/dashboard/runsApi.ts): the shipped scenarios, start, follow
 * and stop a run. Answers are read defensively; a refusal comes back as the server's message, which
 * names the field at fault.
 */
import type {
  RunEntryJson,
  RunProgressJson,
  RunRequestJson,
  RunState,
  ScenarioEntryJson,
} from '../../src/sdk/dashboard/runsApi.ts';

/** A refusal or failure of the API, as the page shows it. */
export interface ApiProblem {
  readonly field: string | undefined;
  readonly message: string;
}

const STATES: readonly RunState[] = ['running', 'done', 'failed', 'stopped'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A run's progress as an event or the listing carries it; undefined when malformed. */
export function readProgress(value: unknown): RunProgressJson | undefined {
  if (!isRecord(value) || !isCount(value.done) || !isCount(value.total)) return undefined;
  const state = STATES.find((s) => s === value.state);
  if (state === undefined) return undefined;
  const variants = Array.isArray(value.variants)
    ? value.variants.filter((v): v is string => typeof v === 'string')
    : undefined;
  return {
    done: value.done,
    total: value.total,
    state,
    ...(isCount(value.variant) ? { variant: value.variant } : {}),
    ...(variants === undefined ? {} : { variants }),
    ...(typeof value.message === 'string' ? { message: value.message } : {}),
  };
}

/** The problem an error answer states. */
async function problemOf(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  return {
    field: typeof error?.field === 'string' ? error.field : undefined,
    message: typeof error?.message === 'string' ? error.message : `the dashboard answered ${response.status}`,
  };
}

/** The shipped scenarios the dashboard runs. */
export async function fetchScenarios(api: string): Promise<ScenarioEntryJson[] | ApiProblem> {
  const response = await fetch(new URL('scenarios', api));
  if (!response.ok) return problemOf(response);
  const body: unknown = await response.json();
  const list = isRecord(body) && Array.isArray(body.scenarios) ? body.scenarios : [];
  return list.filter(
    (s): s is ScenarioEntryJson =>
      isRecord(s) &&
      typeof s.file === 'string' &&
      typeof s.name === 'string' &&
      typeof s.title === 'string' &&
      typeof s.description === 'string' &&
      isCount(s.runs) &&
      typeof s.horizon === 'string' &&
      typeof s.seed === 'number' &&
      Array.isArray(s.variants),
  );
}

/** Start a run; its id, or why not. */
export async function startRun(api: string, request: RunRequestJson): Promise<{ id: string } | ApiProblem> {
  const response = await fetch(new URL('runs', api), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (response.status !== 202) return problemOf(response);
  const body: unknown = await response.json();
  return isRecord(body) && typeof body.id === 'string'
    ? { id: body.id }
    : { field: undefined, message: 'the dashboard started a run but did not say which' };
}

/** The run `id` as this dashboard lists it; undefined when it did not start it. */
export async function fetchRun(api: string, id: string): Promise<RunEntryJson | undefined> {
  const response = await fetch(new URL('runs', api));
  const body: unknown = response.ok ? await response.json() : undefined;
  const runs = isRecord(body) && Array.isArray(body.runs) ? body.runs : [];
  const entry: unknown = runs.find((r) => isRecord(r) && r.id === id);
  const progress = readProgress(entry);
  return progress === undefined
    ? undefined
    : { id, scenario: String((entry as { scenario?: unknown }).scenario), ...progress };
}

/** Follow a run's progress until it ends; returns a function that stops following. */
export function followRun(api: string, id: string, onProgress: (p: RunProgressJson) => void): () => void {
  const source = new EventSource(new URL(`runs/${encodeURIComponent(id)}/events`, api));
  source.onmessage = (event: MessageEvent<string>) => {
    let progress: RunProgressJson | undefined;
    try {
      progress = readProgress(JSON.parse(event.data));
    } catch {
      progress = undefined;
    }
    if (progress === undefined) return;
    // The stream ends after the final state; closing first keeps the browser from reconnecting.
    if (progress.state !== 'running') source.close();
    onProgress(progress);
  };
  return () => source.close();
}

/** Ask the run to stop; undefined once it has, else why not. */
export async function stopRun(api: string, id: string): Promise<ApiProblem | undefined> {
  const response = await fetch(new URL(`runs/${encodeURIComponent(id)}`, api), { method: 'DELETE' });
  return response.ok ? undefined : problemOf(response);
}
