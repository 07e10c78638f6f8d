/** Subnet AMM: the swap pallet's Balancer weighted pool, exact (spec §5), plus its float64 twin. */

export { DEFAULT_FEE_RATE, MINIMUM_RESERVE } from '../chainConstants.ts';
export { adjustProtocolLiquidity, type LiquidityAdjustment } from './adjustProtocolLiquidity.ts';
export {
  type AddedLiquidityInput,
  type BalancerReserves,
  balancerPrice,
  baseDeltaIn,
  baseNeededForQuote,
  buyOutput,
  type ExpScaledInput,
  expScaled,
  LIMIT_POW_PRECISION,
  type PriceDeltaInput,
  quoteDeltaIn,
  SWAP_POW_PRECISION,
  sellOutput,
  weightForAddedLiquidity,
} from './balancer.ts';
export {
  buyOutputF64,
  type PoolF64,
  poolToF64,
  priceToF64,
  sellOutputF64,
  spotPriceF64,
  swapFeeF64,
} from './balancerF64.ts';
export { limitFee, MAX_FEE_RATE, type SwapFeeInput, swapFee } from './fees.ts';
export { initializePool } from './initializePool.ts';
export {
  buyWithLimit,
  type LimitBuyInput,
  type LimitOrderRejection,
  type LimitQuery,
  type LimitSellInput,
  maxAlphaForLimitPrice,
  maxTaoForLimitPrice,
  sellWithLimit,
} from './limitOrders.ts';
export {
  complementWeight,
  isValidQuoteWeight,
  MIN_WEIGHT,
  mulPerquintillRound,
  PERQUINTILL_HALF,
  PERQUINTILL_ONE,
  perquintillFromRational,
} from './perquintill.ts';
export {
  addReserves,
  createPool,
  DYNAMIC_MECHANISM,
  isDynamic,
  type PoolState,
  STABLE_MECHANISM,
  saturatingAddU64,
  saturatingMulU64,
  saturatingSubU64,
} from './poolState.ts';
export { MAX_EXACT_EXPONENT, nthRootFloor, type PowRatioInput, powRatioScaled } from './powRatio.ts';
export {
  alphaForTaoAtSpot,
  MAX_PRICE_RAO,
  MIN_PRICE_RAO,
  priceLimitFromRao,
  spotPrice,
} from './spotPrice.ts';
export {
  MAX_SWAP_INPUT_RESERVE_MULTIPLIER,
  type SwapBuyInput,
  type SwapBuyOutput,
  type SwapParams,
  type SwapRejection,
  type SwapSellInput,
  type SwapSellOutput,
  swapBuy,
  swapSell,
} from './swap.ts';
