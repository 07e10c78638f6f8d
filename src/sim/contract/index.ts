/** The contract between a simulation model and the runner, and the pieces models are built from. */
export { defineMetrics, type MetricEntry, type Metrics, type MetricTable } from './defineMetrics.ts';
export { type Phase, type Phases, runPhases } from './runPhases.ts';
export type {
  MetricInfo,
  Model,
  ModelDescription,
  ModelSection,
  ModelShape,
  RunInput,
  RunOutput,
} from './types.ts';
