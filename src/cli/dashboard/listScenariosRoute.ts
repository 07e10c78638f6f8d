/** `GET /api/scenarios`: the shipped scenarios with their defaults. */
import type { ScenarioListJson } from '../../sdk/dashboard/runsApi.ts';
import { sendJson } from './apiAnswer.ts';
import type { ApiRoute } from './apiRoute.ts';

export const listScenariosRoute: ApiRoute = async (context, { res }) => {
  const body: ScenarioListJson = { scenarios: await context.scenarios() };
  sendJson(res, 200, body);
};
