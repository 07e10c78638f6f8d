/** The experiment runner: inline and worker-thread backends, ordered streaming collection, outputs. */
export { type Manifest, PROJECT_ROOT, packageInfo } from './manifest.ts';
export { loadModel, type ModelRef, parseModelRef } from './modelRef.ts';
export {
  type ExperimentOptions,
  type ExperimentProgress,
  type ExperimentResult,
  runExperiment,
} from './runExperiment.ts';
