/** A demand estimate in plain lines, as `tensormarket calibrate demand` prints it. */

import { demandDefaults } from './demandDefaults.ts';
import { DAYS_PER_YEAR, type DemandEstimate } from './estimateDemand.ts';

const f = (x: number, d = 3) => x.toFixed(d);

/** Lines stating the window, the split rule, the estimates and the schema defaults they give. */
export function describeDemandEstimate(e: DemandEstimate, source: string): string[] {
  const d = demandDefaults(e);
  return [
    `source: ${source}`,
    `window: ${e.first} … ${e.last}, ${e.returns} daily log returns (${f(e.years, 2)} years of ${DAYS_PER_YEAR} days)`,
    `rule: a jump is a return more than ${e.k} × ${f(e.scale, 4)} (1.4826 × MAD) from the median; the rest is diffusion`,
    `drift: ${f(e.driftPerYear)}/yr (mean log return × ${DAYS_PER_YEAR}), standard error ${f(e.driftStandardError)}`,
    `total volatility: ${f(e.totalVolatilityPerYear)}/yr`,
    `diffusion volatility: ${f(e.volatilityPerYear)}/yr`,
    `jumps: ${e.jumpsUp + e.jumpsDown} (${e.jumpsUp} up, ${e.jumpsDown} down), ${f(e.jumpsPerYear)}/yr; size mean ${f(e.jumpMean)}, stdev ${f(e.jumpStdev)}, rms ${f(e.jumpRms)}`,
    `model.market defaults: demandVolatilityPerYear ${d.demandVolatilityPerYear}, jumpsPerYear ${d.jumpsPerYear}, jumpStdev ${d.jumpStdev} (rms), jumpMean 0, demandDriftPerYear 0; bear/bull ∓${d.scenarioDriftPerYear}`,
  ];
}
