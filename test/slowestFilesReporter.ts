/**
 * Vitest reporter that prints, after the run's summary, the ten slowest test files and the time of the
 * local network's files (node, SDK and their command-line tests), so that CI's log shows where the test
 * time goes. A
 * file's time is its import, set-up and tests; files run side by side, so these add up to more than
 * the wall time.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Files listed. */
const SHOWN = 10;

/** Where the local network's tests are: the node, the SDK, and the tests of their commands. */
const LOCAL_NETWORK = ['src/node/', 'src/sdk/', 'test/localnet', 'test/node', 'test/wallet', 'test/sdk'];

const isNodeFile = (path: string) => LOCAL_NETWORK.some((prefix) => path.startsWith(prefix));

export default class SlowestFilesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files = modules.map((m) => {
      const d = m.diagnostic();
      const ms = d.prepareDuration + d.setupDuration + d.collectDuration + d.duration;
      return { path: relative(process.cwd(), m.moduleId).split('\\').join('/'), ms };
    });
    if (files.length === 0) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const lines = [...files]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN)
      .map((f) => `  ${seconds(f.ms)}  ${f.path}`);
    const node = files.filter((f) => isNodeFile(f.path));
    const nodeMs = node.reduce((t, f) => t + f.ms, 0);
    process.stdout.write(
      `\nslowest test files:\n${lines.join('\n')}\nlocal network files (${LOCAL_NETWORK.map((p) => `${p}*`).join(', ')}): ${node.length} files, ${seconds(nodeMs).trim()}\n`,
    );
  }
}
