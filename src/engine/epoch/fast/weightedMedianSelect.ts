/**
 * The chain's stake-weighted median (`weighted_median` of epoch/math.rs, spec §7.5) by in-place
 * selection: the same pivot-and-partition rule on a scratch segment, so no sort and no allocation.
 * The loops run in the kernels (`medianSelect`, `narrowMedian` in `assembly/epochKernels.ts`); the
 * functions here call them on arrays of their own (copied in and back), for tests and one-off use,
 * while the epoch calls them on its workspace directly.
 *
 * The rule returns the score p with stake(< p) <= minority - lo < stake(<= p) inside the partition
 * (the smallest score when minority is below it, the largest when above), which depends only on the
 * multiset of (score, stake) pairs and not on their order, so partitioning in place returns the value
 * the chain's order-keeping partitions return (exactly, up to how the float stake sums round).
 */
import { type EpochKernels, instantiateEpochKernels } from './epochKernels.ts';

/** One median search: a segment of parallel score/stake buffers and the stake integral around it. */
export interface MedianSelection {
  /** Scores; the segment `[start, end)` is reordered in place. */
  value: Float64Array;
  /** Stake of each score, reordered with it. */
  stake: Float64Array;
  start: number;
  end: number;
  /** `sum(stake) - majority`. */
  minority: number;
  /** Lower edge of the segment inside the stake integral (the chain starts at 0). */
  lo: number;
  /** Upper edge of the segment inside the stake integral (the chain starts at the stake sum). */
  hi: number;
}

let scratch: { kernels: EpochKernels; bytes: number } | undefined;

/** Kernels whose memory holds `s`'s buffers (at 0 and after them) and `buckets` histogram slots. */
function copyIn(s: MedianSelection, buckets: number): { k: EpochKernels; stakeAt: number; histAt: number } {
  const length = s.end;
  // Scores, stakes, the histogram, then an i32 per entry for the narrowing's bucket ids.
  const bytes = (2 * length + buckets) * 8 + 4 * length;
  if (scratch === undefined || scratch.bytes < bytes)
    scratch = { kernels: instantiateEpochKernels(bytes), bytes };
  const k = scratch.kernels;
  const memory = new Float64Array(k.memory.buffer);
  memory.set(s.value.subarray(0, length), 0);
  memory.set(s.stake.subarray(0, length), length);
  return { k, stakeAt: length * 8, histAt: 2 * length * 8 };
}

function copyOut(s: MedianSelection, k: EpochKernels, length: number): void {
  const memory = new Float64Array(k.memory.buffer);
  s.value.set(memory.subarray(0, length));
  s.stake.set(memory.subarray(length, 2 * length));
}

/**
 * `weighted_median` by selection: pivot = the score in the middle of the current segment; sum the
 * stake strictly below / above it, then keep only the side the rule descends into (compacted in place):
 * the lower part if `minority < lo + stake(lower)` and it is non-empty, else the upper part if
 * `hi - stake(upper) <= minority` and it is non-empty, else return the pivot. A one-entry segment
 * returns its score, an empty one 0. Both passes are branch-free: which side an entry falls on is a
 * coin flip, and a branch would mispredict on it.
 */
export function weightedMedianSelect(s: MedianSelection): number {
  const { k, stakeAt } = copyIn(s, 0);
  const median = k.medianSelect(0, stakeAt, s.start, s.end, s.minority, s.lo, s.hi);
  copyOut(s, k, s.end);
  return median;
}

/**
 * Narrow a median search before {@link weightedMedianSelect}: bucket the segment's scores by value
 * (equal-width buckets between its minimum and maximum, `hist.length` at most), find the bucket whose
 * stake interval holds the minority, and keep only its entries with the matching `lo`/`hi`. Buckets
 * are monotone in the score, so the rule's answer lies in that bucket and the search over it returns
 * the same value; three streaming passes replace most partition rounds on long segments. Leaves the
 * selection unchanged when it cannot help (short segment, one distinct score, minority outside).
 */
export function narrowMedianSelection(s: MedianSelection, hist: Float64Array): void {
  const { k, stakeAt, histAt } = copyIn(s, hist.length);
  const idsAt = histAt + hist.length * 8;
  k.narrowMedian(0, stakeAt, s.start, s.end, s.minority, s.lo, s.hi, histAt, hist.length, idsAt);
  copyOut(s, k, s.end);
  s.end = k.narrowedSegmentEnd();
  s.lo = k.narrowedSegmentLo();
  s.hi = k.narrowedSegmentHi();
}
