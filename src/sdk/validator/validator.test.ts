import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { MockChain } from '../chain/mockChain.ts';
import { expectIncluded } from '../client/transactionFailure.ts';
import { keypairFromUri } from '../keys/keypair.ts';
import { ROUNDS_FILE, roundRecordSchema } from './roundRecord.ts';
import { type MinerTarget, Validator } from './validator.ts';

const tempDir = createTempDirs('tm-validator-');
const alice = keypairFromUri('//Alice');
const validatorKey = keypairFromUri('//Alice//validator');
const good = keypairFromUri('//Alice//good');
const poor = keypairFromUri('//Alice//poor');
/** Each miner's score in every round, by hotkey: what the subnet's task would measure. */
const QUALITY = new Map<string, number>([
  [good.address, 0.9],
  [poor.address, 0.3],
]);

/** A subnet whose owner hotkey is the validator, with two miners serving axons. */
async function subnet(chain: MockChain): Promise<number> {
  expectIncluded(
    await chain.send(alice, { name: 'register_network', args: { hotkey: validatorKey.address } }),
  );
  const netuid = Math.max(...(await chain.subnets()).map((s) => s.netuid));
  expectIncluded(await chain.send(alice, { name: 'start_call', args: { netuid } }));
  for (const [i, miner] of [good, poor].entries()) {
    expectIncluded(
      await chain.send(alice, { name: 'burned_register', args: { hotkey: miner.address, netuid } }),
    );
    expectIncluded(
      await chain.send(miner, {
        name: 'serve_axon',
        args: { netuid, ip: '10.0.0.1', port: 9000 + i, protocol: 4, version: 1 },
      }),
    );
  }
  return netuid;
}

function validatorOn(chain: MockChain, netuid: number, dataDir: string, asked: MinerTarget[][] = []) {
  return new Validator({
    chain,
    hotkey: validatorKey,
    netuid,
    dataDir,
    scoreAlpha: 0.5,
    evaluate: async (miners) => {
      asked.push([...miners]);
      return {
        task: { difficulty: 0.5 },
        miners: miners.map((m) => ({
          uid: m.uid,
          ok: true,
          status: 200,
          code: null,
          latencyMs: 1,
          score: QUALITY.get(m.hotkey) ?? 0,
        })),
      };
    },
  });
}

describe('Validator on a MockChain', () => {
  it('queries the miners with axons, sets weights once per tempo (within the rate limit), and the better miner earns more', async () => {
    const chain = new MockChain();
    const netuid = await subnet(chain);
    const dir = tempDir();
    const asked: MinerTarget[][] = [];
    const validator = validatorOn(chain, netuid, dir, asked);
    const { tempo } = (await chain.subnets()).find((s) => s.netuid === netuid)!;
    const every = Math.max(tempo, Number((await chain.hyperparameters(netuid)).weightsSetRateLimit));

    const first = await validator.round();
    const second = await validator.round();
    chain.produceBlocks(every);
    const third = await validator.round();

    expect(asked[0]!.map((m) => m.hotkey)).toEqual([good.address, poor.address]);
    expect(first.weights).toMatchObject([{ action: 'set', uids: [1, 2], outcome: 'included' }]);
    expect(first.weights[0]!.weights[0]).toBe(65_535);
    expect(first.weights[0]!.weights[1]).toBe(Math.round((65_535 * 0.15) / 0.45));
    expect(second.weights).toEqual([]);
    expect(third.weights).toMatchObject([{ action: 'set', outcome: 'included' }]);
    expect(validator.average(good.address)).toBeCloseTo(0.9 * (1 - 0.5 ** 3));

    chain.produceBlocks(2 * (tempo + 1));
    const graph = await chain.metagraph(netuid);
    expect(graph.incentive[1]).toBeGreaterThan(graph.incentive[2]!);
    expect(graph.emission[1]).toBeGreaterThan(graph.emission[2]!);

    const lines = readFileSync(join(dir, ROUNDS_FILE), 'utf8').trim().split('\n');
    expect(lines.map((l) => roundRecordSchema.parse(JSON.parse(l)).round)).toEqual([1, 2, 3]);
  });

  it('commits when the subnet has commit-reveal on, and reveals in the epoch the chain opens', async () => {
    const chain = new MockChain();
    const netuid = await subnet(chain);
    expectIncluded(
      await chain.send(alice, {
        name: 'sudo_set_hyperparameter',
        args: { netuid, name: 'commitRevealEnabled', value: true },
      }),
    );
    const validator = validatorOn(chain, netuid, tempDir());
    const committed = await validator.round();
    expect(committed.weights).toMatchObject([{ action: 'commit', outcome: 'included' }]);
    const early = await validator.round();
    expect(early.weights).toEqual([]);
    let revealed: Awaited<ReturnType<Validator['round']>> | undefined;
    for (let i = 0; i < 40 && revealed === undefined; i++) {
      chain.produceBlocks(1);
      const r = await validator.round();
      if (r.weights.some((w) => w.action === 'reveal')) revealed = r;
    }
    expect(revealed?.weights.find((w) => w.action === 'reveal')).toMatchObject({
      outcome: 'included',
      uids: committed.weights[0]!.uids,
      weights: committed.weights[0]!.weights,
    });
    const graph = await chain.metagraph(netuid);
    expect(graph.weights[0]!.map(([uid]) => uid)).toEqual([1, 2]);
  });
});
