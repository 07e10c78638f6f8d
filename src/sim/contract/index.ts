/** The contract between a simulation model and the runner, and the pieces models are built from. */
export { type CheckedShape, checkModelShape } from './checkModelShape.ts';
export { defineMetrics, type MetricEntry, type Metrics, type MetricTable } from './defineMetrics.ts';
export { ModelShapeError, type ModelShapeErrorCode } from './modelShapeError.ts';
export { type Phase, type Phases, runPhases } from './runPhases.ts';
export type {
  HolderClass,
  MetricInfo,
  Model,
  ModelDescription,
  ModelSection,
  ModelShape,
  ReturnAttribution,
  RunInput,
  RunOutput,
} from './types.ts';
