/**
 * How far a rounding-level change in the math moves a future: the default scenario's futures run as
 * they are, then again with one libm function's results moved by one unit in the last place (ulp),
 * every result or one in 1,000, and the outcomes compared future by future. Beside it, how often
 * another libm gives other results than V8's: AssemblyScript's `Math`, compiled to WebAssembly the way
 * the fast epoch's kernels are (WebAssembly has no libm of its own, so a kernel there brings one).
 *
 * This is the yardstick for a faster formulation that is not bit-identical (another libm, WebAssembly's
 * own `log1p`, a reordered sum): such a change is "within floating-point rounding" only if the outcomes
 * it moves stay near 1e-15. `sqrt` is correctly rounded everywhere and `**` cannot be patched, so the
 * functions moved are the ones whose results differ between libm implementations.
 */
import { join } from 'node:path';
import asc from 'assemblyscript/asc';
import { bittensorModel } from '../src/sim/model/bittensor/index.ts';
import type { ModelScenario } from '../src/sim/model/bittensor/modelScenario.ts';
import { modelParamsSchema } from '../src/sim/model/bittensor/params.ts';
import { runFuture } from '../src/sim/model/bittensor/run.ts';
import { createStream } from '../src/sim/rng/stream.ts';
import { PROJECT_ROOT } from '../src/sim/runner/manifest.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';
import { median, printTable } from './lib.ts';

/** Futures compared per perturbation (run indices 0 … FUTURES − 1 under seed 1). */
const FUTURES = 20;
/** The libm functions the default scenario calls (expm1 only runs for pools off equal weights). */
const FUNCTIONS = ['log', 'log1p', 'exp', 'atan', 'cos'] as const;
type LibmName = (typeof FUNCTIONS)[number];
/** Every result moved, and one in 1,000 (a different libm differs from V8's on a small share of inputs). */
const EVERY = [1, 1000] as const;

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** `y` moved one ulp away from zero (0, infinities and NaN kept). */
function nextUlp(y: number): number {
  if (y === 0 || !Number.isFinite(y)) return y;
  bits[0] = y;
  word[0]! += 1n;
  return bits[0]!;
}

/** Run `body` with `Math[name]` moving one result in `every` by an ulp; returns how many were moved. */
function withPerturbed(name: LibmName, every: number, body: () => void): number {
  const original = Math[name];
  let calls = 0;
  Math[name] = (x: number) => {
    const y = original(x);
    calls += 1;
    return calls % every === 0 ? nextUlp(y) : y;
  };
  try {
    body();
  } finally {
    Math[name] = original;
  }
  return Math.floor(calls / every);
}

/** |a − b| relative to the larger magnitude (0 when equal, including both NaN). */
function relChange(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 || !Number.isFinite(scale) ? Number.POSITIVE_INFINITY : Math.abs(a - b) / scale;
}

const sci = (x: number) => (x === 0 ? '0' : x.toExponential(1));

/** Inputs compared per function in the libm table. */
const LIBM_INPUTS = 2_000_000;

/** Inputs of each function, spread over magnitudes the lab's calls take (u uniform in [0, 1)). */
const LIBM_INPUT: Record<LibmName, (u: () => number) => number> = {
  log: (u) => 10 ** (20 * u() - 10),
  log1p: (u) => (4 * u() - 0.99) * 10 ** -Math.floor(12 * u()),
  exp: (u) => 60 * u() - 30,
  atan: (u) => (u() < 0.5 ? -1 : 1) * 10 ** (9 * u() - 4),
  cos: (u) => 2 * Math.PI * u(), // Box–Muller's angle
};

/** AssemblyScript's `Math` functions, compiled with the fast epoch's optimisation levels. */
async function assemblyScriptLibm(): Promise<Record<LibmName, (x: number) => number>> {
  const source = FUNCTIONS.map((f) => `export function ${f}(x: f64): f64 { return Math.${f}(x); }`).join(
    '\n',
  );
  const compiled = await asc.compileString(
    { 'libm.ts': source },
    { optimizeLevel: 3, shrinkLevel: 0, runtime: 'stub', noAssert: true, use: ['abort='] },
  );
  if (compiled.error || compiled.binary === null) throw new Error(compiled.stderr.toString());
  const instance = new WebAssembly.Instance(new WebAssembly.Module(compiled.binary), {});
  return instance.exports as unknown as Record<LibmName, (x: number) => number>;
}

/** Print how often AssemblyScript's libm differs from V8's on the same inputs. */
async function printLibmAgreement(): Promise<void> {
  const other = await assemblyScriptLibm();
  const rows = FUNCTIONS.map((name) => {
    const rng = createStream(1, 0, `libm/${name}`);
    const u = () => rng.uniform();
    let differ = 0;
    for (let k = 0; k < LIBM_INPUTS; k++) {
      const x = LIBM_INPUT[name](u);
      if (!Object.is(Math[name](x), other[name](x))) differ += 1;
    }
    return [`Math.${name}`, differ.toLocaleString('en-US'), `${((differ / LIBM_INPUTS) * 100).toFixed(3)}%`];
  });
  printTable(
    `Another libm: AssemblyScript's Math (WebAssembly, -O3) against V8's on ${LIBM_INPUTS.toLocaleString('en-US')} inputs per function; results that are not bit-identical`,
    ['function', 'differ', 'share'],
    rows,
  );
}

/** Print the comparison (see the file comment). */
export async function runRoundingBench(): Promise<void> {
  const scenario = loadScenario({
    file: join(PROJECT_ROOT, 'scenarios', 'default.yaml'),
    modelSchema: modelParamsSchema,
  }) as ModelScenario;
  const keys = bittensorModel.shape(scenario).outcomes.map((o) => o.key);
  const headline = keys.indexOf(bittensorModel.headlineOutcome ?? keys[0]!);
  const run = (r: number) => runFuture({ scenario, seed: 1, runIndex: r }).outcomes;
  const base = Array.from({ length: FUTURES }, (_, r) => Float64Array.from(run(r)));

  const rows: string[][] = [];
  for (const name of FUNCTIONS) {
    for (const every of EVERY) {
      const moved: Float64Array[] = [];
      const perturbed = withPerturbed(name, every, () => {
        for (let r = 0; r < FUTURES; r++) moved.push(Float64Array.from(run(r)));
      });
      let identical = 0;
      const headlineRel: number[] = [];
      const worst: number[] = [];
      let worstKey = '';
      let worstAll = 0;
      for (let r = 0; r < FUTURES; r++) {
        let max = 0;
        for (let j = 0; j < keys.length; j++) {
          const rel = relChange(base[r]![j]!, moved[r]![j]!);
          if (rel > max) max = rel;
          if (rel > worstAll) {
            worstAll = rel;
            worstKey = keys[j]!;
          }
        }
        if (max === 0) identical += 1;
        worst.push(max);
        headlineRel.push(relChange(base[r]![headline]!, moved[r]![headline]!));
      }
      rows.push([
        `Math.${name}`,
        every === 1 ? 'every result' : `1 in ${every.toLocaleString('en-US')}`,
        (perturbed / FUTURES).toFixed(0),
        `${identical}/${FUTURES}`,
        sci(median(headlineRel)),
        sci(Math.max(...headlineRel)),
        sci(median(worst)),
        `${sci(worstAll)}${worstAll > 0 ? ` (${worstKey})` : ''}`,
      ]);
    }
  }
  printTable(
    `Rounding sensitivity: the default scenario's first ${FUTURES} futures with one libm function's results moved by one ulp, against the same futures unmoved; relative change of the outcomes (headline: ${keys[headline]})`,
    [
      'function',
      'moved',
      'moved per future',
      'identical',
      'headline median',
      'headline max',
      'any outcome median',
      'any outcome max',
    ],
    rows,
  );
  await printLibmAgreement();
}
