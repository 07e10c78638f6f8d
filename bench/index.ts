/**
 * `npm run bench`: prints figures (medians, ratios side by side). Benchmarks never fail on time.
 * Pass section names to run only some: `npm run bench -- engine`.
 */
import { runBacktestBench } from './backtest.ts';
import { runDashboardBench } from './dashboard.ts';
import { runEngineBench } from './engine.ts';
import { runEpochBench } from './epoch.ts';
import { runGlyphsBench } from './glyphs.ts';
import { runKernelBench } from './kernel.ts';
import { runNodeBench } from './node.ts';
import { runPeersBench } from './peers.ts';
import { runQueueBench } from './queue.ts';
import { runRoundingBench } from './rounding.ts';
import { runSimBench } from './sim.ts';
import { runSubnetBench } from './subnet.ts';

const sections: Record<string, () => void | Promise<void>> = {
  engine: runEngineBench,
  epoch: runEpochBench,
  kernel: runKernelBench,
  peers: runPeersBench,
  sim: runSimBench,
  rounding: runRoundingBench,
  backtest: runBacktestBench,
  node: runNodeBench,
  subnet: runSubnetBench,
  glyphs: runGlyphsBench,
  dashboard: runDashboardBench,
  queue: runQueueBench,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
