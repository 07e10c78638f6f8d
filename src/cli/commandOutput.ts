/**
 * How a command answers: with `--json-output`, exactly one JSON document on stdout (its published shape,
 * or the error shape) and nothing else; otherwise lines for a person on stdout and errors on stderr.
 * A failure exits with 2 either way.
 */
import type { Command } from 'commander';
import { InputError, TensormarketError } from '../engine/errors.ts';
import { TransactionFailure } from '../sdk/client/transactionFailure.ts';
import { CLI_ERROR_SHAPE, CLI_JSON_SHAPES, type CliCommand, type CliOutput } from './cliJsonShapes.ts';

/** The exit code of a command that failed for a stated reason. */
export const FAILURE_EXIT_CODE = 2;

/** A failure as reported: a stable code, the option at fault (or null) and the message. */
export interface FailureReport {
  readonly code: string;
  readonly field: string | null;
  readonly message: string;
}

/** Whether this command line asks for JSON (read from the arguments, so usage errors answer in JSON too). */
export const jsonRequested = (argv: readonly string[] = process.argv): boolean =>
  argv.some((a) => a === '--json-output' || a === '--json');

/** The options that ask for JSON, as commander parses them. */
export interface JsonOptions {
  readonly jsonOutput?: boolean;
  readonly json?: boolean;
}

/** Add `--json-output` and its alias `--json` to `command`. */
export function addJsonOptions(command: Command): Command {
  return command
    .option('--json-output', 'print exactly one JSON document on stdout (see `tensormarket schema cli`)')
    .option('--json', 'same as --json-output');
}

/** Whether the parsed options ask for JSON. */
export const wantsJson = (opts: JsonOptions): boolean => opts.jsonOutput === true || opts.json === true;

/**
 * Print `value` as the JSON output of `command`, after checking it against the published shape (a
 * mismatch throws: it is a bug in the command, never something to print). `line`: on one line, for a
 * process that keeps running after it (`localnet`).
 */
export function printJson<C extends CliCommand>(
  command: C,
  value: CliOutput<C>,
  options?: { readonly line?: boolean },
): void {
  const checked = CLI_JSON_SHAPES[command].parse(value);
  process.stdout.write(`${JSON.stringify(checked, null, options?.line === true ? undefined : 2)}\n`);
}

/** A string member of a value, if there is one. */
function stringMember(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const member = (value as Record<string, unknown>)[key];
  return typeof member === 'string' ? member : undefined;
}

/**
 * What a thrown value reports: a {@link TensormarketError}'s code and field (`field` member or
 * `details.field`, passed through `fieldName` to name the option); an input error caused by a domain
 * error reports the domain error's code (e.g. `INVALID_MNEMONIC` for `--mnemonic`), and a transaction
 * that did not apply reports the chain's code and field (e.g. `NotEnoughBalance`, `amount`). Undefined
 * for anything else (a bug).
 */
export function failureReport(
  error: unknown,
  fieldName: (field: string) => string = (f) => f,
  callFieldName: (field: string) => string = fieldName,
): FailureReport | undefined {
  if (!(error instanceof TensormarketError)) return undefined;
  if (error instanceof TransactionFailure) {
    const { code, field } = error.reason;
    return { code, field: field === undefined ? null : callFieldName(field), message: error.message };
  }
  const code =
    error instanceof InputError && error.cause instanceof TensormarketError ? error.cause.code : error.code;
  const field = stringMember(error, 'field') ?? stringMember(error.details, 'field');
  return { code, field: field === undefined ? null : fieldName(field), message: error.message };
}

/**
 * Report a failure and set the exit code: the error shape on stdout with `json`, `error [CODE] message`
 * on stderr otherwise. A value that is not a stated failure is rethrown in text mode (its stack helps),
 * and reported as `INTERNAL_ERROR` in JSON mode (stdout must stay one JSON document). `callFieldName`
 * names the option behind a call argument the chain refused (default `fieldName`).
 */
export function reportFailure(
  error: unknown,
  json: boolean,
  fieldName?: (field: string) => string,
  callFieldName?: (field: string) => string,
): void {
  const report = failureReport(error, fieldName, callFieldName);
  process.exitCode = FAILURE_EXIT_CODE;
  if (json) {
    const body = report ?? {
      code: 'INTERNAL_ERROR',
      field: null,
      message: error instanceof Error ? error.message : String(error),
    };
    process.stdout.write(`${JSON.stringify(CLI_ERROR_SHAPE.parse({ error: body }), null, 2)}\n`);
    return;
  }
  if (report === undefined) throw error;
  process.stderr.write(`error [${report.code}] ${report.message}\n`);
}
