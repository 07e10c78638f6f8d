/** A sensitivity screen in plain text: the sentence that says how it was run, and its top parameters. */
import { labelInSentence } from '../sensitivity/labelInSentence.ts';
import type { ParameterEffect, SensitivityScreen } from '../sensitivity/sensitivityScreen.ts';
import { formatCount, formatNumber, formatPercent, formatValue } from './formatValue.ts';

/**
 * How the screen was run, in one sentence: the paired runs per variation, the parameters screened
 * and the rule that ranks them.
 * @example screenSentence(screen) // 'One parameter at a time, 41 parameters were set to …'
 */
export function screenSentence(screen: SensitivityScreen): string {
  const n = screen.parameters.length;
  return `One parameter at a time, ${formatCount(n)} parameter${n === 1 ? ' was' : 's were'} set to the low and then the high end of ${n === 1 ? 'its' : 'their'} declared range, the others as the scenario sets them, on the same ${formatCount(screen.runs)} paired run${screen.runs === 1 ? '' : 's'} per variation (${formatCount(screen.variations)} variations with the baseline); parameters are ${screen.rule}.`;
}

/** One parameter's effect: its range, then the median and P(loss) at each end against the baseline. */
export function effectText(p: ParameterEffect, screen: SensitivityScreen): string {
  const unit = screen.outcome.unit;
  const v = (x: number) => formatValue(x, unit);
  return `${p.parameter} (${formatNumber(p.low)} … ${formatNumber(p.high)}): median ${v(p.atLow.median)} … ${v(p.atHigh.median)} (baseline ${v(screen.baseline.median)}), P(loss) ${formatPercent(p.atLow.probLoss)} … ${formatPercent(p.atHigh.probLoss)} (baseline ${formatPercent(screen.baseline.probLoss)})`;
}

/**
 * Lines for the console: a header, then the first `count` parameters by rank.
 * @example sensitivityLines(screen, 3) // ['Most sensitive …', '1. market.demandDriftPerYear (…): …', …]
 */
export function sensitivityLines(screen: SensitivityScreen, count: number): string[] {
  const n = screen.parameters.length;
  return [
    `Most sensitive of ${formatCount(n)} parameters screened one at a time (${formatCount(screen.runs)} paired runs per variation; ${labelInSentence(screen.outcome.label)} at the low … high end of each range):`,
    ...screen.parameters.slice(0, count).map((p) => `${p.rank}. ${effectText(p, screen)}`),
  ];
}
