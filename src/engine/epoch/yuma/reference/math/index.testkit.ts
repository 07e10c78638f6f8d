/** Frozen copy of the I32F32 epoch helpers before the typed-array rewrite: the regression reference (tests only). */
export * from './columns.testkit.ts';
export * from './interpolate.testkit.ts';
export * from './isTopk.testkit.ts';
export * from './mask.testkit.ts';
export * from './matEma.testkit.ts';
export * from './matmul.testkit.ts';
export * from './normalize.testkit.ts';
export * from './sigmoidSafe.testkit.ts';
export * from './sparse.testkit.ts';
export * from './types.testkit.ts';
export * from './u16.testkit.ts';
export * from './weightedMedian.testkit.ts';
