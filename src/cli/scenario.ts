/**
 * `tensormarket scenario validate FILE` and `tensormarket scenario schema`: check a scenario file
 * (every problem, with file:line:col, field path, expected and found values) and print the JSON Schema
 * of scenario files with the model's parameters, defaults and their sources.
 */

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { InputError } from '../engine/errors.ts';
import { loadModel, parseModelRef } from '../sim/runner/modelRef.ts';
import { parseScenario } from '../sim/scenario/parseScenario.ts';
import { ScenarioError } from '../sim/scenario/scenarioError.ts';
import { formatScenarioIssue } from '../sim/scenario/scenarioIssue.ts';
import { scenarioJsonSchema } from '../sim/scenario/scenarioJsonSchema.ts';
import { checkScenarioStart } from '../sim/start/checkScenarioStart.ts';
import { addJsonOptions, type JsonOptions, printJson, reportFailure, wantsJson } from './commandOutput.ts';
import { green, red } from './output.ts';

/**
 * The schema of the `model` section: the Bittensor model's by default, else that of the `--model` named.
 * The model is imported here, not with the command's modules: `simulate` starts its threads first.
 */
export async function resolveModelSchema(opts: { model?: string }): Promise<z.ZodType> {
  if (opts.model === undefined) return (await import('../sim/model/index.ts')).bittensorModel.schema;
  return (await loadModel(parseModelRef(opts.model))).schema;
}

/** Register the `scenario` command and its subcommands. */
export function registerScenario(program: Command): void {
  const scenario = program.command('scenario').description('check scenario files and print their schema');

  const validate = scenario
    .command('validate')
    .description('validate a scenario file (YAML or JSON): every problem with file:line:col; exit 2 if any')
    .argument('<file>', 'scenario file')
    .option('--model <module#export>', 'the model whose section to check (default: the Bittensor model)');
  addJsonOptions(validate).action(async (file: string, opts: { model?: string } & JsonOptions) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new InputError(file, 'cannot be read; check the path', { cause });
    }
    const result = parseScenario({
      text,
      file,
      modelSchema: await resolveModelSchema(opts),
      checkStart: checkScenarioStart(file),
    });
    if (!result.ok && wantsJson(opts)) {
      reportFailure(new ScenarioError(result.issues), true);
      return;
    }
    if (!result.ok) {
      for (const issue of result.issues) process.stderr.write(`${formatScenarioIssue(issue)}\n`);
      const n = result.issues.length;
      process.stderr.write(`${red('INVALID')} ${file}: ${n} problem${n === 1 ? '' : 's'}\n`);
      process.exitCode = 2;
      return;
    }
    const s = result.scenario;
    if (wantsJson(opts)) {
      printJson('scenario validate', {
        file,
        name: s.name,
        runs: s.runs,
        horizon: s.horizon,
        horizonDays: s.horizonDays,
        step: s.step,
        recordEvery: s.recordEvery,
        seed: s.seed,
      });
      return;
    }
    process.stdout.write(
      `${green('OK')} ${file}: ${s.name}, ${s.runs} runs over ${s.horizon} (${s.horizonDays} days), ` +
        `step ${s.step}, recorded every ${s.recordEvery} days, seed ${s.seed}\n`,
    );
  });

  const schema = scenario
    .command('schema')
    .description('print the JSON Schema of scenario files (defaults and their sources in descriptions)')
    .option('--model <module#export>', 'the model whose section to describe (default: the Bittensor model)');
  // The schema is JSON either way; the flags are taken so that every command accepts them.
  addJsonOptions(schema).action(async (opts: { model?: string }) => {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(await resolveModelSchema(opts)), null, 2)}\n`);
  });
}
