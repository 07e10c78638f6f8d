/**
 * Where a node checks submissions: in its own thread, or on a pool of worker threads (signature checks
 * dominate the cost of a submission, and a pool checks a batch on every core at once).
 */
import type { ChainContext } from '../../sdk/tx/verifyEnvelope.ts';
import { checkSubmission, type SubmissionCheck } from './checkSubmission.ts';

/** Checks batches of submissions; results come back in input order. */
export interface EnvelopeVerifier {
  /** Threads it checks on (0: the caller's). */
  readonly threads: number;
  check(inputs: readonly unknown[], chain: ChainContext): Promise<SubmissionCheck[]>;
  close(): Promise<void>;
}

/**
 * A verifier that checks in the calling thread.
 * @example const node = LocalNode.open({ ..., verifier: inlineVerifier })
 */
export const inlineVerifier: EnvelopeVerifier = {
  threads: 0,
  check: async (inputs, chain) => inputs.map((input) => checkSubmission(input, chain)),
  close: async () => {},
};
