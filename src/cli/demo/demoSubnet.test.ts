import { describe, expect, it } from 'vitest';
import { MockChain } from '../../sdk/chain/mockChain.ts';
import { setUpDemoSubnet } from './demoSubnet.ts';

describe('setUpDemoSubnet', () => {
  it('registers the validator and the miners, and the next epoch gives the validator a permit', async () => {
    const chain = new MockChain();
    const subnet = await setUpDemoSubnet(chain, ['a', 'b']);
    chain.produceBlocks(subnet.tempo + 1);
    const graph = await chain.metagraph(subnet.netuid);
    expect(graph.hotkeys).toEqual([
      subnet.owner.address,
      subnet.validator.address,
      subnet.miners.get('a')!.address,
      subnet.miners.get('b')!.address,
    ]);
    expect(graph.validator_permit[1]).toBe(true);
    expect((await chain.hyperparameters(subnet.netuid)).weightsSetRateLimit).toBe(0);
  });
});
