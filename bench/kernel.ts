/**
 * Fast kernel: subnet-steps per second on 128 subnets with a step of a day (median of several runs), and
 * its measured divergence from the exact engine on the 30-day fidelity scenario at day 30.
 */
import { BLOCKS_PER_DAY } from '../src/engine/chainConstants.ts';
import { createKernelState } from '../src/engine/kernel/createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from '../src/engine/kernel/defaultKernelParams.ts';
import { kernelFidelity } from '../src/engine/kernel/kernelFidelity.ts';
import { kernelStep } from '../src/engine/kernel/kernelStep.ts';
import type { KernelIntent, KernelParams, KernelState } from '../src/engine/kernel/types.ts';
import { fmt, median, printTable } from './lib.ts';

/** 128 subnets with varied pools and moving prices: most chain-buy (capped), some inject only. */
export function benchKernelState(params: KernelParams = DEFAULT_KERNEL_PARAMS): KernelState {
  return createKernelState({
    params,
    issuance: 10_600_000,
    rootStake: 2_000_000,
    subnets: Array.from({ length: params.slots }, (_, i) => {
      const tao = 5_000 + 300 * i;
      const price = 0.005 + 0.004 * (i % 17);
      return {
        taoReserve: tao,
        alphaIn: tao / price,
        movingPrice: price * (0.8 + 0.03 * (i % 13)),
        holdings: { staker: 400_000 + 8_000 * i, owner: 50_000, miner: 50_000 },
      };
    }),
  });
}

/** Median subnet-steps per second over `runs` runs of `steps` steps, with a few intents every step. */
export function benchKernelSteps(args: { params: KernelParams; steps: number; runs: number }): number {
  const { params } = args;
  const intents: KernelIntent[] = [
    { kind: 'stake', slot: 3, tao: 50, holder: 'speculator' },
    { kind: 'unstake', slot: 7, alpha: 100, holder: 'staker' },
    { kind: 'ownerMining', slot: 11, detected: 0.2, undetected: 0.1 },
  ];
  const state = benchKernelState(params);
  for (let s = 0; s < 50; s++) kernelStep({ state, params, intents }); // warm up the JIT
  const rates: number[] = [];
  for (let r = 0; r < args.runs; r++) {
    const t0 = performance.now();
    for (let s = 0; s < args.steps; s++) kernelStep({ state, params, intents });
    const seconds = (performance.now() - t0) / 1000;
    rates.push((args.steps * params.slots) / seconds);
  }
  return median(rates);
}

/** Print the kernel's throughput (k = a day and a tempo) and its divergence from the exact engine. */
export function runKernelBench(): void {
  const rows = (['day', 'tempo'] as const).map((step) => {
    const params = {
      ...DEFAULT_KERNEL_PARAMS,
      blocksPerStep: step === 'day' ? BLOCKS_PER_DAY : DEFAULT_KERNEL_PARAMS.tempo,
    };
    const rate = benchKernelSteps({ params, steps: 2_000, runs: 7 });
    return [step, String(params.blocksPerStep), fmt(rate / 1e6, 2), fmt(1e6 / rate, 2)];
  });
  printTable(
    'Fast kernel: 128 subnets, 3 intents per step, median of 7 runs of 2,000 steps',
    ['step', 'blocks', 'M subnet-steps/s', 'µs/subnet-step'],
    rows,
  );

  const t0 = performance.now();
  const report = kernelFidelity({ steps: ['day', 'tempo', 'block'] });
  const seconds = (performance.now() - t0) / 1000;
  const pct = (x: number) => `${fmt(x * 100, 4)}%`;
  printTable(
    `Kernel vs exact engine at day ${report.days}: max relative difference over ${report.subnets} subnets ` +
      `(time compressed ${report.timeScale}x: ${report.blocks} exact blocks; ${fmt(seconds, 0)} s)`,
    ['step', 'blocks', 'shares', 'prices', 'TAO reserves', 'alpha reserves', 'alpha out', 'max'],
    report.runs.map((r) => [
      r.step,
      String(r.blocksPerStep),
      pct(r.share),
      pct(r.price),
      pct(r.taoReserve),
      pct(r.alphaReserve),
      pct(r.alphaOut),
      pct(r.max),
    ]),
  );
}
