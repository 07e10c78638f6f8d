/**
 * The keys a mechanisms genesis config may set. Sections merge over the defaults by spreading, so an
 * unknown or former key would otherwise be ignored and its default used without a word.
 */
import { InputError } from '../errors.ts';
import { MECHANISM_DEFAULTS, type MechanismsConfig } from './config.ts';

/** Former parameter names of the genesis config, per section: old → new. */
export const RENAMED_MECHANISM_PARAMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  vesting: { vestEpochs: 'vestDuration' },
  credits: { toleranceUnserved: 'tolerance' },
  usageEmission: { lambdaPpm: 'lambda', halfLifeBlocks: 'halfLife' },
  computeMarket: { mintPerEpoch: 'mint', feePpm: 'feeShare' },
};

/**
 * Throw an `InputError` for the first key of `config` the engine does not know, naming the new key
 * when it is a former one.
 * @example checkMechanismsConfigKeys({ usageEmission: { lambdaPpm: 1n } }) // throws: renamed to "lambda"
 */
export function checkMechanismsConfigKeys(config: MechanismsConfig): void {
  const sections: Readonly<Record<string, object>> = MECHANISM_DEFAULTS;
  for (const [section, params] of Object.entries(config)) {
    const defaults = sections[section];
    if (defaults === undefined)
      throw new InputError(
        `mechanisms.${section}`,
        `unknown mechanism; expected one of ${Object.keys(sections).join(', ')}`,
      );
    if (params === undefined || params === null) continue;
    for (const key of Object.keys(params)) {
      if (key in defaults) continue;
      const renamed = RENAMED_MECHANISM_PARAMS[section]?.[key];
      throw new InputError(
        `mechanisms.${section}.${key}`,
        renamed === undefined
          ? `unknown parameter; expected one of ${Object.keys(defaults).join(', ')}`
          : `renamed to "${renamed}"`,
      );
    }
  }
}
