/**
 * The fast epoch's reusable buffers: every vector, the masked weights, the median scratch, the dense
 * bond rows and copies of the input matrices, all carved out of one WebAssembly memory so the kernels
 * (`epochKernels.ts`) and the TypeScript steps work on the same arrays. An epoch that fits the
 * current capacities allocates nothing; one that does not gets a new, larger memory (the old one stays
 * valid for any view still held, such as a previous result's bonds passed back in).
 */
import type { CsrMatrix } from './csrMatrix.ts';
import { type EpochKernels, instantiateEpochKernels } from './epochKernels.ts';
import type { FastEpochInput, FastEpochResult } from './types.ts';

/** Buffer capacities of a workspace. */
export interface WorkspaceCapacity {
  /** UID count the per-UID vectors are sized for. */
  readonly n: number;
  /** Entries of the stored (and masked) weight matrix. */
  readonly weightEntries: number;
  /** Entries of the stored bond matrix. */
  readonly bondEntries: number;
  /** Rows of the dense bond buffer (UIDs with weights or bonds). */
  readonly bondRows: number;
  /** Rows that may vote in the consensus (permit holders): the median scratch has a slot per voter. */
  readonly voters: number;
}

/** A CSR matrix the epoch fills, with the byte addresses of its arrays in the kernels' memory. */
export interface KernelCsr extends CsrMatrix {
  readonly at: { readonly rowStart: number; readonly col: number; readonly value: number };
}

/** Preallocated buffers of the fast epoch; fields are reassigned only when the capacity grows. */
export interface FastEpochWorkspace {
  /** UID count the per-UID vectors are sized for. */
  n: number;
  capacity: WorkspaceCapacity;
  /** The kernel instance whose memory holds every buffer below. */
  kernels: EpochKernels;
  /** Byte address of each named buffer in the kernels' memory. */
  at: Record<string, number>;
  /** Normalised stake on the chain's 2^-32 grid. */
  stake: Float64Array;
  activeStake: Float64Array;
  active: Uint8Array;
  permitUsed: Uint8Array;
  validatorPermit: Uint8Array;
  /** Sort keys for the top-k permits. */
  keys: Float64Array;
  /** The input's weights, bonds, LastUpdate, BlockAtRegistration and commit blocks, copied in. */
  sourceWeights: KernelCsr;
  sourceBonds: KernelCsr;
  lastUpdate: Float64Array;
  registered: Float64Array;
  commitBlock: Float64Array;
  /** W: masked, row-normalised weights (n rows). */
  weights: KernelCsr;
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
  bonds: KernelCsr;
  /** The result views handed out by `runFastEpoch`. */
  result: FastEpochResult;
}

/** Histogram buckets of the median narrowing. */
const HISTOGRAM_BUCKETS = 16;

/** Carves typed arrays out of one memory, each 64-byte aligned and staggered, recording its address. */
class Arena {
  size = 0;
  readonly at: Record<string, number> = {};
  private readonly plan: [string, number, 1 | 4 | 8][] = [];

  add(name: string, length: number, bytes: 1 | 4 | 8): void {
    this.plan.push([name, Math.max(1, length), bytes]);
    this.at[name] = this.size;
    // Five spare cache lines after each buffer: the per-UID vectors (2 KiB at n = 256) would otherwise
    // start at the same offset modulo 4 KiB, and the bond loop stores to one (ranks) and loads from
    // another (consensus) at the same index, which the CPU can mistake for a dependency (4K aliasing).
    this.size += ((Math.max(1, length) * bytes + 63) & ~63) + 5 * 64;
  }
  f64(memory: WebAssembly.Memory, name: string): Float64Array {
    return new Float64Array(memory.buffer, this.at[name], this.length(name));
  }
  i32(memory: WebAssembly.Memory, name: string): Int32Array {
    return new Int32Array(memory.buffer, this.at[name], this.length(name));
  }
  u8(memory: WebAssembly.Memory, name: string): Uint8Array {
    return new Uint8Array(memory.buffer, this.at[name], this.length(name));
  }
  private length(name: string): number {
    return this.plan.find(([n]) => n === name)?.[1] ?? 0;
  }
}

const VECTORS_F64 = [
  'stake',
  'activeStake',
  'keys',
  'lastUpdate',
  'registered',
  'commitBlock',
  'consensus',
  'validatorTrust',
  'incentive',
  'dividends',
  'columnSum',
  'columnMax',
  'columnFactor',
  'rowScratch',
  'serverEmission',
  'validatorEmission',
  'combinedEmission',
] as const;
const VECTORS_U8 = ['active', 'permitUsed', 'validatorPermit'] as const;

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

/** A workspace with exactly `cap`'s buffers, over a fresh kernel instance. */
function buildWorkspace(cap: WorkspaceCapacity): FastEpochWorkspace {
  const { n } = cap;
  const arena = new Arena();
  for (const name of VECTORS_F64) arena.add(name, n, 8);
  for (const name of VECTORS_U8) arena.add(name, n, 1);
  const csr = (name: string, entries: number) => {
    arena.add(`${name}.rowStart`, n + 1, 4);
    arena.add(`${name}.col`, entries, 4);
    arena.add(`${name}.value`, entries, 8);
  };
  csr('sourceWeights', cap.weightEntries);
  csr('sourceBonds', cap.bondEntries);
  csr('weights', cap.weightEntries);
  csr('bonds', cap.bondRows * n);
  arena.add('columnFill', n, 4);
  arena.add('medianValue', n * (cap.voters + 1), 8);
  arena.add('medianStake', n * (cap.voters + 1), 8);
  arena.add('histogram', HISTOGRAM_BUCKETS, 8);
  // The consensus narrowing's bucket of each entry of a column (an i32 per voter at most).
  arena.add('bucketIds', cap.voters + 1, 4);
  arena.add('bondRows', n, 4);
  arena.add('emaBonds', cap.bondRows * n, 8);

  const kernels = instantiateEpochKernels(arena.size);
  const m = kernels.memory;
  const matrix = (name: string): KernelCsr => ({
    rows: n,
    rowStart: arena.i32(m, `${name}.rowStart`),
    col: arena.i32(m, `${name}.col`),
    value: arena.f64(m, `${name}.value`),
    at: {
      rowStart: arena.at[`${name}.rowStart`]!,
      col: arena.at[`${name}.col`]!,
      value: arena.at[`${name}.value`]!,
    },
  });
  const f64 = (name: (typeof VECTORS_F64)[number]) => arena.f64(m, name);
  const u8 = (name: (typeof VECTORS_U8)[number]) => arena.u8(m, name);
  const base = {
    n,
    capacity: cap,
    kernels,
    at: arena.at,
    stake: f64('stake'),
    activeStake: f64('activeStake'),
    active: u8('active'),
    permitUsed: u8('permitUsed'),
    validatorPermit: u8('validatorPermit'),
    keys: f64('keys'),
    sourceWeights: matrix('sourceWeights'),
    sourceBonds: matrix('sourceBonds'),
    lastUpdate: f64('lastUpdate'),
    registered: f64('registered'),
    commitBlock: f64('commitBlock'),
    weights: matrix('weights'),
    consensus: f64('consensus'),
    validatorTrust: f64('validatorTrust'),
    incentive: f64('incentive'),
    dividends: f64('dividends'),
    latestRegistration: 0,
    voters: 0,
    medianStride: 1,
    columnFill: arena.i32(m, 'columnFill'),
    medianValue: arena.f64(m, 'medianValue'),
    medianStake: arena.f64(m, 'medianStake'),
    histogram: arena.f64(m, 'histogram'),
    bondRows: arena.i32(m, 'bondRows'),
    bondRowCount: 0,
    emaBonds: arena.f64(m, 'emaBonds'),
    columnSum: f64('columnSum'),
    columnMax: f64('columnMax'),
    columnFactor: f64('columnFactor'),
    rowScratch: f64('rowScratch'),
    serverEmission: f64('serverEmission'),
    validatorEmission: f64('validatorEmission'),
    combinedEmission: f64('combinedEmission'),
    bonds: matrix('bonds'),
  };
  return { ...base, result: resultOf(base) };
}

/**
 * Buffers for epochs of `n` UIDs: room for dense weights and up to 64 validators (the chain's default
 * count); `prepareFastEpochWorkspace` grows them to fit each epoch.
 * @example
 * const ws = createFastEpochWorkspace(256);
 * const out = runFastEpoch(ws, input); // out.incentive, out.dividends, ... views into ws
 */
export function createFastEpochWorkspace(n = 0): FastEpochWorkspace {
  const rows = Math.min(n, 64);
  return buildWorkspace({ n, weightEntries: n * n, bondEntries: rows * n, bondRows: rows, voters: rows });
}

/** Entries of `m`'s first `rows` rows. */
const entriesOf = (m: CsrMatrix, rows: number) => m.rowStart[Math.min(rows, m.rows)] ?? 0;

/** Whether row i of `m` has an entry (rows past the matrix have none). */
const hasEntries = (m: CsrMatrix, i: number) => i < m.rows && m.rowStart[i + 1]! > m.rowStart[i]!;

/** What `input` needs: UID count, entries, bond rows (an upper bound) and voters (permit holders). */
export function capacityFor(input: FastEpochInput): WorkspaceCapacity {
  const n = input.stake.length;
  let bondRows = 0;
  for (let i = 0; i < n; i++) if (hasEntries(input.weights, i) || hasEntries(input.bonds, i)) bondRows++;
  let permits = input.ownerUid === null ? 0 : 1;
  const stored = input.validatorPermit;
  for (let i = 0; i < Math.min(n, stored.length); i++) permits += stored[i] === 0 ? 0 : 1;
  return {
    n,
    weightEntries: entriesOf(input.weights, n),
    bondEntries: entriesOf(input.bonds, n),
    bondRows,
    voters: Math.min(n, permits),
  };
}

/** The first `length` values of `a`: `a` itself when that is all of it (no view to allocate). */
function prefix<T extends Int32Array | Float64Array>(a: T, length: number): T {
  return a.length === length ? a : (a.subarray(0, length) as T);
}

/** Copy `from`'s first `rows` rows into the kernel matrix `to`; its later rows (up to n) are empty. */
function copyCsr(from: CsrMatrix, to: KernelCsr, rows: number): void {
  const entries = from.rowStart[rows] ?? 0;
  to.rowStart.set(prefix(from.rowStart, rows + 1));
  to.rowStart.fill(entries, rows + 1);
  to.col.set(prefix(from.col, entries));
  to.value.set(prefix(from.value, entries));
}

/**
 * Whether `input.bonds` is `ws`'s own result bonds (a previous run's, passed back): the bond step then
 * reads them where they are, since the epoch writes its new bonds only after reading the old ones.
 */
export function readsOwnBonds(ws: FastEpochWorkspace, input: FastEpochInput): boolean {
  const b = input.bonds;
  return b.rowStart === ws.bonds.rowStart && b.col === ws.bonds.col && b.value === ws.bonds.value;
}

/**
 * Make `ws` fit `input` (a different n, or more entries, bond rows or voters than it has room for,
 * builds a larger workspace in place) and copy the input's matrices and vectors into it (the bonds
 * only when they are not already `ws`'s own, see {@link readsOwnBonds}).
 */
export function prepareFastEpochWorkspace(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const need = capacityFor(input);
  const has = ws.capacity;
  if (
    has.n !== need.n ||
    has.weightEntries < need.weightEntries ||
    has.bondEntries < need.bondEntries ||
    has.bondRows < need.bondRows ||
    has.voters < need.voters
  ) {
    const grow = (a: number, b: number) => (a >= b ? a : Math.max(b, Math.ceil(a * 1.25)));
    const same = has.n === need.n;
    Object.assign(
      ws,
      buildWorkspace({
        n: need.n,
        weightEntries: same ? grow(has.weightEntries, need.weightEntries) : need.weightEntries,
        bondEntries: same ? grow(has.bondEntries, need.bondEntries) : need.bondEntries,
        bondRows: same ? grow(has.bondRows, need.bondRows) : need.bondRows,
        voters: same ? Math.min(need.n, grow(has.voters, need.voters)) : need.voters,
      }),
    );
  }
  const n = ws.n;
  copyCsr(input.weights, ws.sourceWeights, Math.min(n, input.weights.rows));
  if (!readsOwnBonds(ws, input)) copyCsr(input.bonds, ws.sourceBonds, Math.min(n, input.bonds.rows));
  ws.lastUpdate.set(prefix(input.lastUpdate, n));
  ws.registered.set(prefix(input.blockAtRegistration, n));
  if (input.commitBlock !== undefined) ws.commitBlock.set(prefix(input.commitBlock, n));
}
