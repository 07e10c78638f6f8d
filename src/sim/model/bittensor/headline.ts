/** The report's opening answer, in plain words, from the aggregate figures and the demand assumed. */
import type { Summary } from '../../collect/summary.ts';
import type { SnapshotGap, StartingState } from '../../start/startingState.ts';
import type { ModelScenario } from './modelScenario.ts';
import { DEMAND_ESTIMATE_WINDOW, type ModelParams, modelParamsSchema } from './params.ts';
import { UNMODELLED_GAPS } from './withStartingState.ts';

const pct = (x: number) => `${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;

const signedPct = (x: number) => (x > 0 ? `+${pct(x)}` : x < 0 ? `−${pct(-x)}` : '0%');

/** The demand a scenario assumes, in one sentence: drift first, since it sets the median path. */
export function demandAssumption(market: ModelParams['market']): string {
  const defaults = modelParamsSchema.parse({}).market;
  const mu = market.demandDriftPerYear;
  const median =
    mu === 0
      ? 'the median path is flat'
      : `the median path ${mu > 0 ? 'rises' : 'falls'} ${pct(Math.abs(Math.exp(mu) - 1))} a year`;
  const estimated =
    market.demandVolatilityPerYear === defaults.demandVolatilityPerYear &&
    market.jumpsPerYear === defaults.jumpsPerYear &&
    market.jumpStdev === defaults.jumpStdev;
  const w = DEMAND_ESTIMATE_WINDOW;
  const source = estimated
    ? `volatility and jump rate and size estimated from daily TAO/USD ${w.first} … ${w.last}`
    : 'volatility and jumps set by the scenario';
  return `TAO demand assumed: drift ${signedPct(mu)}/yr in log terms (${mu === 0 ? 'none assumed; ' : ''}${median}), volatility ${pct(market.demandVolatilityPerYear)}/yr, ${market.jumpsPerYear.toFixed(1)} jumps/yr of ±${pct(market.jumpStdev)} with mean ${signedPct(market.jumpMean)}; ${source}.`;
}

const gapValue = (g: SnapshotGap) => {
  if (g.value === null) return 'no single value';
  const v = g.value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return g.unit === 'share' ? v : `${v} ${g.unit}`;
};

/**
 * Where a recorded start comes from, in two sentences: the snapshot, then each gap with its value and
 * source and date, or its rule (a gap the model does not use is marked so).
 */
export function startingStateLines(start: StartingState): string[] {
  const date = start.snapshot.date === null ? 'undated' : start.snapshot.date.slice(0, 10);
  const unused = (g: SnapshotGap) => (UNMODELLED_GAPS.has(g.name) ? ', not modelled' : '');
  const parameters = start.gaps.flatMap((g) =>
    g.kind === 'parameter' ? [`${g.name} ${gapValue(g)} (${g.source}, ${g.date}${unused(g)})`] : [],
  );
  const rules = start.gaps.flatMap((g) =>
    g.kind === 'rule'
      ? [`${g.name} ${gapValue(g)} by the rule: ${g.rule}${unused(g) === '' ? '' : ' (not modelled)'}`]
      : [],
  );
  return [
    `Futures start from the recorded network at block ${start.snapshot.block.toLocaleString('en-US')}, ${date}: ${start.subnets.length} subnets with their recorded alpha in pool, staked by wallets, protocol-owned and burned.`,
    `What the snapshot does not record is filled by dated parameters: ${parameters.join('; ')}; and by rules: ${rules.join('; ')}.`,
  ];
}

/** What demand's part is made of (means that add up to it), or nothing when the outcomes are absent. */
function demandParts(summary: Omit<Summary, 'headline'>): string {
  const mean = (key: string) => summary.outcomes.find((x) => x.key === key)?.mean;
  const parts = [
    ['exogenous demand', mean('demandFromExogenous')],
    ['useful output against its expected path', mean('demandFromUsefulOutput')],
    ['outside money', mean('demandFromOutsideMoney')],
  ] as const;
  if (parts.some(([, m]) => m === undefined || !Number.isFinite(m))) return '';
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  return `; demand is ${parts.map(([label, m]) => `${label} ${signed(m!)}`).join(', ')}`;
}

/** A few sentences answering: does the network return value to those who fund it, and under what demand? */
export function headline(summary: Omit<Summary, 'headline'>, scenario: ModelScenario): string[] {
  const o = (key: string) => summary.outcomes.find((x) => x.key === key);
  const e = (key: string) => summary.events.find((x) => x.key === key);
  const lines: string[] = [];
  const holder = o('holderReturn');
  const runs = summary.runs.completed;
  const years = Math.round((summary.horizonDays / 365) * 10) / 10;
  const classes = (summary.holderClasses ?? []).filter((h) => h.count > 0);
  if (classes.length > 0)
    lines.push(
      `Median return in USD over ${years} years by holder class: ${classes.map((h) => `${h.label} ${pct(h.median)} (loss in ${pct(h.probNegative)} of futures)`).join('; ')}.`,
    );
  const a = summary.attribution;
  if (a !== undefined && a.count > 0) {
    const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
    lines.push(
      `${a.label} averages ${signed(a.total.mean)}: ${a.parts.map((p) => `${p.label.replace(/^Return from /, '').toLowerCase()} ${signed(p.mean)}`).join(', ')} (each accumulated from its own flows; they add up)${demandParts(summary)}.`,
    );
  }
  if (holder !== undefined && holder.count > 0) {
    const q = holder.quantiles;
    lines.push(
      `Across ${runs.toLocaleString('en-US')} futures of ${years} years, a TAO holder's median return is ${pct(holder.median)} (5th percentile ${pct(q.p5 ?? Number.NaN)}, 95th ${pct(q.p95 ?? Number.NaN)}); the holder loses money in ${pct(holder.probNegative)} of futures.`,
    );
    lines.push(
      `Outcomes are ${Math.abs(holder.skewness) < 0.5 ? 'roughly symmetric' : holder.skewness > 0 ? 'skewed to the upside' : 'skewed to the downside'} (skewness ${holder.skewness.toFixed(2)}, kurtosis ${holder.kurtosis.toFixed(1)}): the best 10% of futures hold ${pct(holder.top10Share)} of all positive return.`,
    );
  }
  // Right after the holder's return, which it conditions; first when there is none.
  lines.splice(
    Math.min(lines.length, classes.length > 0 ? 2 : 1),
    0,
    demandAssumption(scenario.model.market),
  );
  const ratio = o('returnRatio');
  if (ratio !== undefined && ratio.count > 0) {
    lines.push(
      `For every TAO emitted, the network returns a median of ${ratio.median.toFixed(4)} TAO to holders through burns and buybacks.`,
    );
  }
  const top = e('topDecileLeavesWithinYear');
  const left = o('leftEmissionShare');
  const retained = o('topQualityRetained');
  if (top !== undefined && left !== undefined) {
    lines.push(
      `In ${pct(top.probability)} of futures at least one of today's top-decile subnets takes its product elsewhere within a year; subnets that later leave capture a median ${pct(left.median)} of all emission${retained === undefined ? '' : `, and a median ${pct(retained.median)} of the best subnets stay to the end`}.`,
    );
  }
  if (scenario.startingState !== undefined) lines.push(...startingStateLines(scenario.startingState));
  return lines;
}
