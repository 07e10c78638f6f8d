/**
 * The screen's rule: parameters ranked by how far either end of their range moves the median of the
 * headline outcome from the baseline; ties by how far either end moves P(< 0), then by name.
 */
import { labelInSentence } from './labelInSentence.ts';
import type { HeadlineFigures, ParameterEffect } from './sensitivityScreen.ts';

/** The rule in words, for the report and summary.json, with the outcome's label. */
export function screenRule(label: string): string {
  return `ranked by the larger change in the median ${labelInSentence(label)} from the baseline at either end of the range, ties by the larger change in the chance of a loss (${labelInSentence(label)} below zero), then by name`;
}

/** The larger distance from the baseline of the two ends' values; −∞ when neither is defined. */
function swing(atLow: number, atHigh: number, base: number): number {
  const d = Math.max(Math.abs(atLow - base), Math.abs(atHigh - base));
  return Number.isNaN(d) ? Number.NEGATIVE_INFINITY : d;
}

/**
 * `effects` sorted by the rule, with ranks from 1.
 * @example rankParameters(effects, { median: 0.1, probLoss: 0.4 })[0].rank // 1
 */
export function rankParameters(
  effects: readonly Omit<ParameterEffect, 'rank'>[],
  baseline: HeadlineFigures,
): ParameterEffect[] {
  const keyed = effects.map((e) => ({
    e,
    median: swing(e.atLow.median, e.atHigh.median, baseline.median),
    loss: swing(e.atLow.probLoss, e.atHigh.probLoss, baseline.probLoss),
  }));
  keyed.sort(
    (a, b) =>
      b.median - a.median ||
      b.loss - a.loss ||
      (a.e.parameter < b.e.parameter ? -1 : a.e.parameter > b.e.parameter ? 1 : 0),
  );
  return keyed.map(({ e }, k) => ({ ...e, rank: k + 1 }));
}
