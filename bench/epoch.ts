/**
 * Epoch speed: the fast (float64) Yuma Consensus epoch against the exact (bigint) one and against a
 * vectorised torch implementation of the same algorithm on one thread, on the same deterministic
 * graphs (n = 64 and 256 UIDs, 64 validators, dense and 10%-sparse weights, Yuma 3 with bond history).
 * Medians of per-epoch times.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createFastEpochWorkspace,
  type FastEpochWorkspace,
  fastEpoch,
  runFastEpoch,
  toFastEpochInputs,
} from '../src/engine/epoch/fast/index.ts';
import { yumaEpoch } from '../src/engine/epoch/index.ts';
import type { EpochFunction, EpochInput } from '../src/engine/epoch/types.ts';
import { fromInt, I64F64 } from '../src/engine/fixed/index.ts';
import type { EpochParams, SparseRow } from '../src/engine/state/types.ts';
import { fmt, median, printTable } from './lib.ts';

const VALIDATORS = 64;
const RAO = 1_000_000_000n;

/** Yuma 3 without liquid alpha, the chain's defaults otherwise (what the torch twin implements). */
const PARAMS: EpochParams = {
  kappa: 32_767,
  bondsMovingAverage: 900_000,
  bondsPenalty: 65_535,
  yuma3: true,
  liquidAlpha: false,
  alphaLow: 45_875,
  alphaHigh: 58_982,
  alphaSigmoidSteepness: 1000,
  maxAllowedValidators: 64,
  activityCutoffFactorMilli: 13_889,
  stakeThreshold: 0n,
};

/** A small seeded generator (mulberry32), so every run and the torch side see the same graphs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One benchmark graph: the chain input with a few epochs of bond history already folded in. */
export interface EpochCase {
  readonly name: string;
  readonly n: number;
  readonly density: number;
  readonly input: EpochInput;
}

/** Validators 0..63 weigh every other UID (dense) or about 10% of them (sparse), u16 weights. */
export function epochCase(n: number, density: number): EpochCase {
  const rand = rng(n * 1000 + Math.round(density * 100));
  const weights: SparseRow[] = Array.from({ length: n }, (_, i) => {
    if (i >= VALIDATORS) return [];
    const row: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j !== i && rand() < density) row.push([j, 1 + Math.floor(rand() * 65_534)]);
    }
    return row;
  });
  const block = 10_000;
  let input: EpochInput = {
    block,
    tempo: 360,
    ownerUid: null,
    lastMechanismStepBlock: block - 361,
    params: PARAMS,
    neurons: Array.from({ length: n }, (_, i) => ({
      stake: fromInt(I64F64, i < VALIDATORS ? BigInt(Math.floor(1_000 + rand() * 100_000)) * RAO : 0n),
      lastUpdate: block - 10,
      blockAtRegistration: 1,
      validatorPermit: i < VALIDATORS,
    })),
    weights,
    bonds: Array.from({ length: n }, () => []),
    raoEmission: 360n * RAO,
  };
  // Fold in bond history so the timed epoch reads real bonds.
  for (let e = 0; e < 3; e++) input = { ...input, bonds: fastEpoch(input).bonds };
  return { name: `n=${n} ${density === 1 ? 'dense' : `${density * 100}% sparse`}`, n, density, input };
}

/** A full collection on demand (exposed at run time). */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? () => gc() : () => {};
})();

/** Block the thread for `ms` milliseconds (lets the collector's background threads finish). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Per-call times of a benchmark: the median, and the 10th percentile (the least disturbed runs). */
interface Timing {
  readonly median: number;
  readonly p10: number;
}

/**
 * Milliseconds of process CPU time per call of `fn`, over `samples` batches of `batch` calls. CPU time
 * rather than wall time keeps most other load on the machine out of the figures (the torch side does
 * the same with `time.process_time`; both run one thread). Process CPU time also counts the
 * collector's background threads, so whatever ran before is collected and swept first.
 */
function timeIt(fn: () => void, args: { samples: number; batch: number; warmup: number }): Timing {
  for (let k = 0; k < args.warmup; k++) fn();
  collectGarbage();
  pause(200);
  const times: number[] = [];
  for (let s = 0; s < args.samples; s++) {
    const t0 = process.cpuUsage();
    for (let k = 0; k < args.batch; k++) fn();
    const spent = process.cpuUsage(t0);
    times.push((spent.user + spent.system) / 1000 / args.batch);
  }
  const sorted = [...times].sort((x, y) => x - y);
  return { median: median(times), p10: sorted[Math.floor(sorted.length / 10)]! };
}

/** The torch twin's report per case: ms per epoch (median, 10th percentile), incentive and dividends. */
interface TorchReport {
  readonly torch: string;
  readonly threads: number;
  readonly cases: Record<string, { ms: number; msP10: number; incentive: number[]; dividends: number[] }>;
}

function torchPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status === 0) return py;
  }
  return null;
}

/** Run `yuma_torch.py` on the same graphs (sent as JSON on stdin). */
function runTorch(py: string, cases: readonly EpochCase[]): TorchReport | string {
  const payload = cases.map((c) => {
    const fi = toFastEpochInputs(c.input)[0]!;
    return {
      name: c.name,
      n: c.n,
      block: c.input.block,
      tempo: c.input.tempo,
      lastMechanismStepBlock: c.input.lastMechanismStepBlock,
      ownerUid: c.input.ownerUid,
      params: { ...PARAMS, stakeThreshold: 0 },
      stake: Array.from(fi.stake),
      lastUpdate: Array.from(fi.lastUpdate),
      blockAtRegistration: Array.from(fi.blockAtRegistration),
      validatorPermit: Array.from(fi.validatorPermit),
      weights: c.input.weights,
      bonds: c.input.bonds,
      raoEmission: Number(c.input.raoEmission),
    };
  });
  const script = join(dirname(fileURLToPath(import.meta.url)), 'yuma_torch.py');
  const run = spawnSync(py, [script], {
    input: JSON.stringify(payload),
    maxBuffer: 1 << 26,
    encoding: 'utf8',
  });
  if (run.status !== 0) return `torch run failed: ${run.stderr.trim().split('\n').at(-1) ?? ''}`;
  return JSON.parse(run.stdout) as TorchReport;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
};

/** Print fast vs exact vs torch epoch medians and their ratios. */
export function runEpochBench(): void {
  const cases = [64, 256].flatMap((n) => [epochCase(n, 1), epochCase(n, 0.1)]);
  // The exact path, when the engine exports it.
  const exact: EpochFunction | undefined = typeof yumaEpoch === 'function' ? yumaEpoch : undefined;
  const ws = createFastEpochWorkspace();
  const fastTiming = (c: EpochCase, warmup: number): Timing => {
    const fi = toFastEpochInputs(c.input)[0]!;
    return timeIt(() => runFastEpoch(ws, fi), { samples: 41, batch: c.n > 100 ? 20 : 100, warmup });
  };
  const rows = cases.map((c) => {
    const core = fastTiming(c, c.n > 100 ? 1000 : 4000).median;
    const contract = timeIt(() => fastEpoch(c.input), { samples: 15, batch: 5, warmup: 20 }).median;
    const exactMs =
      exact === undefined
        ? Number.NaN
        : timeIt(() => exact(c.input), { samples: 5, batch: 1, warmup: 1 }).median;
    return [
      c.name,
      fmt(core * 1000, 1),
      fmt(contract * 1000, 0),
      exact === undefined ? 'n/a' : fmt(exactMs, 1),
      exact === undefined ? 'n/a' : `${fmt(exactMs / core, 0)}x`,
    ];
  });
  printTable(
    'Yuma 3 epoch, 64 validators: fast core (typed arrays), fast via the chain contract, exact (bigint); median CPU time',
    ['graph', 'fast µs', 'fast contract µs', 'exact ms', 'exact / fast'],
    rows,
  );

  printVariants(ws, cases.find((c) => c.n === 256 && c.density === 1)!);

  const py = torchPython();
  if (py === null) {
    process.stdout.write(
      '\ntorch is not installed (Debian package python3-torch): skipping the torch comparison\n',
    );
    return;
  }
  const report = runTorch(py, cases);
  if (typeof report === 'string') {
    process.stdout.write(`\n${report}\n`);
    return;
  }
  const torchRows = cases.map((c) => {
    const t = report.cases[c.name];
    // Measured again right after torch, so both sides ran under the same conditions.
    const fast = fastTiming(c, 200);
    if (t === undefined) return [c.name, 'n/a', fmt(fast.median * 1000, 1), 'n/a', 'n/a', 'n/a'];
    const out = runFastEpoch(ws, toFastEpochInputs(c.input)[0]!);
    const agree = Math.max(maxDiff(out.incentive, t.incentive), maxDiff(out.dividends, t.dividends));
    return [
      c.name,
      fmt(t.ms * 1000, 1),
      fmt(fast.median * 1000, 1),
      `${fmt(t.ms / fast.median, 1)}x`,
      `${fmt(t.msP10 / fast.p10, 1)}x`,
      agree.toExponential(1),
    ];
  });
  printTable(
    `Fast TS vs torch ${report.torch} (float64, ${report.threads} thread), same graphs; median CPU time per epoch`,
    ['graph', 'torch µs', 'fast µs', 'torch / fast', 'at p10', 'max |Δ| inc/div'],
    torchRows,
  );
}

/** The fast path's cost per Yuma variant on one graph (the torch twin covers Yuma 3 only). */
function printVariants(ws: FastEpochWorkspace, c: EpochCase): void {
  const base = toFastEpochInputs(c.input)[0]!;
  const variants: [string, Partial<EpochParams>][] = [
    ['original Yuma', { yuma3: false, liquidAlpha: false }],
    ['Yuma 3', { yuma3: true, liquidAlpha: false }],
    ['Yuma 3 + liquid alpha', { yuma3: true, liquidAlpha: true }],
  ];
  const rows = variants.map(([name, params]) => {
    const fi = { ...base, params: { ...base.params, ...params } };
    const ms = timeIt(() => runFastEpoch(ws, fi), { samples: 21, batch: 20, warmup: 500 }).median;
    return [name, fmt(ms * 1000, 1)];
  });
  printTable(
    `Fast epoch by Yuma variant, ${c.name}, 64 validators; median CPU time`,
    ['variant', 'fast µs'],
    rows,
  );
}
