/**
 * `tensormarket schema cli`: the JSON Schema of every command's `--json-output`, and of the error every
 * command prints with it, from the one declaration in `cliJsonShapes.ts`.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { CLI_ERROR_SHAPE, CLI_JSON_SHAPES } from './cliJsonShapes.ts';
import { addJsonOptions } from './commandOutput.ts';

/** The published shapes as one JSON Schema document. */
export function cliJsonSchema(): Record<string, unknown> {
  const commands: Record<string, unknown> = {};
  for (const [name, shape] of Object.entries(CLI_JSON_SHAPES)) commands[name] = z.toJSONSchema(shape);
  return {
    title: 'tensormarket --json-output',
    description:
      'What each command prints on stdout with --json-output (exit 0), and the error it prints instead (exit 2).',
    commands,
    error: z.toJSONSchema(CLI_ERROR_SHAPE),
  };
}

/** Register `schema cli`. */
export function registerSchema(program: Command): void {
  const cli = program
    .command('schema')
    .description('print published JSON shapes')
    .command('cli')
    .description('the JSON Schema of every command’s --json-output and of its error object');
  // The schema is JSON either way; the flags are taken so that every command accepts them.
  addJsonOptions(cli).action(() => {
    process.stdout.write(`${JSON.stringify(cliJsonSchema(), null, 2)}\n`);
  });
}
