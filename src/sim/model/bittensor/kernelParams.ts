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
  if (!(m.covenant.enabled || m.vesting.enabled || m.credits.enabled || m.usage.enabled || m.compute.enabled))
    return {};
  return {
    mechanisms: {
      periodBlocks: days(m.periodDays),
      ...(m.covenant.enabled && {
        covenant: {
          share: m.covenant.share,
          tolerance: m.covenant.tolerance,
          gracePeriods: m.covenant.gracePeriods,
        },
      }),
      ...(m.vesting.enabled && {
        vesting: {
          vestBlocks: days(m.vesting.vestDays),
          cliffBlocks: m.vesting.cliffDays * BLOCKS_PER_DAY,
          startBlock: 0,
        },
      }),
      ...(m.credits.enabled && {
        credits: { releaseBlocks: days(m.credits.releaseDays), tolerance: m.credits.tolerance },
      }),
      ...(m.usage.enabled && {
        usage: { lambda: m.usage.lambda, halfLifeBlocks: days(m.usage.halfLifeDays) },
      }),
      ...(m.compute.enabled && {
        compute: { taoPerBlock: m.compute.taoPerDay / BLOCKS_PER_DAY, feeShare: m.compute.feeShare },
      }),
    },
  };
}
