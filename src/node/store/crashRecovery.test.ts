/**
 * Crash safety: a writer process journals and commits blocks until it is killed with SIGKILL at a
 * seeded moment; the store it leaves behind must hold every submission it acknowledged (pending,
 * included or rejected) and recover to the state root of its last committed block.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { stateRoot } from '../../engine/index.ts';
import { openBlockStore } from './blockStore.ts';
import { recoverState } from './recoverState.ts';
import { storeGenesis, TEST_BLOCK_OPTIONS, tempFolder } from './storeChain.testkit.ts';

const WRITER = join(import.meta.dirname, 'crashWriter.testkit.ts');
const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const RUNS = 5;

interface Killed {
  /** Ids the writer printed after `journal()` returned. */
  readonly acked: readonly string[];
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Run the writer on `file` and kill it `delayMs` after it is ready. */
function runAndKill(file: string, seed: number, delayMs: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(seed)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (timer === undefined && stdout.startsWith('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // 'close' comes after the pipes are drained, so every line the writer printed has been read.
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      // Only whole lines: a line cut by the kill would not be an acknowledgement.
      const lines = stdout.split('\n').slice(0, -1);
      const acked = lines.flatMap((line) => /^ack (\S+)$/.exec(line)?.[1] ?? []);
      resolve({ acked, signal, stderr });
    });
  });
}

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

it(`keeps every acknowledged submission and recovers the stored root after SIGKILL (${RUNS} runs)`, async () => {
  const delays = fc.sample(fc.noBias(fc.integer({ min: 50, max: 700 })), { seed: 20_240_601, numRuns: RUNS });
  let acked = 0;
  let blocks = 0;
  let included = 0;
  for (let run = 0; run < RUNS; run++) {
    const file = folder.file(`crash-${run}.db`);
    const killed = await runAndKill(file, run + 1, delays[run]!);
    expect(killed.signal, `run ${run}: the writer ended by itself\n${killed.stderr}`).toBe('SIGKILL');

    const genesis = storeGenesis();
    const store = openBlockStore({ path: file, genesisRoot: stateRoot(genesis) });
    const lost = killed.acked.filter((id) => store.receiptOf(id) === undefined);
    expect(lost, `run ${run}: acknowledged but not in the journal`).toEqual([]);
    included += killed.acked.filter((id) => store.receiptOf(id)?.status !== 'pending').length;
    const recovered = recoverState({ store, genesis, options: TEST_BLOCK_OPTIONS });
    expect(recovered.lastBlock?.number ?? 0).toBe(recovered.state.block);
    if (recovered.lastBlock !== undefined)
      expect(stateRoot(recovered.state)).toBe(recovered.lastBlock.stateRoot);
    store.close();
    acked += killed.acked.length;
    blocks += recovered.lastBlock?.number ?? 0;
  }
  // The runs did real work before they were killed.
  expect(acked).toBeGreaterThan(RUNS);
  expect(blocks).toBeGreaterThan(0);
  expect(included).toBeGreaterThan(0);
});
