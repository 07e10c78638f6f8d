import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../test/support/seededRandom.ts';
import { modelParamsSchema } from './params.ts';
import {
  attributeTaoReturn,
  clearTaoMarket,
  createTaoMarket,
  noFlows,
  type TaoFlows,
  type TaoMarket,
} from './taoMarket.ts';

const params = modelParamsSchema.parse({}).taoMarket;
const SUPPLY = 11_540_400;

/** Clear `days` days with the same flows and an unchanged reference value; the last price. */
function clearDays(market: TaoMarket, days: number, flows: TaoFlows, p = params): number {
  let price = Number.NaN;
  for (let day = 0; day < days; day++)
    price = clearTaoMarket({
      market,
      logReference: market.logStart,
      flows,
      supply: SUPPLY,
      params: p,
      dt: 1,
    });
  return price;
}

describe('the TAO market', () => {
  it('stays at its start price with no flow and an unchanged reference value', () => {
    expect(clearDays(createTaoMarket(218.09), 365, noFlows())).toBeCloseTo(218.09, 10);
  });

  it('moves the price by M × the net sold share of supply once the transient impact has faded', () => {
    const p = { ...params, absorptionHalfLifeDays: Number.POSITIVE_INFINITY };
    const market = createTaoMarket(200);
    clearDays(market, 1, { ...noFlows(), dilution: 0.01 * SUPPLY }, p);
    const price = clearDays(market, 200, noFlows(), p);
    expect(Math.log(price / 200)).toBeCloseTo(-p.impactMultiplier * 0.01, 9);
  });

  it('lets price-elastic investors absorb cumulated flow over its half-life', () => {
    const market = createTaoMarket(200);
    clearDays(market, 1, { ...noFlows(), dilution: 0.01 * SUPPLY });
    clearDays(market, params.absorptionHalfLifeDays, noFlows());
    expect(market.cumulated.dilution).toBeCloseTo(0.005, 6);
  });

  it('splits the log return into parts that add up to it within 1e-12 on random flows', () => {
    const rng = seededRandom(7);
    const market = createTaoMarket(218.09);
    let logReference = market.logStart;
    for (let day = 0; day < 730; day++) {
      logReference += 0.06 * (rng() - 0.5);
      const flows: TaoFlows = {
        demand: -3000 * rng(),
        dilution: 3000 * rng(),
        valueReturned: -50 * rng(),
      };
      clearTaoMarket({ market, logReference, flows, supply: SUPPLY, params, dt: 1 });
    }
    const parts = attributeTaoReturn(market, params);
    const total = parts.demand + parts.dilution + parts.valueReturned + parts.other;
    expect(Math.abs(total - (market.logPrice - market.logStart))).toBeLessThan(1e-12);
    expect(parts.dilution).toBeLessThan(0);
  });
});
