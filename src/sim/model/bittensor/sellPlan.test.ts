import { describe, expect, it } from 'vitest';
import { modelParamsSchema } from './params.ts';
import { createSalesPlan, planSlotSales, soldOfFlow } from './sellPlan.ts';

const params = modelParamsSchema.parse({});

describe('what emission recipients sell', () => {
  it('covers costs first, then sells a share of the rest, never more than the flow', () => {
    expect(soldOfFlow(100, 30, 0.5)).toBe(65);
    expect(soldOfFlow(100, 300, 0.5)).toBe(100);
    expect(soldOfFlow(100, 0, 0.8)).toBe(80);
    expect(soldOfFlow(0, 30, 0.5)).toBe(0);
  });

  it('plans owner, miner and validator sales from the day’s flow, none from a departed team’s flow', () => {
    const plan = createSalesPlan(2);
    // 7,200 alpha a day at $2 an alpha: each class's costs take part of its flow.
    planSlotSales(plan, 0, params, 7200, 0.18, 2, 100, 11, 15, true);
    const afterCut = 7200 * 0.82;
    expect(plan.owner[0]).toBeCloseTo(750 + params.teams.ownerSellShare * (7200 * 0.18 - 750), 9);
    expect(plan.miner[0]).toBeCloseTo(750 + params.miners.sellShare * (afterCut / 2 - 750), 9);
    expect(plan.validator[0]).toBeCloseTo(440 + params.validators.sellShare * (afterCut / 2 - 440), 9);
    planSlotSales(plan, 1, params, 7200, 0.18, 2, 100, 11, 15, false);
    expect(plan.owner[1]).toBe(0);
  });
});
