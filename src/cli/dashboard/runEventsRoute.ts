/**
 * `GET /api/runs/<id>/events`: the run's progress as Server-Sent Events, its current state first; the
 * stream ends after the final state.
 */
import type { RunProgressJson } from '../../sdk/dashboard/runsApi.ts';
import type { ApiRoute } from './apiRoute.ts';

export const runEventsRoute: ApiRoute = async (context, { res, id }) => {
  let unsubscribe: (() => void) | undefined;
  let ended = false;
  const listener = (progress: RunProgressJson) => {
    if (ended) return;
    if (!res.headersSent)
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    res.write(`data: ${JSON.stringify(progress)}\n\n`);
    if (progress.state !== 'running') {
      ended = true;
      res.end();
      // The first call comes from inside subscribe, before it has returned its unsubscribe.
      queueMicrotask(() => unsubscribe?.());
    }
  };
  unsubscribe = context.runs.subscribe(id, listener);
  if (ended) unsubscribe();
  res.once('close', () => unsubscribe?.());
};
