import { describe, expect, it } from 'vitest';
import { DEMAND_ESTIMATE_WINDOW } from '../sim/model/bittensor/params.ts';
import { modelParamsSchema } from '../sim/model/index.ts';
import { calibrateDemand } from './calibrate.ts';

describe('tensormarket calibrate demand', () => {
  const { estimate, lines } = calibrateDemand({});
  const market = modelParamsSchema.parse({}).market;
  const shape = modelParamsSchema.toJSONSchema() as unknown as {
    properties: { market: { properties: Record<string, { description?: string }> } };
  };
  const about = (key: string) => shape.properties.market.properties[key]?.description ?? '';
  const printed = (label: string) => {
    const line = lines.find((l) => l.startsWith('model.market defaults:')) ?? '';
    const m = new RegExp(`${label} (-?[0-9.]+)`).exec(line);
    return Number(m?.[1]);
  };

  it('prints the window of ../shared/data/tao_usd_daily.csv', () => {
    expect(lines).toContain('source: ../shared/data/tao_usd_daily.csv');
    expect(lines.find((l) => l.startsWith('window:'))).toBe(
      `window: ${estimate.first} … ${estimate.last}, ${estimate.returns} daily log returns (${estimate.years.toFixed(2)} years of 365 days)`,
    );
    // The window the report's headline names.
    const { first, last, returns } = estimate;
    expect(DEMAND_ESTIMATE_WINDOW).toEqual({ first, last, returns });
  });

  it('prints the figures the schema holds as defaults', () => {
    // Recomputed from the data each run: a changed file or estimator shows here, not in a silent default.
    expect(printed('demandVolatilityPerYear')).toBe(market.demandVolatilityPerYear);
    expect(printed('jumpsPerYear')).toBe(market.jumpsPerYear);
    expect(printed('jumpStdev')).toBe(market.jumpStdev);
    expect(printed('jumpMean')).toBe(market.jumpMean);
    expect(printed('demandDriftPerYear')).toBe(market.demandDriftPerYear);
    expect(market.demandVolatilityPerYear).toBeCloseTo(estimate.volatilityPerYear, 2);
    expect(market.jumpsPerYear).toBeCloseTo(estimate.jumpsPerYear, 2);
    expect(market.jumpStdev).toBeCloseTo(estimate.jumpRms, 2);
  });

  it('quotes the estimates and their window in the schema’s source text', () => {
    const window = `${estimate.first} … ${estimate.last}`;
    for (const key of ['demandDriftPerYear', 'demandVolatilityPerYear', 'jumpsPerYear', 'jumpStdev']) {
      expect(about(key)).toContain(window);
    }
    const n = estimate.jumpsUp + estimate.jumpsDown;
    expect(about('demandVolatilityPerYear')).toContain(`${estimate.returns} returns`);
    expect(about('demandVolatilityPerYear')).toContain(
      `all returns give ${estimate.totalVolatilityPerYear.toFixed(2)}`,
    );
    expect(about('jumpsPerYear')).toContain(
      `the ${n} daily TAO/USD returns (${estimate.jumpsUp} up, ${estimate.jumpsDown} down)`,
    );
    expect(about('jumpMean')).toContain(`averaged +${estimate.jumpMean.toFixed(2)}`);
    expect(about('jumpStdev')).toContain(`(${estimate.jumpStdev.toFixed(2)} about their mean)`);
    const drift = estimate.driftPerYear.toFixed(2);
    expect(about('demandDriftPerYear')).toContain(`−${drift} and +${drift}`);
    expect(about('demandDriftPerYear')).toContain(`standard error ${estimate.driftStandardError.toFixed(2)}`);
  });
});
