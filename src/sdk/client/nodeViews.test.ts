import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metagraphJson } from '../../../test/support/metagraphJson.ts';
import { type StubNode, startStubNode } from '../../../test/support/stubNode.ts';
import { amountJson } from '../amount/amount.ts';
import { nodeViews } from './nodeViews.ts';
import { RpcCallError } from './rpcCallError.ts';

const HOTKEY = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const COLDKEY = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

let node: StubNode;
beforeAll(async () => {
  node = await startStubNode({
    tm_stake: ([coldkey]) =>
      coldkey === COLDKEY
        ? [
            {
              hotkey: HOTKEY,
              netuid: 1,
              alpha: amountJson(2_500_000_000n),
              tao: amountJson(2_550_000_000n),
            },
          ]
        : [{ hotkey: HOTKEY, netuid: 1, alpha: '2.5' }],
    tm_metagraph: ([netuid]) =>
      metagraphJson(
        { netuid: netuid as number, block: 40, hotkeys: [HOTKEY] },
        { stake: [amountJson(7n)], incentive: [0.5] },
      ),
    tm_hyperparameters: () => ({ tempo: 10, commitRevealEnabled: false, minBurn: amountJson(1n) }),
    tm_simulateSwap: ([, order]) =>
      typeof order === 'object' && order !== null && 'taoIn' in order
        ? { side: 'buy', amountOut: amountJson(900n), priceBefore: 1.1 }
        : { side: 'sell', amountOut: amountJson(80n), priceBefore: 0.9 },
  });
});
afterAll(() => node.close());

describe('node views', () => {
  it('read stake positions, metagraphs and hyperparameters, amounts as exact rao', async () => {
    const views = nodeViews(node.url);
    expect(await views.stake(COLDKEY)).toEqual([
      { hotkey: HOTKEY, netuid: 1, alpha: 2_500_000_000n, taoValue: 2_550_000_000n },
    ]);
    const metagraph = await views.metagraph(3);
    expect(metagraph).toMatchObject({ netuid: 3, n: 1, hotkeys: [HOTKEY], coldkeys: [null], stake: [7n] });
    expect(metagraph.incentive).toEqual([0.5]);
    expect(await views.hyperparameters(3)).toEqual({
      tempo: 10,
      commitRevealEnabled: false,
      minBurn: { rao: '1', tao: '0.000000001' },
    });
  });

  it('quote a buy and a sell, sending the order as an amount', async () => {
    const views = nodeViews(node.url);
    expect(await views.simulateSwap(2, { taoIn: 1_000n })).toEqual({ amountOut: 900n, price: 1.1 });
    expect(await views.simulateSwap(2, { alphaIn: 100n })).toEqual({ amountOut: 80n, price: 0.9 });
    expect(node.calls.filter((c) => c.method === 'tm_simulateSwap').map((c) => c.params)).toEqual([
      [2, { taoIn: { rao: '1000', tao: '0.000001' } }],
      [2, { alphaIn: { rao: '100', tao: '0.0000001' } }],
    ]);
  });

  it('refuse an answer of another shape with RPC_BAD_RESPONSE', async () => {
    const error = await nodeViews(node.url)
      .stake(HOTKEY)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect(error).toMatchObject({ code: 'RPC_BAD_RESPONSE', method: 'tm_stake' });
  });
});
