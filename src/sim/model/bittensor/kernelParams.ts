/**
 * Kernel parameters for a scenario: the kernel's production defaults, with what the scenario sets and
 * what its rule timeline puts in force on the day.
 */
import { BLOCKS_PER_DAY, DEFAULT_KERNEL_PARAMS } from '../../../engine/kernel/index.ts';
import type { KernelMechanisms, KernelParams } from '../../../engine/kernel/types.ts';
import { addDays, type RulesInForce, rulesOn } from '../../scenario/ruleTimeline.ts';
import { STEP_BLOCKS } from '../../scenario/scenarioSchema.ts';
import type { ModelScenario } from './modelScenario.ts';
import type { ModelParams } from './params.ts';

/** The date of day 0: the scenario's own, else its starting state's snapshot date (undefined: neither). */
export function startDateOf(scenario: ModelScenario): string | undefined {
  return scenario.startDate ?? scenario.startingState?.snapshot.date?.slice(0, 10);
}

/** The timeline's rules in force on `day` (null without a timeline, a start date, or before its first entry). */
export function timelineRulesOn(scenario: ModelScenario, day: number): RulesInForce | null {
  // Without a timeline, before the start date is looked up (each step asks).
  if (scenario.rules === undefined) return null;
  const start = startDateOf(scenario);
  if (start === undefined) return null;
  return rulesOn(scenario.rules, addDays(start, day));
}

/** What identifies the rules in force (equal keys: the same kernel rules). */
export function rulesKey(rules: RulesInForce | null): string {
  return rules === null ? '' : JSON.stringify([rules.pack, rules.variant ?? null, rules.params]);
}

/**
 * Kernel parameters for a scenario on `day` (the production runtime's values, spec §11): the model's
 * rule pack, or the timeline's pack, variant and chain parameters in force that day.
 */
export function kernelParams(scenario: ModelScenario, day = 0): KernelParams {
  const rules = timelineRulesOn(scenario, day);
  return {
    ...DEFAULT_KERNEL_PARAMS,
    rulePack: scenario.model.rulePack,
    blocksPerStep: STEP_BLOCKS[scenario.step],
    taoWeight: scenario.model.network.taoWeight,
    // New subnets emit from registration: the model has no root call that would switch them on later.
    newSubnetEmissionEnabled: true,
    ...mechanismParams(scenario.model),
    ...(rules !== null && {
      rulePack: rules.pack,
      ...(rules.variant !== undefined && { ruleVariant: rules.variant }),
      ...(Object.fromEntries(
        Object.entries(rules.params).filter(([, v]) => v !== undefined),
      ) as Partial<KernelParams>),
    }),
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
