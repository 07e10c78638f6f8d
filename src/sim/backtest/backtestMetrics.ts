/** PLACEHOLDER until merge */
import { RECORDED_PANEL_METRICS } from './recordedPanelMetrics.ts';
export const BACKTEST_METRICS = [...RECORDED_PANEL_METRICS, 'chainBuyShare', 'taoPriceUsd'] as const;
export type BacktestMetric = (typeof BACKTEST_METRICS)[number];
