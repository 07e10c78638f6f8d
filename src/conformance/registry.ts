/**
 * Dispatch of conformance vectors on their `kind`. Each area registers its handlers in
 * `handlers/<area>.ts`; a new vector of a known kind needs no new code.
 */
import { TensormarketError } from '../engine/errors.ts';
import { compareOutcome, type Outcome } from './compare.ts';
import { blockEmissionHandlers } from './handlers/blockEmission.ts';
import { chainHandlers } from './handlers/chain.ts';
import { coinbaseHandlers } from './handlers/coinbase.ts';
import { epochHandlers } from './handlers/epoch.ts';
import { mathHandlers } from './handlers/math.ts';
import { registrationHandlers } from './handlers/registration.ts';
import { rulePackHandlers } from './handlers/rulepacks.ts';
import { swapHandlers } from './handlers/swap.ts';
import type { Vector } from './vector.ts';

/** Computes the outputs of one vector kind. */
export type Handler = (vector: Vector) => Outcome;

/** Every known kind. */
export const handlers: Readonly<Record<string, Handler>> = {
  ...blockEmissionHandlers,
  ...chainHandlers,
  ...coinbaseHandlers,
  ...epochHandlers,
  ...mathHandlers,
  ...registrationHandlers,
  ...rulePackHandlers,
  ...swapHandlers,
};

/** Verdict on one vector. */
export interface VectorResult {
  readonly file: string;
  readonly name: string;
  readonly kind: string;
  readonly status: 'pass' | 'fail' | 'unsupported';
  /** Differences (fail), gaps on derived values (reported, not failing), the error, or why unsupported. */
  readonly details: readonly string[];
}

/** Run one vector through its handler and compare with its expectations. */
export function runVector(vector: Vector): VectorResult {
  const base = { file: vector.file, name: vector.name, kind: vector.kind };
  const handler = handlers[vector.kind];
  if (handler === undefined) {
    return { ...base, status: 'unsupported', details: [`no handler for kind "${vector.kind}"`] };
  }
  try {
    const { diffs, notes } = compareOutcome(vector.expected, handler(vector), vector.tolerance);
    return { ...base, status: diffs.length === 0 ? 'pass' : 'fail', details: [...diffs, ...notes] };
  } catch (error) {
    const code = error instanceof TensormarketError ? `${error.code}: ` : '';
    return { ...base, status: 'fail', details: [`error: ${code}${(error as Error).message}`] };
  }
}
