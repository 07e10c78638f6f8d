/**
 * The scenarios shipped in the project's `scenarios/` folder (its `*.yaml` files, not its subfolders):
 * the only ones the dashboard runs. A start request names one by file name, checked against this list,
 * so no request can make the dashboard read a path of its choosing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import type { ScenarioEntryJson } from '../../sdk/dashboard/runsApi.ts';
import { PROJECT_ROOT } from '../../sim/runner/manifest.ts';
import { resolveRunOptions } from '../runOptions.ts';

/** The folder of the shipped scenarios. */
export const SCENARIOS_DIR = join(PROJECT_ROOT, 'scenarios');

/** The `*.yaml` file names directly in `dir`, sorted. */
export function shippedScenarioFiles(dir: string = SCENARIOS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => e.name)
    .sort();
}

/**
 * The path of the shipped scenario `name` names; an `InputError` on `scenario` when it names none.
 * @example shippedScenarioPath('default.yaml') // <project>/scenarios/default.yaml
 */
export function shippedScenarioPath(name: unknown, dir: string = SCENARIOS_DIR): string {
  const files = shippedScenarioFiles(dir);
  if (typeof name !== 'string' || !files.includes(name))
    throw new InputError(
      'scenario',
      `expected the file name of a shipped scenario, one of ${files.join(', ')}; got ${JSON.stringify(name) ?? 'nothing'}`,
    );
  return join(dir, name);
}

/**
 * Each shipped scenario with its defaults, as its file and calibration resolve them.
 * @example (await listShippedScenarios())[0] // { file: 'backtest-dtao.yaml', name: 'backtest-dtao', … }
 */
export async function listShippedScenarios(dir: string = SCENARIOS_DIR): Promise<ScenarioEntryJson[]> {
  const entries: ScenarioEntryJson[] = [];
  for (const file of shippedScenarioFiles(dir)) {
    const { scenario } = await resolveRunOptions(join(dir, file), { workers: 1 });
    entries.push({
      file,
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      runs: scenario.runs,
      horizon: scenario.horizon,
      seed: scenario.seed,
      variants: (scenario.variants ?? []).map((v) => v.name),
    });
  }
  return entries;
}
