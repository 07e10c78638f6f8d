/** `tensormarket conformance [FILES...]`: check the engine against the chain's own test vectors. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseVectorFile, runVector, type VectorResult } from '../conformance/index.ts';
import { InputError } from '../engine/errors.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { dim, green, red, yellow } from './output.ts';

/** Where the shared vectors live when no files are given: `../shared/conformance` of the project. */
export function defaultVectorDir(): string {
  return resolve(import.meta.dirname, '..', '..', '..', 'shared', 'conformance');
}

function listDefaultFiles(): string[] {
  const dir = process.env.TENSORMARKET_CONFORMANCE_DIR ?? defaultVectorDir();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new InputError(
      'FILES',
      `no files given and the default folder ${dir} is missing; pass vector files`,
    );
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));
}

/** Run every vector of the given files. */
export function runConformance(files: readonly string[]): VectorResult[] {
  const results: VectorResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new InputError(file, 'cannot be read; check the path', { cause });
    }
    for (const vector of parseVectorFile(basename(file), text)) results.push(runVector(vector));
  }
  return results;
}

export function registerConformance(program: Command): void {
  const command = program
    .command('conformance')
    .description(
      'check the engine against the chain test vectors (default: every file in ../shared/conformance)',
    )
    .argument('[files...]', 'vector files (JSON)');
  addJsonOptions(command).action((files: string[], opts: JsonOptions) => {
    const results = runConformance(files.length > 0 ? files : listDefaultFiles());
    const passed = results.filter((r) => r.status === 'pass').length;
    const failed = results.length - passed;
    if (wantsJson(opts)) {
      printJson('conformance', {
        results: results.map((r) => ({ ...r, details: [...r.details] })),
        passed,
        failed,
      });
    } else {
      for (const r of results) {
        const tag =
          r.status === 'pass' ? green('PASS') : r.status === 'fail' ? red('FAIL') : yellow('UNSUPPORTED');
        const why = r.status === 'pass' ? '' : ` ${dim(r.details.join('; '))}`;
        process.stdout.write(`${tag} ${r.file} ${r.name} (${r.kind})${why}\n`);
      }
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
    }
    process.exitCode = failed > 0 ? 1 : 0;
  });
}
