/** The exact Yuma Consensus epoch (spec §7), split by step. */
export * from './activity.ts';
export * from './combineMechanisms.ts';
export * from './consensus.ts';
export * from './emission.ts';
export * from './liquidAlpha.ts';
export * from './originalBonds.ts';
export * from './params.ts';
export * from './permits.ts';
export * from './readBonds.ts';
export * from './runMechanismEpoch.ts';
export * from './runYumaEpoch.ts';
export * from './splitEmission.ts';
export * from './stake.ts';
export * from './types.ts';
export * from './weights.ts';
export * from './yuma3Bonds.ts';
export * from './yumaEpoch.ts';
