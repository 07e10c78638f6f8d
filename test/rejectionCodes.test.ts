/**
 * The declared rejection codes are exactly those the engine's sources reject with: the type checker
 * refuses a code outside the unions, and this scan refuses a declared code no source uses any more.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAIN_REJECTION_CODES } from '../src/engine/chain/chainRejectionCodes.ts';
import { MECHANISM_REJECTION_CODES } from '../src/engine/mechanisms/mechanismRejectionCodes.ts';
import { POOL_REJECTION_CODES } from '../src/engine/pool/poolRejectionCodes.ts';

const engine = resolve(import.meta.dirname, '..', 'src', 'engine');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Codes passed as a literal to `rejection(...)` or `reject(...)` under `dir`. */
function usedCodes(dir: string): Set<string> {
  const call = /\breject(?:ion)?\(\s*'([A-Za-z]+)'/g;
  return new Set(sources(dir).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(call)].map((m) => m[1]!)));
}

describe('rejection codes', () => {
  it('the pool declares exactly the codes it rejects with', () => {
    expect([...usedCodes(join(engine, 'pool'))].sort()).toEqual([...POOL_REJECTION_CODES].sort());
  });

  it("the chain's core declares exactly its own codes and the pool's", () => {
    const used = new Set([...usedCodes(join(engine, 'chain')), ...POOL_REJECTION_CODES]);
    expect([...used].sort()).toEqual([...CHAIN_REJECTION_CODES].sort());
  });

  it('the mechanisms declare exactly the codes they use beyond the chain', () => {
    const chain = new Set<string>(CHAIN_REJECTION_CODES);
    const own = [...usedCodes(join(engine, 'mechanisms'))].filter((c) => !chain.has(c));
    expect(own.sort()).toEqual([...MECHANISM_REJECTION_CODES].sort());
  });
});
