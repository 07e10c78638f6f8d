/**
 * A validator round's latency with 64 miners (part of `npm run bench -- subnet`): 64 glyphs miners behind
 * real axons on this machine (nearest-centroid models, the fastest to answer, so the figure is the round's
 * own cost), a validator on an in-process chain rendering a fresh challenge, querying all 64 with signed
 * requests, scoring, comparing answers for copies and setting weights. Figures only.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSynapse } from '../src/sdk/axon/serveSynapse.ts';
import { MockChain } from '../src/sdk/chain/mockChain.ts';
import { expectIncluded } from '../src/sdk/client/transactionFailure.ts';
import { createDendrite } from '../src/sdk/dendrite/createDendrite.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { type Miner, startMiner } from '../src/sdk/miner/startMiner.ts';
import { Validator } from '../src/sdk/validator/validator.ts';
import { nearestCentroid } from '../subnets/glyphs/models/nearestCentroid.ts';
import { glyphEvaluation } from '../subnets/glyphs/neurons/glyphEvaluation.ts';
import { GlyphChallenge, imagesOf } from '../subnets/glyphs/protocol/glyphSynapse.ts';
import { generateChallenge, generateTrainingSet } from '../subnets/glyphs/task/generateChallenge.ts';
import { fmt, median, printTable } from './lib.ts';

const MINERS = 64;
const ROUNDS = 7;

/** Run the round benchmark and print its table. */
export async function runValidatorRoundBench(): Promise<void> {
  const chain = new MockChain();
  const alice = keypairFromUri('//Alice');
  const validatorKey = keypairFromUri('//Alice//bench//validator');
  expectIncluded(
    await chain.send(alice, { name: 'register_network', args: { hotkey: validatorKey.address } }),
  );
  const netuid = Math.max(...(await chain.subnets()).map((s) => s.netuid));
  expectIncluded(await chain.send(alice, { name: 'start_call', args: { netuid } }));
  expectIncluded(
    await chain.send(alice, {
      name: 'sudo_set_hyperparameter',
      args: { netuid, name: 'weightsSetRateLimit', value: 0 },
    }),
  );
  const model = await nearestCentroid.train(
    generateTrainingSet({ seed: 'bench', count: 1000, maxDifficulty: 1 }),
    {
      seed: 'bench',
    },
  );
  const miners: Miner[] = [];
  for (let i = 0; i < MINERS; i++) {
    const hotkey = keypairFromUri(`//Alice//bench//miner${i}`);
    expectIncluded(
      await chain.send(alice, { name: 'burned_register', args: { hotkey: hotkey.address, netuid } }),
    );
    miners.push(
      await startMiner({
        chain,
        hotkey,
        netuid,
        refreshMs: 60_000,
        synapses: [serveSynapse(GlyphChallenge, ({ body }) => ({ labels: model.predict(imagesOf(body)) }))],
      }),
    );
  }
  chain.produceBlocks(11);
  for (const m of miners) await m.callers.refresh();
  const dir = mkdtempSync(join(tmpdir(), 'tm-bench-round-'));
  const rows: string[][] = [];
  try {
    for (const images of [20, 100]) {
      const evaluation = glyphEvaluation({
        dendrite: createDendrite({ keypair: validatorKey }),
        secret: 'bench',
        count: images,
        timeoutMs: 12_000,
        difficulty: 0.5,
      });
      const validator = new Validator({
        chain,
        hotkey: validatorKey,
        netuid,
        dataDir: dir,
        evaluate: evaluation.evaluate,
        weightsEvery: 1,
      });
      const rounds: number[] = [];
      const renders: number[] = [];
      let answered = 0;
      for (let r = 0; r < ROUNDS; r++) {
        let t = performance.now();
        generateChallenge({ seed: `render-${r}`, count: images, difficulty: 0.5 });
        renders.push(performance.now() - t);
        t = performance.now();
        const record = await validator.round();
        rounds.push(performance.now() - t);
        answered = record.miners.filter((m) => m.ok).length;
        chain.produceBlocks(1);
      }
      rows.push([
        String(MINERS),
        String(images),
        fmt(median(rounds), 0),
        fmt(Math.max(...rounds), 0),
        fmt(median(renders), 0),
        `${answered}/${MINERS}`,
      ]);
    }
  } finally {
    for (const m of miners) await m.close();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    `A validator round with ${MINERS} miners on this machine (ms, ${ROUNDS} rounds; render, query all, score, copy check, set weights)`,
    ['miners', 'images', 'median round', 'slowest', 'rendering alone', 'answered'],
    rows,
  );
}
