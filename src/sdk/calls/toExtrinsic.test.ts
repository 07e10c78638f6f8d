import { describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../devnet/devAccounts.ts';
import { TransactionError } from '../tx/transactionError.ts';
import { toExtrinsic } from './toExtrinsic.ts';

const [alice, bob] = DEV_ACCOUNTS as [(typeof DEV_ACCOUNTS)[0], (typeof DEV_ACCOUNTS)[0]];

function refusal(call: { name: string; args: Record<string, unknown> }): TransactionError {
  try {
    toExtrinsic({ signer: alice.address, call: call as never });
  } catch (e) {
    return e as TransactionError;
  }
  throw new Error('expected a refusal');
}

describe('an envelope call as an engine extrinsic', () => {
  it('reads amounts as bigint rao and keeps the envelope signer', () => {
    expect(
      toExtrinsic({
        signer: alice.address,
        call: { name: 'transfer', args: { dest: bob.address, amount: '1500000000' } },
      }),
    ).toEqual({ call: 'transfer', signer: alice.address, dest: bob.address, amount: 1_500_000_000n });
    expect(
      toExtrinsic({
        signer: alice.address,
        call: { name: 'set_weights', args: { netuid: 1, uids: [0, 2], weights: [10, 65_535] } },
      }),
    ).toEqual({ call: 'set_weights', signer: alice.address, netuid: 1, uids: [0, 2], weights: [10, 65_535] });
  });

  it('reads a hyperparameter value by its type: integers, booleans, u64 as decimal strings', () => {
    const set = (name: string, value: unknown) =>
      toExtrinsic({
        signer: alice.address,
        call: { name: 'sudo_set_hyperparameter', args: { netuid: 1, name, value } } as never,
      });
    expect(set('tempo', 20)).toMatchObject({ name: 'tempo', value: 20 });
    expect(set('yuma3', false)).toMatchObject({ name: 'yuma3', value: false });
    expect(set('minBurn', '500000')).toMatchObject({ name: 'minBurn', value: 500_000n });
    expect(
      toExtrinsic({
        signer: alice.address,
        call: { name: 'commit_weights', args: { netuid: 1, commitHash: `0x${'ab'.repeat(32)}` } },
      }),
    ).toMatchObject({ call: 'commit_weights', commitHash: `0x${'ab'.repeat(32)}` });
  });

  it('refuses unknown calls and bad arguments, naming the field', () => {
    const cases: [{ name: string; args: Record<string, unknown> }, string][] = [
      [{ name: 'mint_money', args: {} }, 'call.name'],
      [{ name: 'transfer', args: { dest: bob.address, amount: 1.5 } }, 'call.args.amount'],
      [{ name: 'transfer', args: { dest: bob.address, amount: '1.5' } }, 'call.args.amount'],
      [{ name: 'transfer', args: { dest: 'bob', amount: '1' } }, 'call.args.dest'],
      [{ name: 'transfer', args: { dest: bob.address, amount: '1', memo: 'x' } }, 'call.args'],
      [{ name: 'set_weights', args: { netuid: 1, uids: [0, 1], weights: [1] } }, 'call.args.weights'],
      [{ name: 'add_stake', args: { hotkey: bob.address, netuid: -1, amount: '1' } }, 'call.args.netuid'],
      [
        { name: 'sudo_set_hyperparameter', args: { netuid: 1, name: 'tempo', value: '20' } },
        'call.args.value',
      ],
      [
        { name: 'sudo_set_hyperparameter', args: { netuid: 1, name: 'warpSpeed', value: 1 } },
        'call.args.name',
      ],
      [{ name: 'commit_weights', args: { netuid: 1, commitHash: '0x12' } }, 'call.args.commitHash'],
    ];
    for (const [call, field] of cases) {
      const e = refusal(call);
      expect(e, JSON.stringify(call)).toBeInstanceOf(TransactionError);
      expect([e.code, e.field], JSON.stringify(call)).toEqual(['MALFORMED', field]);
    }
  });
});
