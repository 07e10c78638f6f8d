/**
 * The glyphs subnet end to end on a real node with instant blocks (JSON-RPC, SQLite store): miners
 * serving trained models of different quality and an adversary answering at random behind real axons,
 * the validator querying them with signed requests and setting weights each tempo, and the chain's Yuma
 * Consensus paying them. The better model earns more incentive than the weaker one, and the adversary
 * least.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setUpDemoSubnet } from '../src/cli/demo/demoSubnet.ts';
import { startLocalnet } from '../src/node/startLocalnet.ts';
import { serveSynapse } from '../src/sdk/axon/serveSynapse.ts';
import { connectChain } from '../src/sdk/chain/connectChain.ts';
import { expectIncluded } from '../src/sdk/client/transactionFailure.ts';
import { createDendrite } from '../src/sdk/dendrite/createDendrite.ts';
import { devGenesis } from '../src/sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { type Miner, startMiner } from '../src/sdk/miner/startMiner.ts';
import { Validator } from '../src/sdk/validator/validator.ts';
import { randomAnswers } from '../subnets/glyphs/behaviours/randomAnswers.ts';
import { classifierOf } from '../subnets/glyphs/models/classifierOf.ts';
import type { ClassifierKind } from '../subnets/glyphs/models/glyphClassifier.ts';
import { glyphEvaluation } from '../subnets/glyphs/neurons/glyphEvaluation.ts';
import { GlyphChallenge, imagesOf } from '../subnets/glyphs/protocol/glyphSynapse.ts';
import { generateTrainingSet } from '../subnets/glyphs/task/generateChallenge.ts';
import { createGlyphRng } from '../subnets/glyphs/task/glyphRng.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-glyphs-');
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('the glyphs subnet on an instant-block node', () => {
  it('pays the better model more than the weaker, and the adversary least', async () => {
    const net = await startLocalnet({
      dataDir: tempDir(),
      genesis: devGenesis(),
      production: 'instant',
      port: 0,
    });
    closers.push(() => net.close());
    const chain = connectChain(net.server.url, { timeoutMs: 10_000 });
    closers.push(() => chain.close());
    const subnet = await setUpDemoSubnet(chain, ['centroid', 'knn', 'random']);

    const training = generateTrainingSet({ seed: 'e2e-miners', count: 1000, maxDifficulty: 1 });
    const models = new Map<string, ClassifierKind>([
      ['centroid', 'nearestCentroid'],
      ['knn', 'kNearestNeighbours'],
    ]);
    const rng = createGlyphRng('e2e-random');
    for (const [name, hotkey] of subnet.miners) {
      const kind = models.get(name);
      const model = kind === undefined ? null : await classifierOf(kind).train(training, { seed: name });
      const miner: Miner = await startMiner({
        chain,
        hotkey,
        netuid: subnet.netuid,
        refreshMs: 200,
        synapses: [
          serveSynapse(GlyphChallenge, ({ body }) => {
            const images = imagesOf(body);
            return {
              labels: model === null ? randomAnswers({ count: images.length, rng }) : model.predict(images),
            };
          }),
        ],
      });
      closers.push(() => miner.close());
    }

    // Blocks come only with transactions on an instant node: a transfer per round moves the chain on.
    const alice = keypairFromUri('//Alice');
    const tick = async () =>
      expectIncluded(
        await chain.send(alice, { name: 'transfer', args: { dest: subnet.owner.address, amount: '1' } }),
      );
    for (let i = 0; i <= subnet.tempo; i++) await tick(); // an epoch: the validator's permit

    const validator = new Validator({
      chain,
      hotkey: subnet.validator,
      netuid: subnet.netuid,
      dataDir: tempDir(),
      scoreAlpha: 0.5,
      evaluate: glyphEvaluation({
        dendrite: createDendrite({ keypair: subnet.validator }),
        secret: 'e2e-secret',
        count: 40,
        timeoutMs: 10_000,
        difficulty: 0.5,
      }).evaluate,
    });
    // A loaded machine may miss a deadline now and then; the scoring counts it as wrong, as it should.
    const refused: string[] = [];
    let answers = 0;
    for (let round = 0; round < 3 * (subnet.tempo + 1); round++) {
      const record = await validator.round();
      answers += record.miners.length;
      for (const m of record.miners) if (!m.ok) refused.push(`round ${record.round} uid ${m.uid}: ${m.code}`);
      await tick();
    }
    expect(refused.length, refused.join('\n')).toBeLessThanOrEqual(answers / 10);
    const graph = await chain.metagraph(subnet.netuid);
    const incentive = (name: string) =>
      graph.incentive[graph.hotkeys.indexOf(subnet.miners.get(name)!.address)]!;
    expect(incentive('knn')).toBeGreaterThan(incentive('centroid'));
    expect(incentive('centroid')).toBeGreaterThan(incentive('random'));
    expect(validator.average(subnet.miners.get('knn')!.address)).toBeGreaterThan(
      validator.average(subnet.miners.get('centroid')!.address),
    );
  });
});
