/**
 * Each chain constant has one definition: a literal that names a chain value appears in exactly one
 * source file (tests aside); everything else imports it. Comments are ignored, so a doc may still quote
 * the number. Failures print the files that retype it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
/** Folders scanned: the engine, the lab, the CLI, the conformance runner and the benchmarks. */
const SCANNED = ['src/engine', 'src/sim', 'src/cli', 'src/conformance', 'bench'];

/** Each literal and the one file allowed to define it (`null`: derived, so no file spells it). */
const DEFINED_IN: readonly (readonly [RegExp, string | null])[] = [
  [/\b7_?200\b/, null], // BLOCKS_PER_DAY, derived from the block time in chainConstants.ts
  [/\b1_000_000_000n\b/, 'src/engine/chainConstants.ts'], // RAO_PER_TAO
  [/\b11_?796\b/, 'src/engine/state/defaults.ts'], // SubnetOwnerCut (and the takes that share its value)
  [/\b201_?600\b/, 'src/engine/state/defaults.ts'], // EMAPriceHalvingBlocks
  [/\b12_?885n?\b/, 'src/engine/state/defaults.ts'], // SubnetMovingAlpha
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const code = SCANNED.flatMap((d) => sources(join(root, d))).map((file) => ({
  file: relative(root, file),
  text: readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, ''),
}));

describe('chain constants', () => {
  it.each(DEFINED_IN)('%s is spelled out only where it is defined', (literal, home) => {
    const files = code.filter((c) => literal.test(c.text)).map((c) => c.file);
    expect(files).toEqual(home === null ? [] : [home]);
  });
});
