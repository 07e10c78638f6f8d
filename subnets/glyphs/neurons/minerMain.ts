/**
 * A glyphs miner as a process: `miner.ts --network URL --netuid N --hotkey-uri URI --behaviour B
 * [--seed S] [--train N]`. It renders its own training images from its seed, trains its model, serves
 * `GlyphChallenge` on an axon announced on the chain, prints one JSON line when ready, and stops on
 * SIGTERM. Behaviours: `nearestCentroid`, `kNearestNeighbours`, `convNet` (honest, with that model),
 * `random` (answers without looking) and `slow:<model>:<ms>` (honest, but answers after a delay).
 */
import { parseArgs } from 'node:util';
import { serveSynapse } from '../../../src/sdk/axon/serveSynapse.ts';
import { connectChain } from '../../../src/sdk/chain/connectChain.ts';
import { keypairFromUri } from '../../../src/sdk/keys/keypair.ts';
import { startMiner } from '../../../src/sdk/miner/startMiner.ts';
import { randomAnswers } from '../behaviours/randomAnswers.ts';
import { classifierOf } from '../models/classifierOf.ts';
import { CLASSIFIER_KINDS, type ClassifierKind, type GlyphModel } from '../models/glyphClassifier.ts';
import { GlyphChallenge, imagesOf } from '../protocol/glyphSynapse.ts';
import { generateTrainingSet } from '../task/generateChallenge.ts';
import { createGlyphRng } from '../task/glyphRng.ts';

/** A miner's behaviour as the command line gives it. */
type Behaviour =
  | { readonly kind: 'honest'; readonly model: ClassifierKind }
  | { readonly kind: 'random' }
  | { readonly kind: 'slow'; readonly model: ClassifierKind; readonly delayMs: number };

function parseBehaviour(text: string): Behaviour {
  const isModel = (m: string): m is ClassifierKind => (CLASSIFIER_KINDS as readonly string[]).includes(m);
  if (text === 'random') return { kind: 'random' };
  if (isModel(text)) return { kind: 'honest', model: text };
  const [kind, model = '', ms = ''] = text.split(':');
  if (kind === 'slow' && isModel(model) && /^\d+$/.test(ms))
    return { kind: 'slow', model, delayMs: Number(ms) };
  throw new Error(
    `--behaviour: "${text}"; give ${CLASSIFIER_KINDS.join(', ')}, random, or slow:<model>:<ms>`,
  );
}

const { values } = parseArgs({
  options: {
    network: { type: 'string' },
    netuid: { type: 'string' },
    'hotkey-uri': { type: 'string' },
    behaviour: { type: 'string' },
    seed: { type: 'string', default: 'miner' },
    train: { type: 'string', default: '3000' },
  },
});
const behaviour = parseBehaviour(values.behaviour ?? '');
const hotkey = keypairFromUri(values['hotkey-uri'] ?? '');
const chain = connectChain(values.network ?? 'local', { timeoutMs: 10_000 });
const netuid = Number(values.netuid);

const started = performance.now();
let model: GlyphModel | null = null;
if (behaviour.kind !== 'random') {
  const set = generateTrainingSet({ seed: values.seed, count: Number(values.train), maxDifficulty: 1 });
  model = await classifierOf(behaviour.model).train(set, { seed: values.seed });
}
const trainMs = performance.now() - started;
const rng = createGlyphRng(values.seed, 'random-answers');
const delayMs = behaviour.kind === 'slow' ? behaviour.delayMs : 0;

const miner = await startMiner({
  chain,
  hotkey,
  netuid,
  synapses: [
    serveSynapse(
      GlyphChallenge,
      async ({ body }, signal) => {
        const images = imagesOf(body);
        if (delayMs > 0)
          await new Promise<void>((done) => {
            const timer = setTimeout(done, delayMs);
            signal.addEventListener('abort', () => {
              clearTimeout(timer);
              done();
            });
          });
        return {
          labels: model === null ? randomAnswers({ count: images.length, rng }) : model.predict(images),
        };
      },
      { timeoutMs: 30_000 },
    ),
  ],
});
process.stdout.write(
  `${JSON.stringify({ role: 'miner', hotkey: hotkey.address, url: miner.axon.url, behaviour: values.behaviour, trainMs: Math.round(trainMs) })}\n`,
);
const stop = () => {
  void miner
    .close()
    .then(() => chain.close())
    .then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
