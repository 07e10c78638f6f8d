/** The headline figures of one variation's column: the exact median and P(< 0). */
import type { HeadlineFigures } from './sensitivityScreen.ts';

/**
 * Median (the mean of the two middle values for an even count) and share below zero of the finite
 * values of `column`; NaN for both when none is finite.
 * @example headlineFigures(Float64Array.of(-1, 2, 3, Number.NaN)) // { median: 2, probLoss: 1 / 3 }
 */
export function headlineFigures(column: ArrayLike<number>): HeadlineFigures {
  const values = Array.from(column)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { median: Number.NaN, probLoss: Number.NaN };
  const median = n % 2 === 1 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
  return { median, probLoss: values.filter((v) => v < 0).length / n };
}
