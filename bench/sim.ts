/**
 * The Monte Carlo lab's benchmark: runs/s and subnet-steps/s at 1 and 2 workers over at least 500 runs
 * (parallel efficiency), the full agent step against the bare kernel step, and peak memory (the bench
 * child's RSS high-water: its main thread and worker threads share the process) at 1,000 vs 10,000 runs.
 * Every setting runs in its own child process so that its figures are its own. Choose the model and
 * scenario with arguments, and a revision to time the default scenario against:
 *
 *   npx tsx bench/sim.ts [--model path#export] [--scenario file] [--against <git revision>]
 *
 * Default: the Bittensor model (src/sim/model/index.ts#bittensorModel) with scenarios/default.yaml,
 * or, when those cannot be loaded, the runner's test model (the output says which was used).
 * `--against` adds `simulate --runs 1000` timed in a temporary worktree of the revision and here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { BLOCKS_PER_DAY, kernelStep } from '../src/engine/kernel/index.ts';
import type { ModelScenario } from '../src/sim/model/bittensor/modelScenario.ts';
import { modelParamsSchema } from '../src/sim/model/bittensor/params.ts';
import { initialKernelState, runFuture, simulateFuture } from '../src/sim/model/bittensor/run.ts';
import { STEP_PHASES } from '../src/sim/model/bittensor/stepPhases.ts';
import { PROJECT_ROOT } from '../src/sim/runner/manifest.ts';
import { loadModel, type ModelRef, parseModelRef } from '../src/sim/runner/modelRef.ts';
import { runExperiment } from '../src/sim/runner/runExperiment.ts';
import { testModelParamsSchema } from '../src/sim/runner/testModel.testkit.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';
import { overrideScenario } from '../src/sim/scenario/overrideScenario.ts';
import { parseScenario } from '../src/sim/scenario/parseScenario.ts';
import { type Scenario, STEP_BLOCKS } from '../src/sim/scenario/scenarioSchema.ts';
import { benchAgainstRevision } from './againstRevision.ts';
import { fmt, median, printTable } from './lib.ts';

/** Runs of each throughput setting at least. */
const MIN_THROUGHPUT_RUNS = 500;
/** Worker counts of the throughput measurements, in the order they run. */
const THROUGHPUT_ORDER = [1, 2, 2, 1] as const;

/** One measured setting, run in a child process. */
interface Setting {
  readonly model: ModelRef;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly workers: number;
}

/** What a child reports. */
interface Measured {
  readonly wallMs: number;
  /** Runs collected after the first one and the time they took: throughput without pool start-up. */
  readonly steadyRuns: number;
  readonly steadyMs: number;
  /** CPU time of the whole process (every thread) over the same runs. */
  readonly steadyCpuMs: number;
  readonly maxRssMb: number;
  readonly collectorBytes: number;
  readonly errored: number;
}

const here = fileURLToPath(import.meta.url);
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const TEST_MODEL: ModelRef = {
  module: join(PROJECT_ROOT, 'src', 'sim', 'runner', 'testModel.testkit.ts'),
  exportName: 'testModel',
};

/** Run one setting in this process and print its figures as one JSON line (the child's job). */
async function measureHere(setting: Setting): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'tm-bench-sim-'));
  let first: { done: number; at: number; cpu: number } | null = null;
  let last = { done: 0, at: 0, cpu: 0 };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  try {
    const result = await runExperiment({
      ...setting,
      outDir,
      onProgress: (p) => {
        const cpu = cpuMs();
        if (first === null && p.done > 0) first = { done: p.done, at: p.elapsedMs, cpu };
        last = { done: p.done, at: p.elapsedMs, cpu };
      },
    });
    const start = first ?? last;
    const measured: Measured = {
      wallMs: result.manifest.wallTimeMs,
      steadyRuns: last.done - start.done,
      steadyMs: last.at - start.at,
      steadyCpuMs: last.cpu - start.cpu,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      collectorBytes: result.collectorBytes,
      errored: result.manifest.errored,
    };
    process.stdout.write(`${JSON.stringify(measured)}\n`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Run one setting in a fresh child process. */
function measure(setting: Setting): Measured {
  const r = spawnSync(process.execPath, ['--import', tsxLoader, here, '--child', JSON.stringify(setting)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{'))
    throw new Error(`benchmark child failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Measured;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The model and scenario to measure, from the arguments or the defaults. */
async function choose(): Promise<{ model: ModelRef; scenario: Scenario; label: string }> {
  const modelArg = argument('--model');
  const scenarioArg = argument('--scenario');
  if (modelArg !== undefined) {
    const model = parseModelRef(modelArg);
    const { schema } = await loadModel(model);
    const scenario =
      scenarioArg !== undefined
        ? loadScenario({ file: scenarioArg, modelSchema: schema })
        : parsed('name: bench\nhorizon: 1y\n', schema);
    return { model, scenario, label: `${modelArg} (given)` };
  }
  const defaultModel: ModelRef = {
    module: join(PROJECT_ROOT, 'src', 'sim', 'model', 'index.ts'),
    exportName: 'bittensorModel',
  };
  const defaultScenario = scenarioArg ?? join(PROJECT_ROOT, 'scenarios', 'default.yaml');
  if (existsSync(defaultScenario)) {
    try {
      await loadModel(defaultModel);
      return {
        model: defaultModel,
        scenario: loadScenario({ file: defaultScenario, modelSchema: modelParamsSchema }),
        label: `the Bittensor model (src/sim/model/index.ts#bittensorModel) with ${scenarioArg ?? 'scenarios/default.yaml'}`,
      };
    } catch (error) {
      process.stdout.write(`(the Bittensor model could not be loaded: ${(error as Error).message})\n`);
    }
  }
  return {
    model: TEST_MODEL,
    scenario: parsed(
      'name: bench\nhorizon: 2y\nmodel:\n  subnets: 128\n  spinPerStep: 4\n',
      testModelParamsSchema,
    ),
    label: 'the runner test model (src/sim/runner/testModel.testkit.ts#testModel), 128 paths, 2y daily',
  };
}

function parsed(text: string, modelSchema: z.ZodType): Scenario {
  const r = parseScenario({ text, file: 'bench.yaml', modelSchema });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

/** Subnets simulated per run: what the model section says, else 1 (said in the output). */
function subnetsOf(scenario: Scenario): { subnets: number; source: string } {
  const m = scenario.model as { network?: { subnets?: unknown }; subnets?: unknown } | null;
  const n = m?.network?.subnets ?? m?.subnets;
  if (typeof n === 'number') return { subnets: n, source: 'starting subnets in the scenario' };
  return { subnets: 1, source: 'unknown for this model: counted as 1' };
}

/**
 * Futures run before the agent step is timed. The model's code reaches its optimised steady state late:
 * on a 2-core machine a future's CPU falls from about 500 ms (the first) to 60-90 ms (the 8th) and
 * settles near 50 ms from about the 16th on, so the pairs start after twice that.
 */
const OVERHEAD_WARMUP_RUNS = 32;
/** Timed pairs (a whole future, then the bare kernel over the same start and horizon). */
const OVERHEAD_TIMED_RUNS = 9;

/** Simulated steps of a future of `scenario` (its horizon in steps of its step length). */
function stepsOf(scenario: Pick<Scenario, 'horizonDays' | 'step'>): number {
  return Math.round(scenario.horizonDays / (STEP_BLOCKS[scenario.step] / BLOCKS_PER_DAY));
}

/** CPU milliseconds of this process (the bench child runs no other busy thread here). */
function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The full agent step against the bare kernel on the same start state and horizon, in the steady state
 * the lab runs in (its workers run hundreds of futures each): median CPU ms per simulated step of a whole
 * model run, and of kernel steps with no intents, timed in pairs on the same run indices after a warm-up.
 */
function overhead(scenario: ModelScenario): {
  model: number;
  kernel: number;
  /** CPU ms of each warm-up future (the model's alone), in order. */
  warmup: number[];
} {
  const steps = stepsOf(scenario);
  const kernelRun = (runIndex: number) => {
    const { state, params } = initialKernelState({ scenario, seed: 1, runIndex });
    for (let k = 0; k < steps; k++) kernelStep({ state, params, intents: [] });
  };
  const warmup: number[] = [];
  for (let r = 0; r < OVERHEAD_WARMUP_RUNS; r++) {
    const t0 = cpuNowMs();
    runFuture({ scenario, seed: 1, runIndex: 1000 + r });
    warmup.push(cpuNowMs() - t0);
    kernelRun(1000 + r);
  }
  const modelMs: number[] = [];
  const kernelMs: number[] = [];
  for (let r = 0; r < OVERHEAD_TIMED_RUNS; r++) {
    let t0 = cpuNowMs();
    runFuture({ scenario, seed: 1, runIndex: r });
    modelMs.push((cpuNowMs() - t0) / steps);
    t0 = cpuNowMs();
    kernelRun(r);
    kernelMs.push((cpuNowMs() - t0) / steps);
  }
  return { model: median(modelMs), kernel: median(kernelMs), warmup };
}

/** The warm-up futures' CPU at a few points: how late the model's code settles. */
function warmupCurve(ms: readonly number[]): string {
  const at = [1, 4, 8, 16, ms.length].filter((k, j, all) => k <= ms.length && all.indexOf(k) === j);
  return `${at.map((k) => `${fmt(ms[k - 1]!, 0)} ms`).join(', ')} for the ${at.map(ordinal).join(', ')}`;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 32nd. */
function ordinal(k: number): string {
  const teen = Math.floor(k / 10) % 10 === 1;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}

/** Futures whose phases are timed one by one (after {@link overhead}'s warm-up). */
const PHASE_TIMED_RUNS = 6;

/**
 * Where the agent step's time goes: wall µs per simulated step of each of the step's phases, over
 * {@link PHASE_TIMED_RUNS} futures whose phases are wrapped in timers (a clock read before and after each
 * phase, some tens of ns, is included in the phase). Run after {@link overhead}, so that the wrappers'
 * extra call targets do not reach the futures it times.
 */
function phaseBreakdown(scenario: ModelScenario): { name: string; us: number }[] {
  const steps = stepsOf(scenario);
  const spent = new Float64Array(STEP_PHASES.length);
  const timed = STEP_PHASES.map((phase, k) => ({
    name: phase.name,
    run(ctx: Parameters<typeof phase.run>[0]) {
      const t0 = performance.now();
      phase.run(ctx);
      spent[k]! += performance.now() - t0;
    },
  }));
  for (let r = 0; r < PHASE_TIMED_RUNS; r++) simulateFuture({ scenario, seed: 1, runIndex: r }, timed);
  return STEP_PHASES.map((phase, k) => ({
    name: phase.name,
    us: (spent[k]! * 1000) / (PHASE_TIMED_RUNS * steps),
  }));
}

/** Print the simulator's figures (see the file comment for arguments). */
export async function runSimBench(): Promise<void> {
  const { model, scenario, label } = await choose();
  const steps = stepsOf(scenario);
  const { subnets, source } = subnetsOf(scenario);
  process.stdout.write(
    `\nsim: ${label}\n  horizon ${scenario.horizon}, step ${scenario.step} (${steps} steps), ${subnets} subnets per run (${source})\n`,
  );

  // A short pilot sizes the throughput runs to ~15 s each at 1 worker, and never fewer than 500 runs:
  // enough that the efficiency is the steady state's, not the first runs' (JIT warm-up, late threads).
  const pilot = measure({ model, scenario, runs: 3, workers: 1 });
  const msPerRun = pilot.steadyRuns > 0 ? pilot.steadyMs / pilot.steadyRuns : pilot.wallMs / 3;
  const runs = Math.max(MIN_THROUGHPUT_RUNS, Math.min(2000, Math.round(15_000 / Math.max(msPerRun, 0.01))));
  // 1, 2, 2, 1 workers: a load on the shared machine that drifts during the bench falls on both counts.
  const measured = THROUGHPUT_ORDER.map((workers) => ({
    workers,
    m: measure({ model, scenario, runs, workers }),
  }));
  const rows: string[][] = measured.map(({ workers, m }) => {
    const wallRate = (runs * 1000) / m.wallMs;
    const steadyRate = m.steadyMs > 0 ? (m.steadyRuns * 1000) / m.steadyMs : wallRate;
    return [
      String(workers),
      String(runs),
      fmt(m.wallMs / 1000, 1),
      fmt(wallRate, 2),
      fmt(steadyRate, 2),
      fmt((steadyRate * steps * subnets) / 1e6, 3),
      fmt(m.steadyRuns > 0 ? m.steadyCpuMs / m.steadyRuns : Number.NaN, 1),
      '',
    ];
  });
  // Each worker count's steady runs over its steady time, both measurements together.
  const steadyRate = (workers: number) => {
    const of = measured.filter((x) => x.workers === workers).map((x) => x.m);
    return (of.reduce((n, m) => n + m.steadyRuns, 0) * 1000) / of.reduce((t, m) => t + m.steadyMs, 0);
  };
  const cpuPerRun = (workers: number) => {
    const of = measured.filter((x) => x.workers === workers).map((x) => x.m);
    return of.reduce((t, m) => t + m.steadyCpuMs, 0) / of.reduce((n, m) => n + m.steadyRuns, 0);
  };
  for (const workers of [1, 2]) {
    rows.push([
      `${workers} (both)`,
      String(2 * runs),
      '',
      '',
      fmt(steadyRate(workers), 2),
      fmt((steadyRate(workers) * steps * subnets) / 1e6, 3),
      fmt(cpuPerRun(workers), 1),
      fmt(steadyRate(workers) / (steadyRate(1) * workers), 2),
    ]);
  }
  printTable(
    'sim throughput (steady = after the first run is collected, i.e. without worker start-up; efficiency = steady runs/s at 2 workers / (2 x at 1); CPU = the process, all threads; a shared machine: read with its load in mind)',
    [
      'workers',
      'runs',
      'wall s',
      'runs/s wall',
      'runs/s steady',
      'M subnet-steps/s',
      'CPU ms/run',
      'efficiency',
    ],
    rows,
  );

  if (label.includes('Bittensor model')) {
    const o = overhead(scenario as unknown as ModelScenario);
    printTable(
      `full agent step vs bare kernel (same start state, horizon and run indices; CPU ms per simulated step, median of ${OVERHEAD_TIMED_RUNS} pairs after ${OVERHEAD_WARMUP_RUNS} warm-up futures, which took ${warmupCurve(o.warmup)})`,
      ['model step ms', 'kernel step ms', 'model - kernel ms', 'overhead ratio'],
      [[fmt(o.model, 3), fmt(o.kernel, 3), fmt(o.model - o.kernel, 3), fmt(o.model / o.kernel, 2)]],
    );
    const phases = phaseBreakdown(scenario as unknown as ModelScenario);
    const total = phases.reduce((t, p) => t + p.us, 0);
    printTable(
      `the agent step by phase, in the order they run (wall µs per simulated step over ${PHASE_TIMED_RUNS} futures, each phase timed on its own)`,
      ['phase', 'µs per step', 'share'],
      [
        ...phases.map((p) => [p.name, fmt(p.us, 2), `${fmt((100 * p.us) / total, 1)}%`]),
        ['all phases', fmt(total, 2), '100%'],
      ],
    );
  }

  // Memory: the same horizon for both sizes, short enough that 10,000 runs take about a minute.
  const msPerDay = msPerRun / scenario.horizonDays;
  const memDays = Math.max(
    7,
    Math.min(scenario.horizonDays, Math.floor((60_000 * 2) / (10_000 * Math.max(msPerDay, 1e-6)))),
  );
  const memScenario = overrideScenario(
    { ...scenario, recordEvery: Math.min(scenario.recordEvery, memDays) },
    { horizon: `${memDays}d` },
  );
  const memRows = [1000, 10_000].map((n) => {
    const m = measure({ model, scenario: memScenario, runs: n, workers: 2 });
    return [
      String(n),
      fmt(m.maxRssMb, 0),
      fmt(m.collectorBytes / 1024, 0),
      fmt(m.wallMs / 1000, 1),
      String(m.errored),
    ];
  });
  printTable(
    `sim peak memory, 2 workers, horizon ${memDays}d${memDays < scenario.horizonDays ? ` (shortened from ${scenario.horizon} so that 10,000 runs take about a minute)` : ''}`,
    ['runs', 'max RSS MB', 'collectors KiB', 'wall s', 'errored'],
    memRows,
  );

  const against = argument('--against');
  if (against !== undefined) benchAgainstRevision({ revision: against });
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const child = argument('--child');
  if (child !== undefined) await measureHere(JSON.parse(child) as Setting);
  else await runSimBench();
}
