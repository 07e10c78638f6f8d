/** Scenario files: schema, validation with located errors, overrides and identity. */

export { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
export { DURATION_PATTERN, parseDuration } from './duration.ts';
export { loadScenario } from './loadScenario.ts';
export { overrideModel, type ParameterOverride } from './overrideModel.ts';
export { overrideScenario, type ScenarioOverrides } from './overrideScenario.ts';
export { type ParameterRange, RANGE_KEY, rangeOf, withRange } from './parameterRange.ts';
export { type ParseScenarioResult, parseScenario } from './parseScenario.ts';
export { ScenarioError } from './scenarioError.ts';
export { canonicalJson, scenarioHash } from './scenarioHash.ts';
export { formatScenarioIssue, type ScenarioIssue } from './scenarioIssue.ts';
export { scenarioJsonSchema } from './scenarioJsonSchema.ts';
export {
  createScenarioSchema,
  resolveScenario,
  type Scenario,
  type ScenarioFile,
  type SensitivitySettings,
  STEP_BLOCKS,
  STEP_KINDS,
  type StepKind,
  scenarioFields,
  toScenarioFile,
} from './scenarioSchema.ts';
export {
  type NumericParameter,
  numericParameters,
  parameterAt,
  type RangedParameter,
  rangedParameters,
} from './schemaParameters.ts';
