/** Conformance vectors of the chain's own tests, and the runner that checks the engine against them. */
export { type Check, compareOutcome, type Outcome } from './compare.ts';
export { type Handler, handlers, runVector, type VectorResult } from './registry.ts';
export { type Json, type JsonObject, parseVectorFile, type Tolerance, type Vector } from './vector.ts';
