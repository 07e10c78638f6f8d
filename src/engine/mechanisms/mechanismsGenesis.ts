/** The mechanisms' part of a genesis: their data for `GenesisConfig.addOn`. */
import type { AddOnState } from '../state/types.ts';
import { checkMechanismsConfigKeys } from './checkMechanismsConfigKeys.ts';
import { type MechanismsConfig, resolveMechanisms } from './config.ts';
import { MECHANISMS_ADD_ON } from './mechanismsOf.ts';

/**
 * The add-on data of a chain starting with the mechanisms `config` switches on (each off unless named;
 * keys and parameters checked, defaults filled). Blocks of the chain then need `mechanismsAddOn`.
 * @example createGenesis({ sudo: 'alice', addOn: mechanismsGenesis({ covenant: { payTo: 'stakers' } }) })
 */
export function mechanismsGenesis(config: MechanismsConfig): AddOnState {
  checkMechanismsConfigKeys(config);
  return { name: MECHANISMS_ADD_ON, data: resolveMechanisms(config) };
}
