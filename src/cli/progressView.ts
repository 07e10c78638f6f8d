/** Progress of an experiment on stderr, shared by the commands that run one. */
import cliProgress from 'cli-progress';
import type { ExperimentProgress } from '../sim/runner/runExperiment.ts';

/** Seconds with one decimal, e.g. `1.5 s`. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Progress on stderr, named by `label` (the command or its phase): a bar with ETA on a terminal, a line every 10% otherwise. */
export function createProgressView(quiet: boolean, label = 'simulate') {
  if (quiet) return { update: (_p: ExperimentProgress) => {}, stopping: () => {}, stop: () => {} };
  if (process.stderr.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} {bar} {percentage}% | {value}/{total} runs | {errored} errored | ETA {eta_formatted} {note}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let note = '';
    return {
      update(p: ExperimentProgress) {
        if (!started) {
          bar.start(p.total, p.done, { errored: p.errored, note });
          started = true;
        } else bar.update(p.done, { errored: p.errored, note });
      },
      stopping() {
        note = '| stopping: finishing runs in flight (Ctrl-C again to quit now)';
        if (started) bar.update({ note });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  return {
    update(p: ExperimentProgress) {
      const tenth = p.total === 0 ? 10 : Math.floor((10 * p.done) / p.total);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(
        `${label}: ${tenth * 10}% (${p.done}/${p.total} runs, ${p.errored} errored, ${seconds(p.elapsedMs)})\n`,
      );
    },
    stopping() {
      process.stderr.write(
        `${label}: stopping: finishing the runs in flight, then writing partial results\n`,
      );
    },
    stop() {},
  };
}
