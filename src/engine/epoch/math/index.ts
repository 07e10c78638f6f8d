/** I32F32 vector and matrix helpers of the chain's epoch/math.rs (spec §7), bit-exact on raw bits. */
export * from './columns.ts';
export * from './csr.ts';
export * from './interpolate.ts';
export * from './isTopk.ts';
export * from './mask.ts';
export * from './matEma.ts';
export * from './matmul.ts';
export * from './normalize.ts';
export * from './sigmoidSafe.ts';
export * from './sparse.ts';
export * from './types.ts';
export * from './u16.ts';
export * from './weightedMedian.ts';
