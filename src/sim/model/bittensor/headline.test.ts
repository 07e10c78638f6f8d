import { describe, expect, it } from 'vitest';
import { demandAssumption } from './headline.ts';
import { modelParamsSchema } from './params.ts';

const market = (m: Record<string, number>) => modelParamsSchema.parse({ market: m }).market;

describe('the demand assumption in the headline', () => {
  it('states no drift and the estimated volatility and jumps by default', () => {
    expect(demandAssumption(market({}))).toBe(
      'TAO demand assumed: drift 0%/yr in log terms (none assumed; the median path is flat), volatility 105%/yr, 8.2 jumps/yr of ±19% with mean 0%; volatility and jump rate and size estimated from daily TAO/USD 2023-03-03 … 2025-06-30.',
    );
  });

  it('states a scenario’s drift and where its volatility comes from', () => {
    const bear = demandAssumption(market({ demandDriftPerYear: -0.53 }));
    expect(bear).toContain('drift −53%/yr in log terms (the median path falls 41% a year)');
    expect(bear).toContain('estimated from daily TAO/USD');
    const calm = demandAssumption(market({ demandDriftPerYear: 0.53, demandVolatilityPerYear: 0.5 }));
    expect(calm).toContain('drift +53%/yr in log terms (the median path rises 70% a year)');
    expect(calm).toContain('volatility and jumps set by the scenario');
  });
});
