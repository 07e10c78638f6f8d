/**
 * The exact Yuma Consensus epoch of one subnet (spec §7): stake and permits once, then every mechanism
 * on its share of the emission (spec §7.8), then the mechanisms combined into the stored values.
 */
import type { EpochInput, MechanismInput } from '../../../types.ts';
import { combineMechanisms, mechanismWeight } from './combineMechanisms.testkit.ts';
import { yumaParams } from './params.testkit.ts';
import { currentPermits, newValidatorPermits } from './permits.testkit.ts';
import { runMechanismEpoch } from './runMechanismEpoch.testkit.ts';
import { splitEmission } from './splitEmission.testkit.ts';
import { epochStake } from './stake.testkit.ts';
import type { MechanismEpochResult, YumaEpochOutput } from './types.testkit.ts';

/**
 * Run Yuma Consensus for a subnet: per-UID server and validator emission in raw alpha units and every
 * value the chain stores (u16 proportions floored, bonds as u16 rows), bit-exact with the chain.
 * @example
 * const out = runYumaEpoch(input);
 * out.serverEmission[uid] + out.validatorEmission[uid]; // this UID's alpha, never more than input.raoEmission in total
 */
export function runYumaEpoch(input: EpochInput): YumaEpochOutput {
  const params = yumaParams(input.params);
  const { ownerUid, neurons } = input;
  const n = neurons.length;
  const stake = epochStake({
    stake: neurons.map((u) => u.stake),
    ownerUid,
    stakeThreshold: params.stakeThreshold,
  });
  const permits = currentPermits({ stored: neurons.map((u) => u.validatorPermit), ownerUid });
  const newPermits = newValidatorPermits({
    stake,
    maxAllowedValidators: params.maxAllowedValidators,
    ownerUid,
  });
  const blockAtRegistration = neurons.map((u) => u.blockAtRegistration);

  const main: MechanismInput = {
    weights: input.weights,
    bonds: input.bonds,
    lastUpdate: neurons.map((u) => u.lastUpdate),
    ...(input.commitBlocks === undefined ? {} : { commitBlocks: input.commitBlocks }),
  };
  const all = [main, ...(input.extraMechanisms ?? [])];
  const parts = splitEmission({
    raoEmission: input.raoEmission,
    count: all.length,
    split: input.mechanismEmissionSplit,
  });

  const mechanisms: MechanismEpochResult[] = all.map((mechanism, index) => {
    const raoEmission = parts[index] ?? 0n;
    const run = runMechanismEpoch({
      block: input.block,
      tempo: input.tempo,
      ownerUid,
      lastMechanismStepBlock: input.lastMechanismStepBlock,
      params,
      stake,
      permits,
      newPermits,
      blockAtRegistration,
      mechanism,
      raoEmission,
    });
    return {
      ...run,
      raoEmission,
      weight: mechanismWeight({ part: raoEmission, total: input.raoEmission, index }),
    };
  });

  const combined = combineMechanisms(
    mechanisms.map((m) => ({ terms: m, weight: m.weight })),
    n,
  );
  const first = mechanisms[0]!;
  return {
    ...combined,
    incentive: first.incentive,
    bonds: first.bonds,
    mechanisms,
  };
}
