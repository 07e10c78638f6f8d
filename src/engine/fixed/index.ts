/** Fixed-point emulation of substrate-fixed and sp-arithmetic types (spec §1.2). */
export * from './format.ts';
export * from './ops.ts';
