/**
 * Ctrl-C for the commands that run experiments: the first one stops starting runs (the runs in flight
 * finish and partial results are written); a second one quits at once with exit code 130.
 */

/** What the command shows at each step; read at the time of the interrupt, so views may change. */
export interface InterruptHooks {
  /** Command name that prefixes the message, e.g. `simulate`. */
  readonly label: string;
  /** What a second Ctrl-C leaves unwritten, e.g. `no summary or report is written`. */
  readonly lost: string;
  /** Called on the first Ctrl-C, after the signal fires (e.g. note "stopping" on the progress view). */
  readonly onStopping: () => void;
  /** Called on the second Ctrl-C before quitting (e.g. tidy the progress bar). */
  readonly onQuit: () => void;
}

/** An abort signal wired to SIGINT while installed. */
export interface InterruptController {
  /** Aborted by the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** Stop listening for SIGINT. */
  dispose(): void;
}

/**
 * Listen for Ctrl-C until disposed.
 * @example
 * const interrupts = createInterruptController({ label: 'simulate', lost: 'no report', onStopping, onQuit });
 * try { await runExperiment({ ..., signal: interrupts.signal }); } finally { interrupts.dispose(); }
 */
export function createInterruptController(hooks: InterruptHooks): InterruptController {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts > 1) {
      hooks.onQuit();
      process.stderr.write(`\n${hooks.label}: interrupted twice; quitting now (${hooks.lost})\n`);
      process.exit(130);
      return;
    }
    controller.abort();
    hooks.onStopping();
  };
  process.on('SIGINT', onInterrupt);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onInterrupt);
    },
  };
}

/**
 * Run `work` with Ctrl-C wired to its signal; `onSettled` runs when it ends either way (e.g. stop the
 * progress view), then SIGINT is released.
 * @example const result = await runInterruptible(hooks, (signal) => runExperiment({ ..., signal }), view.stop);
 */
export async function runInterruptible<T>(
  hooks: InterruptHooks,
  work: (signal: AbortSignal) => Promise<T>,
  onSettled: () => void,
): Promise<T> {
  const interrupts = createInterruptController(hooks);
  try {
    return await work(interrupts.signal);
  } finally {
    onSettled();
    interrupts.dispose();
  }
}
