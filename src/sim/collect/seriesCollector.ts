/**
 * Streaming quantile bands of time series: for every series and record index, a log sketch (relative
 * error 1%) gives the bands at `BAND_LEVELS` and a running mean gives the mean. Memory depends on the
 * number of series and records, never on the number of runs.
 */
import { createLogSketch, type LogSketch } from '../stats/logSketch.ts';
import { BAND_LEVELS, type SeriesBands } from './summary.ts';

/** Relative accuracy of series bands. */
export const SERIES_ACCURACY = 0.01;

/** Collector of all series of an experiment. */
export interface SeriesCollector {
  /** Add one run's series, row-major `[record * keys.length + series]`; non-finite values are skipped. */
  push(series: Float64Array): void;
  result(): SeriesBands[];
  /** Bytes held (structural measure). */
  sizeBytes(): number;
}

/**
 * An empty collector for `keys` recorded at `days` (days since the start of each record).
 * @example const c = createSeriesCollector({ keys: ['price'], days: [0, 7] }); c.push(Float64Array.of(1, 2))
 */
export function createSeriesCollector({
  keys,
  days,
}: {
  keys: readonly string[];
  days: readonly number[];
}): SeriesCollector {
  const width = keys.length;
  const cells = width * days.length;
  // 2048 buckets at 1% cover about 18 decades of magnitude per sign before any merging.
  const sketches: LogSketch[] = Array.from({ length: cells }, () =>
    createLogSketch({ relativeAccuracy: SERIES_ACCURACY, maxBins: 2048 }),
  );
  const means = new Float64Array(cells);
  const counts = new Float64Array(cells);
  return {
    push(series) {
      for (let c = 0; c < cells; c++) {
        const x = series[c]!;
        if (!Number.isFinite(x)) continue;
        sketches[c]!.push(x);
        counts[c]! += 1;
        means[c]! += (x - means[c]!) / counts[c]!;
      }
    },
    result() {
      return keys.map((key, s) => ({
        key,
        days: [...days],
        levels: [...BAND_LEVELS],
        bands: BAND_LEVELS.map((q) => days.map((_, r) => sketches[r * width + s]!.quantile(q))),
        mean: days.map((_, r) => (counts[r * width + s]! > 0 ? means[r * width + s]! : Number.NaN)),
      }));
    },
    sizeBytes() {
      let bytes = means.byteLength + counts.byteLength + 64;
      for (const s of sketches) bytes += s.sizeBytes();
      return bytes;
    },
  };
}
