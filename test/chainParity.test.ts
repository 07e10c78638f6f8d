/**
 * The same subnet script on the in-process MockChain and on a real node (JSON-RPC over HTTP, instant
 * blocks, SQLite store): the metagraphs, hyperparameters and balances they end with are equal, so subnet
 * code tested on the MockChain sees what it will see on a node.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalnet } from '../src/node/startLocalnet.ts';
import type { Chain } from '../src/sdk/chain/chain.ts';
import { connectChain } from '../src/sdk/chain/connectChain.ts';
import { MockChain } from '../src/sdk/chain/mockChain.ts';
import { expectIncluded } from '../src/sdk/client/transactionFailure.ts';
import { devGenesis } from '../src/sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-parity-');
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

const alice = keypairFromUri('//Alice');
const owner = keypairFromUri('//Alice//owner');
const miner = keypairFromUri('//Alice//miner');

/** Register and start a subnet, register a miner, weight it and stake on it; then a transfer per block to reach the epoch. */
async function script(chain: Chain) {
  const send = async (name: string, args: Record<string, string | number | boolean | number[]>) =>
    expectIncluded(await chain.send(alice, { name, args }));
  await send('register_network', { hotkey: owner.address });
  const netuid = Math.max(...(await chain.subnets()).map((s) => s.netuid));
  await send('start_call', { netuid });
  await send('burned_register', { hotkey: miner.address, netuid });
  await send('add_stake', { hotkey: owner.address, netuid, amount: '5000000000' });
  expectIncluded(await chain.send(owner, { name: 'set_weights', args: { netuid, uids: [1], weights: [1] } }));
  // Blocks come with transactions on an instant node: small transfers bring both chains past an epoch.
  while ((await chain.head()) < 30) await send('transfer', { dest: miner.address, amount: '1' });
  return {
    metagraph: await chain.metagraph(netuid),
    hyperparameters: await chain.hyperparameters(netuid),
    balances: [await chain.balance(alice.address), await chain.balance(miner.address)],
    subnets: await chain.subnets(),
  };
}

describe('MockChain and a node', () => {
  it('end a subnet script with the same metagraph, hyperparameters and balances', async () => {
    const net = await startLocalnet({
      dataDir: tempDir(),
      genesis: devGenesis(),
      production: 'instant',
      port: 0,
    });
    closers.push(() => net.close());
    const node = connectChain(net.server.url, { timeoutMs: 10_000 });
    closers.push(() => node.close());
    const mock = new MockChain();
    const [onNode, inProcess] = [await script(node), await script(mock)];
    expect(inProcess.metagraph.incentive[1]).toBeGreaterThan(0);
    expect(inProcess).toStrictEqual(onNode);
  });
});
