import { describe, expect, it } from 'vitest';
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { uidOf } from '../client/metagraph.ts';
import { expectIncluded } from '../client/transactionFailure.ts';
import { keypairFromUri } from '../keys/keypair.ts';
import { MockChain } from './mockChain.ts';

const alice = keypairFromUri('//Alice');
const owner = keypairFromUri('//Alice//owner');
const miners = [keypairFromUri('//Alice//m1'), keypairFromUri('//Alice//m2')];

/** A started subnet of //Alice's with two miners; its netuid. */
async function subnetWithMiners(chain: MockChain): Promise<number> {
  expectIncluded(await chain.send(alice, { name: 'register_network', args: { hotkey: owner.address } }));
  const netuid = Math.max(...(await chain.subnets()).map((s) => s.netuid));
  expectIncluded(await chain.send(alice, { name: 'start_call', args: { netuid } }));
  for (const m of miners)
    expectIncluded(await chain.send(alice, { name: 'burned_register', args: { hotkey: m.address, netuid } }));
  return netuid;
}

describe('MockChain', () => {
  it('pays the miner a validator weights: Yuma runs at the tempo on the exact engine', async () => {
    const chain = new MockChain();
    const netuid = await subnetWithMiners(chain);
    const before = await chain.metagraph(netuid);
    expect(before.hotkeys).toEqual([owner.address, miners[0]!.address, miners[1]!.address]);
    const [m1, m2] = miners.map((m) => uidOf(before, m.address)!);
    // The owner hotkey (UID 0, holding the lock's stake) weights miner 1 three times miner 2.
    expectIncluded(
      await chain.send(owner, { name: 'set_weights', args: { netuid, uids: [m1!, m2!], weights: [3, 1] } }),
    );
    const { tempo } = (await chain.subnets()).find((s) => s.netuid === netuid)!;
    chain.produceBlocks(2 * (tempo + 1));
    const after = await chain.metagraph(netuid);
    expect(after.incentive[m1!]).toBeGreaterThan(after.incentive[m2!]!);
    expect(after.incentive[m2!]).toBeGreaterThan(0);
    expect(after.emission[m1!]).toBeGreaterThan(after.emission[m2!]!);
  });

  it('settles a call the chain refuses as failed with its code, and bad arguments as rejected', async () => {
    const chain = new MockChain();
    const broke = keypairFromUri('//Nobody');
    const failed = await chain.send(broke, {
      name: 'transfer',
      args: { dest: alice.address, amount: String(RAO_PER_TAO) },
    });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'NotEnoughBalance' } });
    const rejected = await chain.send(alice, {
      name: 'transfer',
      args: { dest: alice.address, amount: 1.5 },
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      error: { code: 'MALFORMED', field: 'call.args.amount' },
    });
  });

  it('tells subscribers each new head', async () => {
    const chain = new MockChain();
    const seen: number[] = [];
    const sub = await chain.subscribeHeads((h) => seen.push(h.number));
    chain.produceBlocks(3);
    await sub.unsubscribe();
    chain.produceBlocks(1);
    expect(seen).toEqual([1, 2, 3]);
  });
});
