/**
 * The engine is pure: no I/O modules, no clock, no ambient randomness, and no imports from the layers
 * above it, nor from test/ outside its test kits. (Biome enforces the imports too; this test also
 * covers globals biome cannot restrict.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? files(path)
      : path.endsWith('.ts') && !path.endsWith('.test.ts')
        ? [path]
        : [];
  });
}

const engine = join(import.meta.dirname, '..', 'src', 'engine');
const forbidden: [RegExp, string][] = [
  [/from ['"]node:/, 'node:* import'],
  [/from ['"](fs|path|os|crypto|child_process|worker_threads)['"]/, 'I/O module import'],
  [/from ['"]\.\.\/(\.\.\/)*(sim|node|cli|sdk|conformance)\//, 'import from an upper layer'],
  [/Math\.random\s*\(/, 'Math.random'],
  [/Date\.now\s*\(|new Date\s*\(/, 'clock'],
  [/performance\.now\s*\(/, 'clock'],
  [/process\./, 'process'],
];

describe('engine purity', () => {
  const sources = files(engine);
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });
  // Test kits beside the code may share the generators in test/support; the engine itself may not.
  it('imports nothing from test/ outside its test kits', () => {
    const offenders = sources.filter(
      (f) => !f.endsWith('.testkit.ts') && /from ['"](\.\.\/)+test\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
  for (const [pattern, what] of forbidden) {
    it(`uses no ${what}`, () => {
      const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8')));
      expect(offenders).toEqual([]);
    });
  }
});
