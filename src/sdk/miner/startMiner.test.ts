import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serveSynapse } from '../axon/serveSynapse.ts';
import { defineSynapse } from '../axon/synapse.ts';
import { MockChain } from '../chain/mockChain.ts';
import { expectIncluded } from '../client/transactionFailure.ts';
import { createDendrite } from '../dendrite/createDendrite.ts';
import { keypairFromUri } from '../keys/keypair.ts';
import { axonTarget } from '../validator/axonTarget.ts';
import { type Miner, startMiner } from './startMiner.ts';

const Double = defineSynapse({
  name: 'Double',
  request: z.object({ n: z.int() }),
  response: z.object({ n: z.int() }),
});

const alice = keypairFromUri('//Alice');
const validator = keypairFromUri('//Alice//validator');
const minerKey = keypairFromUri('//Alice//miner');
const stranger = keypairFromUri('//Stranger');
const miners: Miner[] = [];
afterAll(async () => {
  for (const m of miners) await m.close();
});

describe('startMiner', () => {
  it('announces its axon on the chain and answers the validators the metagraph lists, no one else', async () => {
    const chain = new MockChain();
    expectIncluded(
      await chain.send(alice, { name: 'register_network', args: { hotkey: validator.address } }),
    );
    const netuid = Math.max(...(await chain.subnets()).map((s) => s.netuid));
    expectIncluded(await chain.send(alice, { name: 'start_call', args: { netuid } }));
    expectIncluded(
      await chain.send(alice, { name: 'burned_register', args: { hotkey: minerKey.address, netuid } }),
    );
    const { tempo } = (await chain.subnets()).find((s) => s.netuid === netuid)!;
    chain.produceBlocks(tempo + 1); // an epoch gives the owner's hotkey, which holds the lock's stake, a permit

    const miner = await startMiner({
      chain,
      hotkey: minerKey,
      netuid,
      synapses: [serveSynapse(Double, ({ body }) => ({ n: 2 * body.n }))],
    });
    miners.push(miner);
    const graph = await chain.metagraph(netuid);
    expect(graph.validator_permit[0]).toBe(true);
    expect(graph.axons[1]).toMatchObject({ ip: miner.axon.host, port: miner.axon.port, ip_type: 4 });

    const target = axonTarget({ hotkey: minerKey.address, axon: graph.axons[1]! });
    const [answer] = await createDendrite({ keypair: validator }).query([target], Double, { n: 21 });
    expect(answer).toMatchObject({ ok: true, body: { n: 42 } });
    const [refused] = await createDendrite({ keypair: stranger }).query([target], Double, { n: 1 });
    expect(refused).toMatchObject({ ok: false, status: 403, code: 'UNREGISTERED_CALLER' });
  });
});
