/** The subnet record `init_new_network` creates (spec §9.2). */
import type { U96F32 } from '../fixed/index.ts';
import { DEFAULT_BURN_INCREASE_MULT } from '../registration/burnPrice.ts';
import { DEFAULT_EPOCH_PARAMS, NEW_SUBNET } from '../state/defaults.ts';
import type { ChainParams, SubnetState } from '../state/types.ts';
import type { Coldkey, Hotkey, NetUid } from '../types.ts';
import { newNeuron } from './newNeuron.ts';

/** A subnet record with the defaults `init_new_network` sets (spec §9.2). */
export function newSubnetState(args: {
  netuid: NetUid;
  ownerColdkey: Coldkey;
  ownerHotkey: Hotkey;
  block: number;
  params: ChainParams;
  taoReserve: bigint;
  alphaIn: bigint;
  lockedTao: bigint;
  mechanism?: 0 | 1;
}): SubnetState {
  const tempo = args.params.defaultTempo;
  return {
    netuid: args.netuid,
    mechanism: args.mechanism ?? 1,
    ownerColdkey: args.ownerColdkey,
    ownerHotkey: args.ownerHotkey,
    registeredAt: args.block,
    lockedTao: args.lockedTao,
    taoReserve: args.taoReserve,
    alphaIn: args.alphaIn,
    alphaOut: 0n,
    wQuote: 500_000_000_000_000_000n,
    swapInitialized: false,
    feeRate: NEW_SUBNET.feeRate,
    accountTao: 0n,
    protocolAlpha: 0n,
    pendingServer: 0n,
    pendingValidator: 0n,
    pendingRoot: 0n,
    pendingOwnerCut: 0n,
    rootAlphaOwed: 0n,
    burnedAlpha: 0n,
    unownedAlpha: 0n,
    movingPrice: 0n,
    firstEmissionBlock: null,
    subtokenEnabled: false,
    emissionEnabled: args.params.newSubnetEmissionEnabled,
    registrationAllowed: true,
    ownerCutEnabled: true,
    minerBurned: 0n as U96F32,
    lastAlphaOutEmission: 0n,
    lastTaoInEmission: 0n,
    lastExcessTao: 0n,
    taoFlow: 0n,
    emaTaoFlow: null,
    protocolFlow: 0n,
    emaProtocolFlow: null,
    pendingRootTao: 0n,
    tempo,
    lastEpochBlock: args.block - (args.netuid % tempo),
    blocksSinceLastStep: 0,
    pendingEpochAt: 0,
    epochIndex: 0,
    lastMechanismStepBlock: 0,
    burn: NEW_SUBNET.burn,
    burnHalfLife: NEW_SUBNET.burnHalfLife,
    burnIncreaseMult: DEFAULT_BURN_INCREASE_MULT,
    minBurn: NEW_SUBNET.minBurn,
    maxBurn: NEW_SUBNET.maxBurn,
    registrationsThisBlock: 0,
    maxAllowedUids: NEW_SUBNET.maxAllowedUids,
    immunityPeriod: NEW_SUBNET.immunityPeriod,
    minAllowedWeights: NEW_SUBNET.minAllowedWeights,
    weightsSetRateLimit: NEW_SUBNET.weightsSetRateLimit,
    commitRevealEnabled: args.params.newSubnetCommitRevealEnabled,
    commitRevealPeriod: NEW_SUBNET.commitRevealPeriod,
    weightCommits: new Map(),
    servingRateLimit: NEW_SUBNET.servingRateLimit,
    epoch: DEFAULT_EPOCH_PARAMS,
    neurons: [newNeuron(args.ownerHotkey, args.block)],
    weights: [[]],
    bonds: [[]],
    stakes: new Map(),
    rootClaimable: new Map(),
    children: new Map(),
    pendingChildren: new Map(),
  };
}
