/**
 * A writer for the crash test, run as its own process: `node --import tsx crashWriter.testkit.ts FILE
 * SEED`. It journals submissions one by one, printing `ack ID` after each `journal()` returns (the
 * moment a node would answer success), and commits a block after every third, with a snapshot every
 * fourth block, until it is killed. It stops on its own after a while so it never outlives its test.
 */
import fc from 'fast-check';
import { stateRoot } from '../../engine/index.ts';
import { openBlockStore } from './blockStore.ts';
import { recoverState } from './recoverState.ts';
import {
  envelopeArb,
  produceBlock,
  storeGenesis,
  TEST_BLOCK_OPTIONS,
  type TestEnvelope,
} from './storeChain.testkit.ts';

/** How long the writer runs when nobody kills it. */
const RUN_LIMIT_MS = 30_000;

const [path, seedText] = process.argv.slice(2);
if (path === undefined || seedText === undefined) throw new Error('usage: crashWriter.testkit.ts FILE SEED');
const genesis = storeGenesis();
const store = openBlockStore<TestEnvelope>({ path, genesisRoot: stateRoot(genesis) });
let { state } = recoverState({ store, genesis, options: TEST_BLOCK_OPTIONS });
const envelopes = fc.sample(envelopeArb(), { seed: Number(seedText), numRuns: 300 });
const started = Date.now();
// Writes to a pipe are synchronous on Linux, so a printed line has left the process when write returns.
process.stdout.write('ready\n');
for (let i = 0; Date.now() - started < RUN_LIMIT_MS; i++) {
  const id = `s${i}`;
  store.journal({ id, envelope: envelopes[i % envelopes.length]! });
  process.stdout.write(`ack ${id}\n`);
  if (i % 3 === 2) state = produceBlock({ store, state, snapshot: (state.block + 1) % 4 === 0 }).state;
}
store.close();
