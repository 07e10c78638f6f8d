import { describe, expect, it } from 'vitest';
import { receiptEvent } from './receiptEvents.ts';
import { RpcCallError } from './rpcCallError.ts';

describe('receipt events', () => {
  const events = [
    { type: 'Transfer', from: 'a', to: 'b', amount: '5' },
    {
      type: 'StakeAdded',
      coldkey: 'c',
      hotkey: 'h',
      netuid: 1,
      tao: '1000000000',
      alpha: '970284380',
      fee: '503547',
    },
  ];

  it('read the first event of a type, amounts as bigint', () => {
    expect(receiptEvent(events, 'StakeAdded')).toEqual({
      coldkey: 'c',
      hotkey: 'h',
      netuid: 1,
      tao: 1_000_000_000n,
      alpha: 970_284_380n,
      fee: 503_547n,
    });
  });

  it('say when the event is missing or of another shape', () => {
    expect(() => receiptEvent(events, 'NetworkAdded')).toThrow(
      'tm_receipt: the receipt has no NetworkAdded event',
    );
    const bad = [{ type: 'WeightsSet', netuid: 1, uid: -1 }];
    expect(() => receiptEvent(bad, 'WeightsSet')).toThrow(RpcCallError);
  });
});
