import { describe, expect, it } from 'vitest';
import type { Envelope } from '../sdk/tx/envelope.ts';
import { Mempool, type PendingTransaction } from './mempool.ts';
import type { SubmissionError } from './submissionError.ts';

const tx = (signer: string, nonce: number): PendingTransaction => ({
  id: `${signer}-${nonce}`,
  envelope: { signer, nonce } as unknown as Envelope,
});

function code(pool: Mempool, t: PendingTransaction): string | null {
  try {
    pool.check(t);
    return null;
  } catch (e) {
    return (e as SubmissionError).code;
  }
}

describe('mempool', () => {
  it('takes each account’s nonces in order and refuses stale, gapped and duplicate ones', () => {
    const pool = new Mempool(3);
    pool.noteIncluded('a', 4);
    expect(pool.nextNonce('a')).toBe(5);
    expect(code(pool, tx('a', 4))).toBe('STALE_NONCE');
    expect(code(pool, tx('a', 6))).toBe('NONCE_GAP');
    pool.add(tx('a', 5));
    expect(code(pool, tx('a', 5))).toBe('DUPLICATE');
    pool.add(tx('a', 6));
    pool.add(tx('b', 0));
    expect(code(pool, tx('b', 1))).toBe('MEMPOOL_FULL');
    expect(pool.take(2).map((t) => t.id)).toEqual(['a-5', 'a-6']);
  });

  it('an expired transaction frees its nonce and drops the account’s later ones', () => {
    const pool = new Mempool();
    for (const n of [0, 1, 2]) pool.add(tx('a', n));
    pool.add(tx('b', 0));
    pool.remove(['a-0']);
    expect(pool.rewind('a', 0).map((t) => t.id)).toEqual(['a-1', 'a-2']);
    expect(pool.nextNonce('a')).toBe(0);
    expect(pool.take(10).map((t) => t.id)).toEqual(['b-0']);
  });
});
