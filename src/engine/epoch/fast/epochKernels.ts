/**
 * The fast epoch's hot loops as WebAssembly (source: `assembly/epochKernels.ts`, AssemblyScript). Each
 * kernel is the TypeScript step it names, operation for operation, so results are the same float64
 * values; WebAssembly runs these loops without per-access bounds checks, with a branch-free select and
 * with 128-bit SIMD (two rows or columns per instruction), which TypeScript on V8 cannot express. The
 * module is compiled once per process
 * (or worker); each workspace gets an instance over its own memory, and the workspace's typed arrays
 * are views into that memory. Compilation is synchronous, which browsers allow only off the main
 * thread for a module this size: a browser page runs the fast epoch in a worker.
 */
import { EPOCH_KERNELS_WASM } from './epochKernelsWasm.ts';

/** Byte addresses into the kernels' memory. */
type Ptr = number;

/** A median search's segment of parallel score/stake buffers and its stake integral. */
type MedianArgs = [
  value: Ptr,
  stake: Ptr,
  start: number,
  end: number,
  minority: number,
  lo: number,
  hi: number,
];

/** Arguments of the Yuma 3 bond kernels (the penalty one takes β after them). */
type Yuma3BondsArgs = [
  n: number,
  bondRows: Ptr,
  bondRowCount: number,
  ema: Ptr,
  columnSum: Ptr,
  consensus: Ptr,
  activeStake: Ptr,
  rank: Ptr,
  trust: Ptr,
  wStart: Ptr,
  wCol: Ptr,
  wValue: Ptr,
  bStart: Ptr,
  bCol: Ptr,
  bValue: Ptr,
  /** A dense row of zeros (read as an empty stored bond row). */
  zeros: Ptr,
  registered: Ptr,
  registeredLength: number,
  masked: number,
  lastTempo: number,
  alpha: number,
];

/** The kernels' exports (see `assembly/epochKernels.ts` for each one's contract). */
export interface EpochKernels {
  readonly memory: WebAssembly.Memory;
  maskWeights(
    n: number,
    rows: number,
    srcStart: Ptr,
    srcCol: Ptr,
    srcValue: Ptr,
    rowStart: Ptr,
    col: Ptr,
    value: Ptr,
    permit: Ptr,
    activeStake: Ptr,
    columnFill: Ptr,
    medianValue: Ptr,
    medianStake: Ptr,
    voters: number,
    stride: number,
    lastUpdate: Ptr,
    lastUpdateLength: number,
    registered: Ptr,
    registeredLength: number,
    commit: Ptr,
    commitLength: number,
    owner: number,
    latest: number,
  ): number;
  medianSelect(...args: MedianArgs): number;
  narrowMedian(...args: [...MedianArgs, hist: Ptr, histLength: number, ids: Ptr]): void;
  narrowedSegmentEnd(): number;
  narrowedSegmentLo(): number;
  narrowedSegmentHi(): number;
  consensus(
    n: number,
    total: number,
    minority: number,
    columnFill: Ptr,
    medianValue: Ptr,
    medianStake: Ptr,
    voters: number,
    stride: number,
    hist: Ptr,
    histLength: number,
    ids: Ptr,
    out: Ptr,
  ): void;
  /** β is ignored: it is 1. */
  yuma3FixedBonds(...args: [...Yuma3BondsArgs, beta: number]): void;
  yuma3PenaltyBonds(...args: [...Yuma3BondsArgs, beta: number]): void;
  bondDividends(
    n: number,
    bondRows: Ptr,
    bondRowCount: number,
    ema: Ptr,
    incentive: Ptr,
    activeStake: Ptr,
    validatorPermit: Ptr,
    columnSum: Ptr,
    columnMax: Ptr,
    factor: Ptr,
    dividends: Ptr,
    rowStart: Ptr,
    col: Ptr,
    value: Ptr,
    yuma3: number,
  ): number;
  normalize(values: Ptr, n: number): void;
  epochStake(n: number, stake: Ptr, owner: number, threshold: number): void;
  /** Returns the voters. */
  activeStake(n: number, stake: Ptr, active: Ptr, permit: Ptr, out: Ptr): number;
  /** 0 (nothing written) when incentive and dividends sum to nothing positive. */
  emission(
    n: number,
    incentive: Ptr,
    dividends: Ptr,
    server: Ptr,
    validator: Ptr,
    combined: Ptr,
    rao: number,
  ): number;
}

let compiled: WebAssembly.Module | undefined;

function kernelModule(): WebAssembly.Module {
  if (compiled === undefined) {
    const text = atob(EPOCH_KERNELS_WASM);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/** WebAssembly pages (64 KiB each) holding `bytes`. */
const pagesFor = (bytes: number) => Math.max(1, Math.ceil(bytes / 65_536));

/** A kernel instance over a fresh memory of at least `bytes` bytes. */
export function instantiateEpochKernels(bytes: number): EpochKernels {
  const memory = new WebAssembly.Memory({ initial: pagesFor(bytes) });
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  return { ...(instance.exports as unknown as Omit<EpochKernels, 'memory'>), memory };
}
