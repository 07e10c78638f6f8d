/** A verifier thread's task: check a slice of a batch (see `verifierPool.ts`). */
import type { ChainContext } from '../../sdk/tx/verifyEnvelope.ts';
import { checkSubmission, type SubmissionCheck } from './checkSubmission.ts';

/** One slice of a batch and the chain it is checked against. */
export interface VerifierTask {
  readonly inputs: readonly unknown[];
  readonly chain: ChainContext;
}

/** Check every input of the slice (the default export piscina calls). */
export default function verifySlice(task: VerifierTask): SubmissionCheck[] {
  return task.inputs.map((input) => checkSubmission(input, task.chain));
}
