/**
 * A glyphs validator as a process: `validator.ts --network URL --netuid N --hotkey-uri URI --data DIR
 * [--secret S] [--images N] [--timeout-ms MS] [--pause-ms MS]`. It runs rounds back to back (a pause
 * between them), each a fresh challenge to every miner, sets weights once per tempo, writes each round
 * to DIR/rounds.jsonl, prints one JSON line when ready, and stops on SIGTERM after the round under way.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connectChain } from '../../../src/sdk/chain/connectChain.ts';
import { createDendrite } from '../../../src/sdk/dendrite/createDendrite.ts';
import { keypairFromUri } from '../../../src/sdk/keys/keypair.ts';
import { Validator } from '../../../src/sdk/validator/validator.ts';
import { glyphEvaluation } from './glyphEvaluation.ts';

const { values } = parseArgs({
  options: {
    network: { type: 'string' },
    netuid: { type: 'string' },
    'hotkey-uri': { type: 'string' },
    data: { type: 'string' },
    secret: { type: 'string' },
    images: { type: 'string', default: '100' },
    'timeout-ms': { type: 'string', default: '4000' },
    'pause-ms': { type: 'string', default: '500' },
    difficulty: { type: 'string', default: '0.5' },
    'score-alpha': { type: 'string', default: '0.3' },
  },
});
const hotkey = keypairFromUri(values['hotkey-uri'] ?? '');
const chain = connectChain(values.network ?? 'local', { timeoutMs: 10_000 });
const evaluation = glyphEvaluation({
  dendrite: createDendrite({ keypair: hotkey }),
  secret: values.secret ?? randomBytes(16).toString('hex'),
  count: Number(values.images),
  timeoutMs: Number(values['timeout-ms']),
  difficulty: Number(values.difficulty),
});
const validator = new Validator({
  chain,
  hotkey,
  netuid: Number(values.netuid),
  dataDir: values.data ?? '.validator',
  scoreAlpha: Number(values['score-alpha']),
  evaluate: evaluation.evaluate,
});

let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
});
process.once('SIGINT', () => {
  stopping = true;
});
process.stdout.write(`${JSON.stringify({ role: 'validator', hotkey: hotkey.address, data: values.data })}\n`);
while (!stopping) {
  try {
    await validator.round();
  } catch (error) {
    // A round that failed (the node restarting, a refused transaction) is reported; the next one tries again.
    process.stderr.write(`round failed: ${(error as Error).message}\n`);
  }
  await new Promise((done) => setTimeout(done, Number(values['pause-ms'])));
}
await chain.close();
process.exit(0);
