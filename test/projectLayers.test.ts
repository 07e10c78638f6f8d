/**
 * The project's top folders import downward only (DESIGN.md's layers): the engine imports none of the
 * others; the SDK only the engine; the node, the lab and the example subnets the SDK and the engine but
 * never each other; the dashboard the SDK's types; the command line and the benchmarks anything. Test files and test kits are held to
 * the same rule as the code beside them, and may use the shared test support. Failures print the
 * offending imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** What each top folder may import besides itself. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'src/engine': [],
  'src/sdk': ['src/engine'],
  'src/node': ['src/engine', 'src/sdk'],
  'src/sim': ['src/engine', 'src/sdk'],
  subnets: ['src/engine', 'src/sdk'],
  // The dashboard shares the API's types and nothing else of the node.
  web: ['src/sdk'],
};

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'assembly' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|mjs)$/.test(path) ? [path] : [];
  });
}

/** The top folder a repository path belongs to: `src/x`, or a root folder. */
function topOf(path: string): string {
  const parts = relative(root, path).split('/');
  return parts[0] === 'src' ? `src/${parts[1]}` : parts[0]!;
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

describe('project layers', () => {
  it('imports point down only', () => {
    const bad: string[] = [];
    for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
      for (const file of sources(join(root, folder))) {
        for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
          const target = topOf(resolve(dirname(file), m[1]!));
          const testSupport = target === 'test' && /\.(test|testkit)\.ts$/.test(file);
          if (target !== folder && !testSupport && !allowed.includes(target))
            bad.push(`${relative(root, file)} imports ${m[1]} (${target})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
