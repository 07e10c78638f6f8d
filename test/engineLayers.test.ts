/**
 * The engine's folders import in one direction only: each folder imports from folders of a lower layer
 * (or of its own layer, without cycles), so the chain's core compiles and runs without the add-ons above
 * it, and `state/` stays plain data at the bottom. Failures print the offending edges.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const engine = resolve(import.meta.dirname, '..', 'src', 'engine');

/** Layers from the bottom up; a folder may import from its own layer or a lower one. */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'errors.ts', 'chainConstants.ts'],
  ['fixed'],
  ['pool', 'coinbase', 'emission', 'registration', 'rules'],
  ['state'],
  ['staking', 'epoch'],
  ['genesis'],
  ['chain'],
  ['invariants'],
  ['mechanisms'],
  ['kernel'],
  ['index.ts'],
];
/** Folders of the chain's core: they run without `mechanisms/` (see `vitest.core.config.ts`). */
const CORE = LAYERS.flat().filter((f) => !['mechanisms', 'kernel', 'index.ts'].includes(f));
/** What `state/` may import at run time; from anywhere else it takes types only. */
const STATE_RUNTIME = new Set(['state', 'types.ts', 'errors.ts', 'chainConstants.ts']);

interface Edge {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The engine folder (or root file) a path belongs to. */
function unit(path: string): string {
  return relative(engine, path).split('/')[0]!;
}

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const found: Edge[] = [];
  const statements =
    /^(?:import|export)\s+(type\s+)?[^;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]/gms;
  for (const m of text.matchAll(statements)) {
    const target = resolve(dirname(file), (m[2] ?? m[3])!);
    if (!target.startsWith(engine)) continue;
    const from = unit(file);
    const to = unit(target);
    if (from !== to) found.push({ file: relative(engine, file), from, to, typeOnly: m[1] !== undefined });
  }
  return found;
}

const layerOf = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i] as const)));
const all = sources(engine);
const code = all.filter((f) => !f.endsWith('.test.ts'));
const edges = code.flatMap(edgesOf);
const show = (list: readonly Edge[]) => list.map((e) => `${e.file}: ${e.from} -> ${e.to}`);

/** Folder cycles, each as the list of folders around it. */
function cycles(list: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of list) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const found: string[][] = [];
  const walk = (node: string, path: string[]) => {
    for (const to of next.get(node) ?? []) {
      const at = path.indexOf(to);
      if (at >= 0) found.push([...path.slice(at), to]);
      else walk(to, [...path, to]);
    }
  };
  for (const start of next.keys()) walk(start, [start]);
  return found;
}

describe('engine import direction', () => {
  it('knows every engine folder', () => {
    const unknown = [...new Set(all.map(unit))].filter((u) => !layerOf.has(u));
    expect(unknown).toEqual([]);
    expect(edges.length).toBeGreaterThan(50);
  });

  it('imports only from the same or a lower layer', () => {
    const upward = edges.filter((e) => layerOf.get(e.to)! > layerOf.get(e.from)!);
    expect(show(upward)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(edges).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('keeps mechanisms/ out of the core, tests included', () => {
    const core = all.filter((f) => CORE.includes(unit(f)));
    const offending = core.flatMap(edgesOf).filter((e) => e.to === 'mechanisms');
    expect(show(offending)).toEqual([]);
  });

  it('keeps state/ plain data: types only from other folders', () => {
    const runtime = edges.filter((e) => e.from === 'state' && !e.typeOnly && !STATE_RUNTIME.has(e.to));
    expect(show(runtime)).toEqual([]);
  });
});
