/** What the runner hands to collectors for one run: its outputs, or why it failed. */
import type { RunOutput } from '../contract/types.ts';

/** One finished run, fed to collectors in run-index order. */
export type RunRecord =
  | { readonly runIndex: number; readonly ok: true; readonly output: RunOutput }
  | {
      readonly runIndex: number;
      readonly ok: false;
      readonly message: string;
      /** Where it was thrown, when the error had a stack; kept out of runs.csv and summary.json. */
      readonly stack?: string;
    };
