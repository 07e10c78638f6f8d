/**
 * A pool of verifier threads: a batch is cut into one slice per thread and checked in parallel, the
 * results joined in input order. Small batches stay in the caller's thread (a thread round trip costs
 * more than a few signatures).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { SubmissionCheck } from './checkSubmission.ts';
import { type EnvelopeVerifier, inlineVerifier } from './envelopeVerifier.ts';
import type { VerifierTask } from './verifierTask.ts';

const WORKER_ENTRY = new URL('./verifierWorker.mjs', import.meta.url).href;

/** Below this many submissions a batch is checked in the caller's thread. */
export const MIN_POOLED_BATCH = 8;

/** Options of {@link createVerifierPool}. */
export interface VerifierPoolOptions {
  /** Threads; default the machine's cores. */
  readonly threads?: number;
}

/**
 * Start the threads (each loads the checks once) and resolve when they are ready.
 * @example const verifier = await createVerifierPool(); LocalNode.open({ ..., verifier })
 */
export async function createVerifierPool(options: VerifierPoolOptions = {}): Promise<EnvelopeVerifier> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new Piscina<VerifierTask, SubmissionCheck[]>({
    filename: WORKER_ENTRY,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // A thread failing outside a task would otherwise crash the process; its tasks reject instead.
  pool.on('error', () => {});
  const warm = { genesisHash: `0x${'0'.repeat(64)}` as const, block: 0 };
  await Promise.all(Array.from({ length: threads }, () => pool.run({ inputs: [], chain: warm })));
  return {
    threads,
    async check(inputs, chain) {
      if (inputs.length < MIN_POOLED_BATCH) return inlineVerifier.check(inputs, chain);
      const size = Math.ceil(inputs.length / threads);
      const slices: Promise<SubmissionCheck[]>[] = [];
      for (let start = 0; start < inputs.length; start += size)
        slices.push(pool.run({ inputs: inputs.slice(start, start + size), chain }));
      return (await Promise.all(slices)).flat();
    },
    async close() {
      await pool.destroy();
    },
  };
}
