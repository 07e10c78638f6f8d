import { describe, expect, it } from 'vitest';
import { readStartingState } from '../../start/readStartingState.ts';
import { demandAssumption, startingStateLines } from './headline.ts';
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

describe('the recorded start in the headline', () => {
  it('names the snapshot and lists every gap with its source and date or its rule', () => {
    const r = readStartingState('scenarios/start/mainnet-2026-09-30.json');
    if (!r.ok) throw new Error(r.message);
    const [from, gaps] = startingStateLines(r.state);
    expect(from).toContain('from the recorded network at block 9,184,186, 2026-09-30: 128 subnets');
    expect(gaps).toContain('rootStakeTao 5,481,210 TAO (subtensor issue 3157');
    expect(gaps).toContain('2026-09-14');
    expect(gaps).toContain('taoUsd 218.09 USD');
    expect(gaps).toContain(
      'minerBurningSubnets 68 subnets (JSONbored/metagraphed issue 8740, spec/history.md, 2026-07, not modelled)',
    );
    expect(gaps).toContain('taoIssued 11,540,400 TAO by the rule: 10,500,000 TAO at the first halving');
    expect(gaps).toContain(
      'poolTaoAndPrices 3,115,908 TAO by the rule: spot price p_i proportional to rank^-a',
    );
  });
});
