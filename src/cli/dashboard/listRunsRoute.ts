/** `GET /api/runs`: this dashboard's runs, newest first, each with its state and progress. */
import type { RunListJson } from '../../sdk/dashboard/runsApi.ts';
import { sendJson } from './apiAnswer.ts';
import type { ApiRoute } from './apiRoute.ts';

export const listRunsRoute: ApiRoute = async (context, { res }) => {
  const body: RunListJson = { runs: context.runs.list() };
  sendJson(res, 200, body);
};
