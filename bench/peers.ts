/**
 * The kernel against a careful numpy user's scripts of the same simplified model (`../shared/bench/peers`,
 * described in its README): 128 subnets from {@link benchKernelState}, 730 daily steps, each subnet's random
 * staker stakes or unstakes a lognormal amount of TAO (median 50, σ 1, sign ± with p = ½) every day.
 *
 * The kernel runs the workload through `kernelStep`, the step the lab runs, on one thread; `np_model.py`
 * (one run after another) and `np_batch.py` (all runs as (runs × subnets) arrays) run under Debian's
 * interpreter, one process each. The three alternate, round after round, so that all see the same load;
 * figures are medians over rounds. Agreement: the kernel and `np_model.py` under the same deterministic flows.
 *
 * The scripts are read from `TM_PEERS_DIR`, else `../shared/bench/peers` beside the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKS_PER_DAY } from '../src/engine/chainConstants.ts';
import { DEFAULT_KERNEL_PARAMS } from '../src/engine/kernel/defaultKernelParams.ts';
import { IntentBatch } from '../src/engine/kernel/intentBatch.ts';
import { kernelStep } from '../src/engine/kernel/kernelStep.ts';
import { spotAt } from '../src/engine/kernel/poolSwapTao.ts';
import type { KernelIntent, KernelParams, KernelState } from '../src/engine/kernel/types.ts';
import { createStream } from '../src/sim/rng/stream.ts';
import { PROJECT_ROOT } from '../src/sim/runner/manifest.ts';
import { benchKernelState } from './kernel.ts';
import { fmt, median, printTable } from './lib.ts';

const DAYS = 730;
const PYTHON = '/usr/bin/python3';
/** The staker's amount: lognormal with median 50 TAO and σ 1 (the scripts' `LN_MU`, `LN_SIGMA`). */
const LN_MU = Math.log(50);
const LN_SIGMA = 1;

const PARAMS: KernelParams = { ...DEFAULT_KERNEL_PARAMS, blocksPerStep: BLOCKS_PER_DAY };

/** The daily flows of one subnet: random (the timed workload) or the scripts' deterministic pattern. */
type Flows = 'random' | 'det';

/** One future of the workload; returns its final state. */
export function peerWorkloadRun(args: {
  readonly flows: Flows;
  readonly seed: number;
  readonly run: number;
}) {
  const state = benchKernelState(PARAMS);
  const slots = PARAMS.slots;
  const batch = new IntentBatch(slots);
  const rng = createStream(args.seed, args.run, 'peers');
  for (let day = 0; day < DAYS; day++) {
    batch.clear();
    for (let i = 0; i < slots; i++) {
      const tao = args.flows === 'random' ? randomFlow(rng) : detFlow(i, day);
      if (tao > 0) batch.stake(i, tao, 'staker');
      else batch.unstake(i, -tao / spotAt(state.columns, i), 'staker');
    }
    kernelStep({ state, params: PARAMS, intents: batch });
  }
  return state;
}

function randomFlow(rng: ReturnType<typeof createStream>): number {
  const tao = Math.exp(LN_MU + LN_SIGMA * rng.normal());
  return rng.uniform() < 0.5 ? tao : -tao;
}

/** `tm_common.det_flow`: stake 100·(1 + i mod 5) TAO two days in three, else unstake twice that. */
function detFlow(slot: number, day: number): number {
  const amp = 1 + (slot % 5);
  return (slot + day) % 3 !== 0 ? 100 * amp : -200 * amp;
}

/** The figures the scripts print for their last run. */
interface PeerMetrics {
  sum_spot: number;
  sum_ema: number;
  chain_buy: number;
  injected: number;
  sum_tao_reserve: number;
  protocol_alpha: number;
}

function kernelMetrics(state: KernelState): PeerMetrics {
  const c = state.columns;
  const sum = (f: (i: number) => number) => {
    let s = 0;
    for (let i = 0; i < PARAMS.slots; i++) s += f(i);
    return s;
  };
  return {
    sum_spot: sum((i) => spotAt(c, i)),
    sum_ema: sum((i) => c.movingPrice[i]!),
    chain_buy: sum((i) => c.chainBuyTao[i]!),
    injected: sum((i) => c.injectedTao[i]!),
    sum_tao_reserve: sum((i) => c.taoReserve[i]!),
    protocol_alpha: sum((i) => c.protocolAlpha[i]!),
  };
}

/** Seconds of one batch of `runs` kernel futures (after a warm-up the caller does once). */
function timeKernel(runs: number, seed: number): number {
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) peerWorkloadRun({ flows: 'random', seed, run: r });
  return (performance.now() - t0) / 1000;
}

/** Seconds of the workload's random flows alone (the same draws as {@link peerWorkloadRun}, no kernel). */
function timeDraws(runs: number, seed: number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const rng = createStream(seed, r, 'peers');
    for (let k = 0; k < DAYS * PARAMS.slots; k++) sink += randomFlow(rng);
  }
  const s = (performance.now() - t0) / 1000;
  return Number.isNaN(sink) ? Number.NaN : s;
}

/** Seconds of the bare coinbase: the workload's start state and steps, with no intents. */
function timeCoinbase(runs: number): number {
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const state = benchKernelState(PARAMS);
    for (let day = 0; day < DAYS; day++) kernelStep({ state, params: PARAMS, intents: NO_INTENTS });
  }
  return (performance.now() - t0) / 1000;
}

const NO_INTENTS: readonly KernelIntent[] = [];

/**
 * The kernel's time on the workload split three ways, ns per subnet-step (medians of `rounds`): the
 * random flows drawn, the bare coinbase (no intents, so its path differs a little), and the rest, which
 * is the intents built and applied.
 */
function kernelSplit(runs: number, rounds: number): { draws: number; coinbase: number; total: number } {
  const ns = (seconds: number) => (seconds * 1e9) / (runs * DAYS * PARAMS.slots);
  const draws: number[] = [];
  const coinbase: number[] = [];
  const total: number[] = [];
  for (let round = 0; round < rounds; round++) {
    total.push(ns(timeKernel(runs, round + 1)));
    draws.push(ns(timeDraws(runs, round + 1)));
    coinbase.push(ns(timeCoinbase(runs)));
  }
  return { draws: median(draws), coinbase: median(coinbase), total: median(total) };
}

interface ScriptResult {
  readonly wall_s: number;
  readonly last: PeerMetrics;
}

function runScript(dir: string, script: string, args: readonly string[]): ScriptResult {
  const r = spawnSync(PYTHON, [join(dir, script), ...args], { cwd: dir, encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    throw new Error(`${script} failed: ${r.stderr.trim().split('\n').at(-1) ?? `exit ${r.status}`}`);
  }
  return JSON.parse(line) as ScriptResult;
}

/** Where the peer scripts are, or why they cannot run. */
function peersDir(): { dir: string } | { skip: string } {
  const dir = process.env.TM_PEERS_DIR ?? join(PROJECT_ROOT, '..', 'shared', 'bench', 'peers');
  if (!existsSync(join(dir, 'np_batch.py'))) {
    return { skip: `the numpy peer scripts are not at ${dir} (set TM_PEERS_DIR to their folder)` };
  }
  const probe = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    return { skip: `${PYTHON} cannot import numpy (Debian package python3-numpy)` };
  }
  return { dir };
}

/** numpy's version and the BLAS threading settings in force for the scripts. */
function blasSettings(): string {
  const code = [
    'import os, numpy',
    'keys = ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_CORETYPE"]',
    'env = ", ".join(f"{k}={os.environ[k]}" for k in keys if k in os.environ) or "no BLAS threading variables set"',
    // The BLAS library numpy actually loaded (Debian switches it with update-alternatives).
    'libs = sorted({os.path.realpath(l.split()[-1]) for l in open("/proc/self/maps") if "blas" in l.lower() and "/" in l})',
    'blas = ", ".join(os.path.basename(p) for p in libs) or "none loaded"',
    'print(f"numpy {numpy.__version__}; BLAS {blas}; {env}; {os.cpu_count()} CPUs")',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'numpy settings unreadable';
}

const relDiff = (a: number, b: number) => (b === 0 ? (a === 0 ? 0 : Number.POSITIVE_INFINITY) : a / b - 1);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${fmt(x * 100, 2)}%`;

/** Print the kernel against the numpy scripts (see the file comment). */
export function runPeersBench(): void {
  const where = peersDir();
  const subnetSteps = DAYS * PARAMS.slots;
  // Runs per batch: the kernel and np_model take one run after another; np_batch advances them together,
  // so it gets the lab's default number of futures.
  const kernelRuns = 40;
  const modelRuns = 20;
  const batchRuns = 1000;
  const rounds = 3;
  timeKernel(4, 99); // warm up the JIT
  const kernel: number[] = [];
  const model: number[] = [];
  const batch: number[] = [];
  for (let round = 0; round < rounds; round++) {
    kernel.push(kernelRuns / timeKernel(kernelRuns, round + 1));
    if ('dir' in where) {
      model.push(
        modelRuns /
          runScript(where.dir, 'np_model.py', [String(modelRuns), 'random', String(round + 1)]).wall_s,
      );
      batch.push(
        batchRuns /
          runScript(where.dir, 'np_batch.py', [String(batchRuns), 'random', String(round + 1)]).wall_s,
      );
    }
  }
  const k = median(kernel);
  const row = (name: string, runs: number, rate: number) => [
    name,
    String(runs),
    fmt(rate, 1),
    fmt((rate * subnetSteps) / 1e6, 2),
    `${fmt(k / rate, 2)}x`,
  ];
  const rows = [row('kernel (kernelStep, 1 thread)', kernelRuns, k)];
  if ('dir' in where) {
    rows.push(row('np_model.py (1 process)', modelRuns, median(model)));
    rows.push(row('np_batch.py (1 process)', batchRuns, median(batch)));
  }
  printTable(
    `Kernel vs numpy peers: ${PARAMS.slots} subnets x ${DAYS} days, one random staker per subnet per day; median of ${rounds} alternating rounds`,
    ['implementation', 'runs', 'runs/s', 'M subnet-steps/s', 'kernel / it'],
    rows,
  );
  const split = kernelSplit(kernelRuns / 2, rounds);
  const share = (x: number) => `${fmt((100 * x) / split.total, 0)}%`;
  const intents = split.total - split.draws - split.coinbase;
  const batchNs = 'dir' in where ? 1e9 / (median(batch) * subnetSteps) : Number.NaN;
  printTable(
    `Where the kernel's time goes on this workload, ns per subnet-step (medians of ${rounds}, one part at a time)${'dir' in where ? `; np_batch.py takes ${fmt(batchNs, 0)} ns for all of it, its draws included` : ''}`,
    ['part', 'ns', 'share'],
    [
      [
        'random flows drawn (normal, exp and uniform from the lab stream)',
        fmt(split.draws, 0),
        share(split.draws),
      ],
      ['intents built and applied (one stake or unstake per subnet)', fmt(intents, 0), share(intents)],
      [
        'coinbase: 7,200 blocks in closed form, 20 epochs, moving price',
        fmt(split.coinbase, 0),
        share(split.coinbase),
      ],
      ['kernel on the workload', fmt(split.total, 0), '100%'],
    ],
  );
  if (!('dir' in where)) {
    process.stdout.write(`numpy peers skipped: ${where.skip}\n`);
    return;
  }
  process.stdout.write(`${PYTHON}: ${blasSettings()}\n`);

  const ours = kernelMetrics(peerWorkloadRun({ flows: 'det', seed: 1, run: 0 }));
  const batchDet = runScript(where.dir, 'np_batch.py', ['1', 'det']).last;
  const modelDet = runScript(where.dir, 'np_model.py', ['1', 'det']).last;
  const keys = Object.keys(ours) as (keyof PeerMetrics)[];
  printTable(
    'Agreement under the deterministic flows at day 730: the kernel (7,200 blocks a day in closed form) vs the scripts (one lump step a day)',
    ['metric', 'kernel', 'np_batch.py', 'kernel vs np_batch', 'np_model.py', 'kernel vs np_model'],
    keys.map((key) => [
      key,
      fmt(ours[key], 4),
      fmt(batchDet[key], 4),
      pct(relDiff(ours[key], batchDet[key])),
      fmt(modelDet[key], 4),
      pct(relDiff(ours[key], modelDet[key])),
    ]),
  );
}
