import { describe, expect, it } from 'vitest';
import { InputError, InvariantError, TensormarketError } from '../../engine/errors.ts';
import { AmountError } from '../../sdk/amount/amountError.ts';
import { RPC_ERRORS, RpcError, rejectedError, toRpcError } from './rpcErrors.ts';

describe('RPC_ERRORS', () => {
  it("has distinct codes: JSON-RPC's own, ours in the server range", () => {
    const codes = Object.values(RPC_ERRORS).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const { PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL_ERROR, ...ours } =
      RPC_ERRORS;
    expect(
      [PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, INTERNAL_ERROR].map((e) => e.code),
    ).toEqual([-32700, -32600, -32601, -32602, -32603]);
    const outside = Object.entries(ours).filter(([, e]) => e.code < -32099 || e.code > -32000);
    expect(outside).toEqual([]);
  });
});

describe('toRpcError', () => {
  it('keeps an RpcError as it is', () => {
    const error = new RpcError('UNKNOWN_SUBSCRIPTION', { data: { field: 'params[0]' } });
    expect(toRpcError(error)).toBe(error);
    expect(error.toJSON()).toEqual({
      code: -32005,
      message: 'Unknown subscription',
      data: { field: 'params[0]' },
    });
  });

  it('turns domain errors into REJECTED with their code, field and fix', () => {
    expect(toRpcError(new InputError('netuid', 'no subnet 9')).toJSON()).toEqual({
      code: -32000,
      message: 'Rejected: netuid: no subnet 9',
      data: { code: 'INVALID_INPUT', field: 'netuid' },
    });
    const amount = new AmountError({
      code: 'AMOUNT_NEGATIVE',
      field: 'amount',
      reason: 'below zero',
      fix: 'send more',
    });
    expect(toRpcError(amount).toJSON().data).toEqual({
      code: 'AMOUNT_NEGATIVE',
      field: 'amount',
      fix: 'send more',
    });
    const inDetails = new TensormarketError('SLIPPAGE', 'price moved', { details: { field: 'limitPrice' } });
    expect(toRpcError(inDetails).toJSON().data).toEqual({ code: 'SLIPPAGE', field: 'limitPrice' });
    expect(rejectedError({ code: 'NOT_ENOUGH_STAKE', message: 'stake: 1 < 2' }).toJSON()).toEqual({
      code: -32000,
      message: 'Rejected: stake: 1 < 2',
      data: { code: 'NOT_ENOUGH_STAKE' },
    });
  });

  it('hides bugs and broken invariants behind INTERNAL_ERROR', () => {
    for (const thrown of [new Error('at secret.ts:1'), new InvariantError('X', 'secret'), 'a string']) {
      expect(toRpcError(thrown).toJSON()).toEqual({ code: -32603, message: 'Internal error' });
    }
  });
});
