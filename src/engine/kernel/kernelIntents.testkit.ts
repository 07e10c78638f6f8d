/** Random kernel intents for property tests: the user flows the kernel's accounting tests all draw from. */
import fc from 'fast-check';
import { HOLDER_CLASSES, type KernelIntent } from './types.ts';

/** The largest amount each user intent draws (defaults: the accounting tests' sizes). */
export interface UserIntentSizes {
  readonly stakeTao?: number;
  readonly unstakeAlpha?: number;
  readonly rootStakeTao?: number;
}

/** Stakes (≤ 2,000 TAO), unstakes (≤ 50,000 alpha), root stakes (≤ 10,000 TAO) and registrations on `slot`. */
export function userIntents(
  slot: fc.Arbitrary<number>,
  { stakeTao = 2_000, unstakeAlpha = 5e4, rootStakeTao = 1e4 }: UserIntentSizes = {},
): fc.Arbitrary<KernelIntent>[] {
  const holder = fc.constantFrom(...HOLDER_CLASSES);
  return [
    fc.record({
      kind: fc.constant('stake' as const),
      slot,
      tao: fc.double({ min: 0, max: stakeTao, noNaN: true }),
      holder,
    }),
    fc.record({
      kind: fc.constant('unstake' as const),
      slot,
      alpha: fc.double({ min: 0, max: unstakeAlpha, noNaN: true }),
      holder,
    }),
    fc.record({
      kind: fc.constant('rootStake' as const),
      tao: fc.double({ min: 0, max: rootStakeTao, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('register' as const), startImmediately: fc.boolean() }),
  ];
}
