/**
 * A histogram with exact counts and a fixed number of equal-width bins whose range adapts: the first
 * `pilot` values set the range (they fill the middle half of the bins); a later value outside it
 * doubles the bin width (merging neighbouring pairs) towards that side until it fits. The bins are a
 * deterministic function of the order of values, which the runner fixes (run-index order), and the
 * memory is `bins + pilot` numbers whatever the count.
 */

/** Bin edges (length bins + 1) and counts, as written to `summary.json`. */
export interface HistogramResult {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/** Options of a histogram. */
export interface RebinningHistogramOptions {
  /** Internal bins (even; default 64). The result keeps the occupied span: at least a quarter. */
  readonly bins?: number;
  /** Values that set the first range (default 64). */
  readonly pilot?: number;
}

/** A streaming histogram. */
export interface RebinningHistogram {
  /** Add one finite value. */
  push(x: number): void;
  /** Occupied bins, from the first to the last non-empty one. */
  result(): HistogramResult;
  /** Bytes held (a structural measure of memory). */
  sizeBytes(): number;
}

// Growth doubles the width each time; 2100 doublings span every finite double.
const MAX_DOUBLINGS = 2100;

/**
 * An empty histogram.
 * @example const h = createRebinningHistogram({ bins: 32 }); h.push(1.5); h.result().counts
 */
export function createRebinningHistogram(options: RebinningHistogramOptions = {}): RebinningHistogram {
  const bins = Math.max(2, (options.bins ?? 64) & ~1);
  const pilotSize = Math.max(1, options.pilot ?? 64);
  let pilot: Float64Array | null = new Float64Array(pilotSize);
  let pilotCount = 0;
  const counts = new Float64Array(bins);
  let origin = 0;
  let width = 1;

  const place = (x: number) => {
    for (let k = 0; k < MAX_DOUBLINGS; k++) {
      if (x >= origin + bins * width) {
        for (let i = 0; i < bins / 2; i++) counts[i] = counts[2 * i]! + counts[2 * i + 1]!;
        counts.fill(0, bins / 2);
        width *= 2;
      } else if (x < origin) {
        const merged = new Float64Array(bins / 2);
        for (let i = 0; i < bins / 2; i++) merged[i] = counts[2 * i]! + counts[2 * i + 1]!;
        counts.fill(0, 0, bins / 2);
        counts.set(merged, bins / 2);
        origin -= bins * width;
        width *= 2;
      } else {
        break;
      }
    }
    // Rounding can put x a hair outside the last bin; it belongs to the nearest one.
    const i = Math.min(bins - 1, Math.max(0, Math.floor((x - origin) / width)));
    counts[i]! += 1;
  };

  const settle = () => {
    if (pilot === null) return;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < pilotCount; i++) {
      lo = Math.min(lo, pilot[i]!);
      hi = Math.max(hi, pilot[i]!);
    }
    width = (hi - lo) / (bins / 2);
    // Equal (or subnormally close) pilot values: a width relative to their size, never 0.
    if (!(width >= 1e-300)) width = (Math.max(Math.abs(lo), Math.abs(hi), 1) * 1e-6) / (bins / 2);
    origin = lo - (bins / 4) * width;
    const values = pilot.subarray(0, pilotCount);
    pilot = null;
    for (const x of values) place(x);
  };

  return {
    push(x) {
      if (pilot !== null) {
        pilot[pilotCount++] = x;
        if (pilotCount === pilotSize) settle();
        return;
      }
      place(x);
    },
    result() {
      // Not settled yet (fewer values than the pilot): settle a copy so that reading never changes
      // where later values go.
      if (pilot !== null) {
        if (pilotCount === 0) return { edges: [], counts: [] };
        const copy = createRebinningHistogram({ bins, pilot: pilotCount });
        for (const x of pilot.subarray(0, pilotCount)) copy.push(x);
        return copy.result();
      }
      const first = counts.findIndex((c) => c > 0);
      let last = bins - 1;
      while (last > first && counts[last] === 0) last -= 1;
      const edges: number[] = [];
      for (let i = first; i <= last + 1; i++) edges.push(origin + i * width);
      return { edges, counts: Array.from(counts.subarray(first, last + 1)) };
    },
    sizeBytes: () => counts.byteLength + (pilot?.byteLength ?? 0) + 64,
  };
}
