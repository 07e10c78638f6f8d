/**
 * The chain's stake-weighted median (`weighted_median` of epoch/math.rs, spec §7.5) by in-place
 * selection: the same pivot-and-partition rule on a scratch segment, so no sort and no allocation.
 *
 * The rule returns the score p with stake(< p) <= minority - lo < stake(<= p) inside the partition
 * (the smallest score when minority is below it, the largest when above), which depends only on the
 * multiset of (score, stake) pairs and not on their order, so partitioning in place returns the value
 * the chain's order-keeping partitions return (exactly, up to how the float stake sums round).
 */

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

/**
 * `weighted_median` by selection: pivot = the score in the middle of the current segment; sum the
 * stake strictly below / above it, then keep only the side the rule descends into (compacted in place):
 * the lower part if `minority < lo + stake(lower)` and it is non-empty, else the upper part if
 * `hi - stake(upper) <= minority` and it is non-empty, else return the pivot. A one-entry segment
 * returns its score, an empty one 0. Both passes are branch-free: which side an entry falls on is a
 * coin flip, and a branch would mispredict on it.
 */
export function weightedMedianSelect(s: MedianSelection): number {
  const value = s.value;
  const stake = s.stake;
  const minority = s.minority;
  const start = s.start;
  let end = s.end;
  let lo = s.lo;
  let hi = s.hi;
  for (;;) {
    const len = end - start;
    if (len <= 0) return 0;
    if (len === 1) return value[start]!;
    const pivot = value[start + (len >> 1)]!;
    // Pass 1, branch-free: how much stake lies strictly below and above the pivot.
    let lowStake = 0;
    let highStake = 0;
    let lowCount = 0;
    let highCount = 0;
    for (let i = start; i < end; i++) {
      const v = value[i]!;
      const w = stake[i]!;
      const below = +(v < pivot);
      const above = +(v > pivot);
      lowStake += w * below;
      highStake += w * above;
      lowCount += below;
      highCount += above;
    }
    let keepBelow: boolean;
    if (minority < lo + lowStake && lowCount > 0) {
      keepBelow = true;
      hi = lo + lowStake;
    } else if (hi - highStake <= minority && highCount > 0) {
      keepBelow = false;
      lo = hi - highStake;
    } else {
      return pivot;
    }
    // Pass 2, branch-free: compact the chosen side to the front of the segment.
    let k = start;
    for (let i = start; i < end; i++) {
      const v = value[i]!;
      value[k] = v;
      stake[k] = stake[i]!;
      k += keepBelow ? +(v < pivot) : +(v > pivot);
    }
    end = k;
  }
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
  const { value, stake, minority, start, end } = s;
  const buckets = Math.min(hist.length, (end - start) >> 2);
  if (buckets < 4 || !(minority >= s.lo && minority < s.hi)) return;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let k = start; k < end; k++) {
    const v = value[k]!;
    lowest = v < lowest ? v : lowest;
    highest = v > highest ? v : highest;
  }
  if (!(highest > lowest)) return;
  const scale = buckets / (highest - lowest);
  const top = buckets - 1;
  hist.fill(0, 0, buckets);
  for (let k = start; k < end; k++) {
    const b = ((value[k]! - lowest) * scale) | 0;
    const c = b < top ? b : top;
    hist[c] = hist[c]! + stake[k]!;
  }
  let lo = s.lo;
  let target = -1;
  for (let b = 0; b < buckets; b++) {
    const w = hist[b]!;
    if (w > 0 && minority < lo + w) {
      target = b;
      break;
    }
    lo += w;
  }
  // Rounding at the very top edge: leave it to the full search.
  if (target < 0) return;
  let kept = start;
  for (let k = start; k < end; k++) {
    const v = value[k]!;
    value[kept] = v;
    stake[kept] = stake[k]!;
    const b = ((v - lowest) * scale) | 0;
    kept += +((b < top ? b : top) === target);
  }
  s.end = kept;
  s.lo = lo;
  s.hi = lo + hist[target]!;
}
