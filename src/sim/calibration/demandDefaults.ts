/** The `model.market` defaults that a demand estimate gives, rounded as the schema writes them. */
import type { DemandEstimate } from './estimateDemand.ts';

/** Decimal places the schema's defaults keep. */
export const DEFAULT_DECIMALS = 2;

const round = (x: number) => Math.round(x * 10 ** DEFAULT_DECIMALS) / 10 ** DEFAULT_DECIMALS;

/** The estimated defaults of `model.market` (log units, per year) and the drift that bear/bull state. */
export interface DemandDefaults {
  readonly demandVolatilityPerYear: number;
  readonly jumpsPerYear: number;
  /** The jumps' root mean square size: default jumps have mean 0, so their spread keeps the observed sizes. */
  readonly jumpStdev: number;
  /** The historical drift, which the bear and bull scenarios state with a minus and a plus sign. */
  readonly scenarioDriftPerYear: number;
}

/** Round an estimate to the schema's defaults (two decimals). */
export function demandDefaults(e: DemandEstimate): DemandDefaults {
  return {
    demandVolatilityPerYear: round(e.volatilityPerYear),
    jumpsPerYear: round(e.jumpsPerYear),
    jumpStdev: round(e.jumpRms),
    scenarioDriftPerYear: round(Math.abs(e.driftPerYear)),
  };
}
