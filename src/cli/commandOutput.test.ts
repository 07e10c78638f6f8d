import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import { AmountError } from '../sdk/amount/amountError.ts';
import { RpcCallError } from '../sdk/client/rpcCallError.ts';
import { TransactionFailure } from '../sdk/client/transactionFailure.ts';
import { KeyError } from '../sdk/keys/keyError.ts';
import { WalletError } from '../sdk/wallet/walletError.ts';
import { failureReport } from './commandOutput.ts';

const flags = (field: string) => ({ name: '--wallet-name', amount: '--amount' })[field] ?? field;

describe('failure reports', () => {
  it('report the stable code and the option at fault', () => {
    expect(
      failureReport(new WalletError('WALLET_NOT_FOUND', { field: 'name', message: 'no wallet' }), flags),
    ).toEqual({
      code: 'WALLET_NOT_FOUND',
      field: '--wallet-name',
      message: 'no wallet',
    });
    const amount = new AmountError({ code: 'AMOUNT_TOO_PRECISE', field: '--amount', reason: 'r', fix: 'f' });
    expect(failureReport(amount, flags)).toMatchObject({ code: 'AMOUNT_TOO_PRECISE', field: '--amount' });
    const rpc = new RpcCallError('RPC_UNREACHABLE', 'down', { method: 'tm_balance' });
    expect(failureReport(rpc, flags)).toEqual({ code: 'RPC_UNREACHABLE', field: null, message: 'down' });
  });

  it('report the domain code behind an input error, and the chain’s code behind a failed transaction', () => {
    const cause = new KeyError('INVALID_MNEMONIC', 'mnemonic: not a BIP39 English phrase');
    expect(failureReport(new InputError('--mnemonic', 'not a phrase', { cause }))).toMatchObject({
      code: 'INVALID_MNEMONIC',
      field: '--mnemonic',
    });
    const failed = new TransactionFailure({
      status: 'failed',
      id: `0x${'00'.repeat(32)}`,
      block: 7,
      error: { code: 'NotEnoughBalance', message: 'amount: exceeds', field: 'amount' },
    });
    expect(failureReport(failed, flags)).toMatchObject({ code: 'NotEnoughBalance', field: '--amount' });
    expect(failed.message).toMatch(/^included in block 7 and not applied: \[NotEnoughBalance\]/);
  });

  it('leave anything else to be treated as a bug', () => {
    expect(failureReport(new Error('boom'))).toBeUndefined();
  });
});
