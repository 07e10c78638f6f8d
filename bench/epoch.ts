/**
 * Epoch speed: the fast (float64) Yuma Consensus epoch against the exact (bigint) one on the same
 * deterministic graphs (n = 64 and 256 UIDs, 64 validators, dense and 10%-sparse weights, Yuma 3 with
 * bond history), then side by side with `Yuma3` of bactensor/yuma-simulation (torch, one thread) on a
 * dense graph of 64 validators and 192 miners, when YUMA_SIMULATION_DIR names a checkout of it.
 * Medians of per-epoch CPU times.
 */

import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RAO_PER_TAO } from '../src/engine/chainConstants.ts';
import {
  createFastEpochWorkspace,
  type FastEpochInput,
  type FastEpochWorkspace,
  fastEpoch,
  runFastEpoch,
  toFastEpochInputs,
} from '../src/engine/epoch/fast/index.ts';
import { yumaEpoch } from '../src/engine/epoch/index.ts';
import type { EpochFunction, EpochInput } from '../src/engine/epoch/types.ts';
import { fromInt, I64F64 } from '../src/engine/fixed/index.ts';
import { DEFAULT_EPOCH_PARAMS } from '../src/engine/state/defaults.ts';
import type { EpochParams, SparseRow } from '../src/engine/state/types.ts';
import { seededRandom } from '../test/support/seededRandom.ts';
import { fmt, median, printTable } from './lib.ts';

const VALIDATORS = 64;
/** Miners of the Yuma3 comparison graph (UIDs 64..255). */
const MINERS = 192;
const RAO = RAO_PER_TAO;

/** Yuma 3 without liquid alpha: the chain's defaults. */
const PARAMS: EpochParams = { ...DEFAULT_EPOCH_PARAMS, yuma3: true, liquidAlpha: false };

/** One benchmark graph: the chain input with a few epochs of bond history already folded in. */
export interface EpochCase {
  readonly name: string;
  readonly n: number;
  readonly density: number;
  readonly input: EpochInput;
}

/**
 * A benchmark epoch's chain input: UIDs with `stakeTao[uid]` TAO (validators 0..63 hold permits), the
 * given weight rows, and three epochs of bond history folded in so the timed epoch reads real bonds.
 */
function benchEpochInput(stakeTao: readonly number[], weights: readonly SparseRow[]): EpochInput {
  const n = stakeTao.length;
  const block = 10_000;
  let input: EpochInput = {
    block,
    tempo: 360,
    ownerUid: null,
    lastMechanismStepBlock: block - 361,
    params: PARAMS,
    neurons: stakeTao.map((tao, i) => ({
      stake: fromInt(I64F64, BigInt(tao) * RAO),
      lastUpdate: block - 10,
      blockAtRegistration: 1,
      validatorPermit: i < VALIDATORS,
    })),
    weights,
    bonds: Array.from({ length: n }, () => []),
    raoEmission: 360n * RAO,
  };
  for (let e = 0; e < 3; e++) input = { ...input, bonds: fastEpoch(input).bonds };
  return input;
}

/** Validators 0..63 weigh every other UID (dense) or about 10% of them (sparse), u16 weights. */
export function epochCase(n: number, density: number): EpochCase {
  // The shared generator, so every run sees the same graphs.
  const rand = seededRandom(n * 1000 + Math.round(density * 100));
  const weights: SparseRow[] = Array.from({ length: n }, (_, i) => {
    if (i >= VALIDATORS) return [];
    const row: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j !== i && rand() < density) row.push([j, 1 + Math.floor(rand() * 65_534)]);
    }
    return row;
  });
  // Stakes are drawn after the weights, validators in order (the graphs stay as they were).
  const stakes = Array.from({ length: n }, (_, i) =>
    i < VALIDATORS ? Math.floor(1_000 + rand() * 100_000) : 0,
  );
  const input = benchEpochInput(stakes, weights);
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

/** The Yuma3 comparison graph: 64 validators, random stakes, each weighing all 192 miners (dense). */
export interface Yuma3Graph {
  readonly input: EpochInput;
  /** Validator rows of u16 weights over the miners (64 x 192), as the reference's W. */
  readonly weights: readonly (readonly number[])[];
  /** Validator stakes in TAO, as the reference's S. */
  readonly stakes: readonly number[];
}

/** The graph both sides of the Yuma3 comparison run: UIDs 0..63 validate, UIDs 64..255 mine. */
export function yuma3Graph(): Yuma3Graph {
  const rand = seededRandom(3_192);
  const n = VALIDATORS + MINERS;
  const stakes = Array.from({ length: VALIDATORS }, () => Math.floor(1_000 + rand() * 100_000));
  const weights = stakes.map(() => Array.from({ length: MINERS }, () => 1 + Math.floor(rand() * 65_534)));
  const rows: SparseRow[] = Array.from({ length: n }, (_, i) =>
    (weights[i] ?? []).map((w, m) => [VALIDATORS + m, w] as const),
  );
  const input = benchEpochInput(
    Array.from({ length: n }, (_, i) => stakes[i] ?? 0),
    rows,
  );
  return { input, weights, stakes };
}

/**
 * bactensor/yuma-simulation's `Yuma3` in a Python process (`yuma3_reference.py`), timing batches of
 * calls on request with its bonds carried from call to call.
 */
interface Yuma3Reference {
  readonly torch: string;
  readonly threads: number;
  readonly dtype: string;
  /** CPU seconds per call over `batch` calls. */
  time(batch: number): Promise<number>;
  /** One call's server incentive (per miner) and normalised validator reward (per validator). */
  result(): Promise<{ incentive: number[]; dividends: number[] }>;
  close(): void;
}

/** Where to get the reference, for the line printed when the comparison is skipped. */
const REFERENCE_HINT = 'set YUMA_SIMULATION_DIR to a checkout of bactensor/yuma-simulation at commit 2b976fd';

function torchPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status === 0) return py;
  }
  return null;
}

/** Start the reference on `graph`, or say why it cannot run. */
async function startYuma3Reference(graph: Yuma3Graph): Promise<Yuma3Reference | string> {
  const dir = process.env.YUMA_SIMULATION_DIR;
  if (dir === undefined || dir === '') return 'YUMA_SIMULATION_DIR is not set';
  const py = torchPython();
  if (py === null) return 'torch is not installed for python3 (Debian package python3-torch)';
  const script = join(dirname(fileURLToPath(import.meta.url)), 'yuma3_reference.py');
  const child = spawn(py, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done === true) throw new Error(`Yuma3 run failed: ${stderr.trim().split('\n').at(-1) ?? ''}`);
    return value;
  };
  const ask = (line: string) => {
    child.stdin.write(`${line}\n`);
    return next();
  };
  child.stdin.write(`${JSON.stringify({ weights: graph.weights, stakes: graph.stakes })}\n`);
  try {
    const hello = JSON.parse(await next()) as
      | { torch: string; threads: number; dtype: string }
      | { error: string };
    if ('error' in hello) {
      child.stdin.end();
      return hello.error;
    }
    return {
      torch: hello.torch,
      threads: hello.threads,
      dtype: hello.dtype.replace(/^torch\./, ''),
      time: async (batch) => Number(await ask(`time ${batch}`)),
      result: async () => JSON.parse(await ask('result')) as { incentive: number[]; dividends: number[] },
      close: () => child.stdin.end(),
    };
  } catch (error) {
    child.kill();
    return (error as Error).message;
  }
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
};

/** Print fast vs exact vs torch epoch medians and their ratios. */
export async function runEpochBench(): Promise<void> {
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
  await compareWithYuma3();
}

/**
 * The fast epoch side by side with the real Yuma3 on {@link yuma3Graph}: rounds of a Yuma3 batch then
 * a fast batch, so both sides meet the same load (machine load drifts over seconds), each carrying its
 * bonds from call to call. The ratio is the median of the rounds' ratios; "at p10" pairs each side's
 * 10th percentile (the least disturbed batches). The two are different algorithms in detail (Yuma3
 * normalises the consensus and caps bonds differently), so the incentive difference is agreement,
 * not a check.
 */
async function compareWithYuma3(): Promise<void> {
  const graph = yuma3Graph();
  const reference = await startYuma3Reference(graph);
  if (typeof reference === 'string') {
    process.stdout.write(`\nYuma3 comparison skipped: ${reference} (${REFERENCE_HINT})\n`);
    return;
  }
  const ws = createFastEpochWorkspace();
  const first = toFastEpochInputs(graph.input)[0]!;
  runFastEpoch(ws, first);
  // From here on each run reads the bonds the previous one wrote.
  const fi: FastEpochInput = { ...first, bonds: ws.bonds };
  for (let w = 0; w < 2000; w++) runFastEpoch(ws, fi);
  const torchTimes: number[] = [];
  const fastTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 61; round++) {
    const torch = (await reference.time(20)) * 1000;
    const t0 = process.cpuUsage();
    for (let b = 0; b < 200; b++) runFastEpoch(ws, fi);
    const spent = process.cpuUsage(t0);
    const fast = (spent.user + spent.system) / 1000 / 200;
    torchTimes.push(torch);
    fastTimes.push(fast);
    ratios.push(torch / fast);
  }
  const p10 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 10)]!;
  const out = runFastEpoch(ws, fi);
  const yuma3 = await reference.result();
  reference.close();
  const agreement = maxDiff(out.incentive.subarray(VALIDATORS), yuma3.incentive);
  printTable(
    `Fast epoch vs bactensor/yuma-simulation Yuma3 (torch ${reference.torch}, ${reference.threads} thread, ${reference.dtype}), ${VALIDATORS} validators x ${MINERS} miners dense, batches alternated; CPU time per call`,
    ['torch µs', 'fast µs', 'torch / fast', 'at p10', 'agreement: max |Δ incentive|'],
    [
      [
        fmt(median(torchTimes) * 1000, 1),
        fmt(median(fastTimes) * 1000, 1),
        `${fmt(median(ratios), 1)}x`,
        `${fmt(p10(torchTimes) / p10(fastTimes), 1)}x`,
        agreement.toExponential(1),
      ],
    ],
  );
}

/** The fast path's cost per Yuma variant on one graph. */
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
