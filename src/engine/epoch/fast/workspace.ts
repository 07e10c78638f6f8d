/**
 * The fast epoch's reusable buffers: every vector, the masked weights, the median scratch and the
 * dense bond rows live here, so an epoch of the same size allocates nothing. Buffers grow (never
 * shrink) when the UID count or the number of entries rises.
 */
import { type CsrMatrix, createCsrMatrix } from './csrMatrix.ts';
import type { FastEpochResult } from './types.ts';
import type { MedianSelection } from './weightedMedianSelect.ts';

/** Preallocated buffers of the fast epoch; fields are reassigned only when a buffer grows. */
export interface FastEpochWorkspace {
  /** UID count the per-UID vectors are sized for. */
  n: number;
  /** Normalised stake on the chain's 2^-32 grid. */
  stake: Float64Array;
  activeStake: Float64Array;
  active: Uint8Array;
  permitUsed: Uint8Array;
  validatorPermit: Uint8Array;
  /** Sort keys for the top-k permits. */
  keys: Float64Array;
  /** W: masked, row-normalised weights (n rows). */
  weights: CsrMatrix;
  consensus: Float64Array;
  validatorTrust: Float64Array;
  incentive: Float64Array;
  dividends: Float64Array;
  /** The latest BlockAtRegistration: rows updated after it need no per-entry registration check. */
  latestRegistration: number;
  /** Rows with active stake > 0: the validators whose weights vote in the consensus median. */
  voters: number;
  /**
   * Distance between two columns' median buckets: `voters + 1`. An odd stride keeps the buckets off
   * the cache's set conflicts a power-of-two stride (64 voters: 512 bytes) causes while the weights
   * are transposed into them.
   */
  medianStride: number;
  /** Median scratch: number of positive scores per column. */
  columnFill: Int32Array;
  /** Median scratch: column j's nonzero scores of voters at `j * medianStride ..`, with their stakes. */
  medianValue: Float64Array;
  medianStake: Float64Array;
  selection: MedianSelection;
  /** Median scratch: stake per value bucket. */
  histogram: Float64Array;
  /** UIDs with a bond row this epoch (ascending); row r of `emaBonds` belongs to `bondRows[r]`. */
  bondRows: Int32Array;
  bondRowCount: number;
  /** New bonds B', dense rows (`r * n + column` for UID `bondRows[r]`); zero means no entry. */
  emaBonds: Float64Array;
  /** Per column of B': sum, maximum, and incentive / sum (the dividend factor). */
  columnSum: Float64Array;
  columnMax: Float64Array;
  columnFactor: Float64Array;
  /** One dense row (kept all zero between uses). */
  rowScratch: Float64Array;
  serverEmission: Float64Array;
  validatorEmission: Float64Array;
  combinedEmission: Float64Array;
  /** Bonds to store (u16 scale), n rows. */
  bonds: CsrMatrix;
  /** The result views handed out by `runFastEpoch`. */
  result: FastEpochResult;
}

function resultOf(ws: Omit<FastEpochWorkspace, 'result'>): FastEpochResult {
  return {
    n: ws.n,
    stake: ws.stake,
    activeStake: ws.activeStake,
    active: ws.active,
    permitUsed: ws.permitUsed,
    validatorPermit: ws.validatorPermit,
    consensus: ws.consensus,
    validatorTrust: ws.validatorTrust,
    incentive: ws.incentive,
    dividends: ws.dividends,
    serverEmission: ws.serverEmission,
    validatorEmission: ws.validatorEmission,
    combinedEmission: ws.combinedEmission,
    bonds: ws.bonds,
  };
}

/**
 * Buffers for epochs of `n` UIDs. Entry buffers start at the dense size (n * n) and bond rows at 64,
 * the chain's default validator count; both grow on demand.
 * @example
 * const ws = createFastEpochWorkspace(256);
 * const out = runFastEpoch(ws, input); // out.incentive, out.dividends, ... views into ws
 */
export function createFastEpochWorkspace(n = 0): FastEpochWorkspace {
  const entries = Math.max(1, n * n);
  const f64 = () => new Float64Array(n);
  const u8 = () => new Uint8Array(n);
  // One bucket of up to n voters per column, at a stride of up to n + 1.
  const medianValue = new Float64Array(Math.max(1, n * (n + 1)));
  const medianStake = new Float64Array(Math.max(1, n * (n + 1)));
  const base = {
    n,
    stake: f64(),
    activeStake: f64(),
    active: u8(),
    permitUsed: u8(),
    validatorPermit: u8(),
    keys: f64(),
    weights: createCsrMatrix(n, entries),
    consensus: f64(),
    validatorTrust: f64(),
    incentive: f64(),
    dividends: f64(),
    latestRegistration: 0,
    voters: 0,
    medianStride: 1,
    columnFill: new Int32Array(n),
    medianValue,
    medianStake,
    selection: { value: medianValue, stake: medianStake, start: 0, end: 0, minority: 0, lo: 0, hi: 0 },
    histogram: new Float64Array(16),
    bondRows: new Int32Array(n),
    bondRowCount: 0,
    emaBonds: new Float64Array(Math.max(1, Math.min(n, 64) * n)),
    columnSum: f64(),
    columnMax: f64(),
    columnFactor: f64(),
    rowScratch: f64(),
    serverEmission: f64(),
    validatorEmission: f64(),
    combinedEmission: f64(),
    bonds: createCsrMatrix(n, Math.max(1, Math.min(n, 64) * n)),
  };
  return { ...base, result: resultOf(base) };
}

/** Inputs of {@link prepareFastEpochWorkspace}. */
export interface PrepareWorkspaceInput {
  readonly n: number;
  /** Entries in the stored weight matrix (an upper bound on the masked one). */
  readonly weightEntries: number;
}

/**
 * Make `ws` fit an epoch of `n` UIDs with up to `weightEntries` weights: a different n rebuilds every
 * buffer, more entries grow the weight-entry buffers.
 */
export function prepareFastEpochWorkspace(ws: FastEpochWorkspace, input: PrepareWorkspaceInput): void {
  if (ws.n !== input.n) Object.assign(ws, createFastEpochWorkspace(input.n));
  if (ws.weights.value.length < input.weightEntries) ws.weights = createCsrMatrix(ws.n, input.weightEntries);
}

/** Grow the dense bond rows to hold `rows` rows and the stored bonds to `rows * n` entries. */
export function ensureBondRows(ws: FastEpochWorkspace, rows: number): void {
  const size = Math.max(1, rows * ws.n);
  if (ws.emaBonds.length < size) ws.emaBonds = new Float64Array(size);
  if (ws.bonds.col.length < size) {
    ws.bonds = createCsrMatrix(ws.n, size);
    ws.result = resultOf(ws);
  }
}
