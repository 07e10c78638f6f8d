/** Frozen copy of the exact epoch's steps before the typed-array rewrite: the regression reference (tests only). */
export * from './activity.testkit.ts';
export * from './combineMechanisms.testkit.ts';
export * from './consensus.testkit.ts';
export * from './emission.testkit.ts';
export * from './liquidAlpha.testkit.ts';
export * from './originalBonds.testkit.ts';
export * from './params.testkit.ts';
export * from './permits.testkit.ts';
export * from './readBonds.testkit.ts';
export * from './runMechanismEpoch.testkit.ts';
export * from './runYumaEpoch.testkit.ts';
export * from './splitEmission.testkit.ts';
export * from './stake.testkit.ts';
export * from './types.testkit.ts';
export * from './weights.testkit.ts';
export * from './yuma3Bonds.testkit.ts';
