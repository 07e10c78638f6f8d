/** `DELETE /api/runs/<id>`: stop the run (the runs in flight finish; partial results are kept). */
import { sendJson } from './apiAnswer.ts';
import type { ApiRoute } from './apiRoute.ts';

export const stopRunRoute: ApiRoute = async (context, { res, id }) => {
  sendJson(res, 200, await context.runs.stop(id));
};
