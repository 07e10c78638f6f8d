/**
 * The fast kernel: all subnets of one simulated future as float64 columns, advanced one step of k blocks
 * at a time in closed form, under one of five rule packs (`params.rulePack`, default `price-2026-06`). The Monte Carlo lab runs this; the exact engine
 * is the reference it is checked against (`kernelFidelity`).
 */

export { BLOCKS_PER_DAY } from '../chainConstants.ts';
export { advanceMovingPrice, type MovingPriceIo } from './advanceMovingPrice.ts';
export {
  blockEmissionF64,
  blocksBeforeHalving,
  halvingThreshold,
  TOTAL_SUPPLY_TAO,
} from './blockEmissionF64.ts';
export { cloneKernelState } from './cloneKernelState.ts';
export {
  createKernelState,
  emptyColumns,
  type KernelStateInit,
  type KernelSubnetInit,
} from './createKernelState.ts';
export { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
export { sellRootAlphaF64 } from './dtaoTermsF64.ts';
export { emissionSharesF64, isEmitting } from './emissionSharesF64.ts';
export {
  DEFAULT_FLOW_SMOOTHING,
  emaOver,
  flowSharesF64,
  netFlowF64,
  renormaliseEnabled,
} from './flowSharesF64.ts';
export {
  applyGateF64,
  DEFAULT_GATE_EXPONENT,
  DEFAULT_GATE_QUANTILE,
  gateBarDue,
  gateBarF64,
} from './gateF64.ts';
export { injectAllTao } from './injectAllTao.ts';
export { type KernelBalance, kernelBalance } from './kernelBalance.ts';
export { type FidelityReport, type FidelityRun, kernelFidelity } from './kernelFidelity.ts';
export { kernelRuleSettings } from './kernelRuleSettings.ts';
export { kernelParamsFromChain, kernelStateFromChain } from './kernelStateFromChain.ts';
export { type KernelStepInput, kernelStep } from './kernelStep.ts';
export { type AlphaCapRule, type ExcessTaoRule, type KernelTerms, kernelTerms } from './kernelTerms.ts';
export {
  applyMechanismIntent,
  dissolveMechanisms,
  mechanismShares,
  settleMechanisms,
} from './mechanismsF64.ts';
export { packSharesF64, rulePackOf } from './packSharesF64.ts';
export { spotAt } from './poolSwapTao.ts';
export { kernelLockCost } from './registerSubnet.ts';
export { subnetLimitOf } from './subnetLimitOf.ts';
export * from './types.ts';
