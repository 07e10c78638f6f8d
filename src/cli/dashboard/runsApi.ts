/**
 * The dashboard's runs API under `/api/`: the shipped scenarios, start a run, list the runs, follow one
 * (Server-Sent Events), stop one. Requests that change something must come from the dashboard's own
 * page (see isOwnOrigin).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScenarioEntryJson } from '../../sdk/dashboard/runsApi.ts';
import { sendApiError } from './apiAnswer.ts';
import type { ApiContext, ApiRoute } from './apiRoute.ts';
import { isOwnOrigin } from './isOwnOrigin.ts';
import { listRunsRoute } from './listRunsRoute.ts';
import { listScenariosRoute } from './listScenariosRoute.ts';
import { runEventsRoute } from './runEventsRoute.ts';
import type { RunManager } from './runManager.ts';
import { RunsApiError } from './runsApiError.ts';
import { startRunRoute } from './startRunRoute.ts';
import { stopRunRoute } from './stopRunRoute.ts';

/** The URL path the API is mounted on. */
export const API_PREFIX = '/api/';

/** Answers a request under {@link API_PREFIX}; resolves false for any other path. */
export type RunsApi = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** A path segment decoded, or undefined when it is not valid percent-encoding. */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The endpoint a method and path name, with the run id the path carries. */
function routeOf(method: string, path: string): { route: ApiRoute; id: string } | undefined {
  if (path === 'scenarios' && method === 'GET') return { route: listScenariosRoute, id: '' };
  if (path === 'runs' && method === 'GET') return { route: listRunsRoute, id: '' };
  if (path === 'runs' && method === 'POST') return { route: startRunRoute, id: '' };
  const events = decoded(/^runs\/([^/]+)\/events$/.exec(path)?.[1] ?? '');
  if (events !== undefined && events !== '' && method === 'GET') return { route: runEventsRoute, id: events };
  const run = decoded(/^runs\/([^/]+)$/.exec(path)?.[1] ?? '');
  if (run !== undefined && run !== '' && method === 'DELETE') return { route: stopRunRoute, id: run };
  return undefined;
}

/**
 * The API's handler over a run manager and the shipped scenarios' listing.
 * @example const api = createRunsApi({ runs, scenarios: () => listShippedScenarios() }); if (!(await api(req, res))) files(req, res)
 */
export function createRunsApi(options: {
  readonly runs: RunManager;
  readonly scenarios: () => Promise<readonly ScenarioEntryJson[]>;
}): RunsApi {
  let listing: Promise<readonly ScenarioEntryJson[]> | undefined;
  const context: ApiContext = {
    runs: options.runs,
    scenarios: () => {
      listing ??= options.scenarios().catch((error: unknown) => {
        listing = undefined;
        throw error;
      });
      return listing;
    },
  };
  return async (req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (!urlPath.startsWith(API_PREFIX)) return false;
    const method = req.method ?? 'GET';
    try {
      const found = routeOf(method, urlPath.slice(API_PREFIX.length));
      if (found === undefined)
        throw new RunsApiError(
          'NOT_FOUND',
          `no ${method} ${urlPath}; the API has GET /api/scenarios, GET and POST /api/runs, GET /api/runs/<id>/events and DELETE /api/runs/<id>`,
        );
      if (method !== 'GET' && method !== 'HEAD' && !isOwnOrigin(req.headers))
        throw new RunsApiError(
          'FOREIGN_ORIGIN',
          `requests from ${req.headers.origin ?? 'another site'} may not start or stop runs; use the dashboard's own page`,
        );
      await found.route(context, { req, res, id: found.id });
    } catch (error) {
      sendApiError(res, error);
    }
    return true;
  };
}
