/** `POST /api/runs` with `{ scenario, runs?, horizon?, seed? }`: 202 `{ id }` once the run is under way. */
import { sendJson } from './apiAnswer.ts';
import type { ApiRoute } from './apiRoute.ts';
import { parseRunRequest } from './parseRunRequest.ts';
import { readJsonBody } from './readJsonBody.ts';

export const startRunRoute: ApiRoute = async (context, { req, res }) => {
  const request = parseRunRequest(await readJsonBody(req));
  sendJson(res, 202, await context.runs.start(request));
};
