/** Kernel parameters for a scenario: the kernel's production defaults, with what the scenario sets. */
import { BLOCKS_PER_DAY, DEFAULT_KERNEL_PARAMS } from '../../../engine/kernel/index.ts';
import type { KernelMechanisms, KernelParams } from '../../../engine/kernel/types.ts';
import { STEP_BLOCKS } from '../../scenario/scenarioSchema.ts';
import type { ModelScenario } from './modelScenario.ts';
import type { ModelParams } from './params.ts';

/** Kernel parameters for a scenario (the production runtime's values, spec §11). */
export function kernelParams(scenario: ModelScenario): KernelParams {
  return {
    ...DEFAULT_KERNEL_PARAMS,
    rulePack: scenario.model.rulePack,
    blocksPerStep: STEP_BLOCKS[scenario.step],
    taoWeight: scenario.model.network.taoWeight,
    // New subnets emit from registration: the model has no root call that would switch them on later.
    newSubnetEmissionEnabled: true,
    ...mechanismParams(scenario.model),
  };
}

/** The kernel's mechanism parameters (none when every mechanism is off, so the kernel runs as before). */
export function mechanismParams(model: ModelParams): { mechanisms?: KernelMechanisms } {
  const m = model.mechanisms;
  const days = (d: number) => Math.max(1, d * BLOCKS_PER_DAY);
  if (
    !(
      m.covenant.enabled ||
      m.vesting.enabled ||
      m.credits.enabled ||
      m.usageEmission.enabled ||
      m.computeMarket.enabled
    )
  )
    return {};
  return {
    mechanisms: {
      period: days(m.period),
      ...(m.covenant.enabled && {
        covenant: {
          share: m.covenant.share,
          tolerance: m.covenant.tolerance,
          gracePeriods: m.covenant.gracePeriods,
        },
      }),
      ...(m.vesting.enabled && {
        vesting: {
          vestDuration: days(m.vesting.vestDuration),
          cliff: m.vesting.cliff * BLOCKS_PER_DAY,
          startBlock: 0,
        },
      }),
      ...(m.credits.enabled && {
        credits: { releaseDuration: days(m.credits.releaseDuration), tolerance: m.credits.tolerance },
      }),
      ...(m.usageEmission.enabled && {
        usageEmission: { lambda: m.usageEmission.lambda, halfLife: days(m.usageEmission.halfLife) },
      }),
      ...(m.computeMarket.enabled && {
        computeMarket: {
          mint: m.computeMarket.mint / BLOCKS_PER_DAY,
          feeShare: m.computeMarket.feeShare,
        },
      }),
    },
  };
}
