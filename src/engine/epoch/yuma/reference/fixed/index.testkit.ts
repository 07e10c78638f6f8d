/** Frozen copy of the fixed-point ops as they were before the typed-array epoch (test reference only). */
export * from '../../../../fixed/format.ts';
export * from './ops.testkit.ts';
