/**
 * The daily metrics a backtest compares: those the recorded alpha price panel gives, then the ones the
 * simulation reports beside them (the chain's share of subnet inflows, the TAO price in USD).
 */
import type { MetricInfo } from '../contract/types.ts';
import { RECORDED_PANEL_METRICS } from './recordedPanelMetrics.ts';

/** Every backtest metric, in output order (CSV rows, JSON, charts). */
export const BACKTEST_METRICS = [...RECORDED_PANEL_METRICS, 'chainBuyShare', 'taoPriceUsd'] as const;

/** A metric of the backtest. */
export type BacktestMetric = (typeof BACKTEST_METRICS)[number];

/** What a backtest metric is called, its unit and what it measures, including where its record comes from. */
export type BacktestMetricInfo = Omit<MetricInfo, 'key'>;

/** Label, unit and description of every backtest metric (the type checker asks for one entry each). */
export const BACKTEST_METRIC_INFO: { readonly [M in BacktestMetric]: BacktestMetricInfo } = {
  sumAlphaPrices: {
    label: 'Sum of alpha prices',
    unit: 'TAO',
    description:
      'Sum of the alpha prices (TAO per alpha) of the subnets emitting that day, at 00:00 UTC. Recorded: alpha_prices_daily_2025H1.csv.',
  },
  top10PriceShare: {
    label: 'Top-10 price share',
    unit: 'share',
    description:
      "The ten highest alpha prices' share of that sum: how concentrated value is among subnets. Recorded: alpha_prices_daily_2025H1.csv.",
  },
  activeSubnets: {
    label: 'Active subnets',
    unit: 'count',
    description: 'Number of subnets emitting that day. Recorded: alpha_prices_daily_2025H1.csv.',
  },
  medianAlphaPrice: {
    label: 'Median alpha price',
    unit: 'TAO',
    description:
      'Median alpha price (TAO per alpha) over the subnets emitting that day, at 00:00 UTC. Recorded: alpha_prices_daily_2025H1.csv.',
  },
  chainBuyShare: {
    label: 'Chain buy share',
    unit: 'share',
    description:
      'Share of the TAO emitted into subnets that was spent on chain buys of alpha. No recorded series.',
  },
  taoPriceUsd: {
    label: 'TAO price',
    unit: 'USD',
    description: 'TAO price in US dollars (daily close). Recorded: tao_usd_daily.csv.',
  },
};
