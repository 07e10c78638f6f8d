/**
 * The binding mechanisms (spec/mechanisms.md §1–5), an add-on of the chain: their genesis data, the
 * add-on value every block of such a chain takes, and their calls, events and state.
 * @example
 * const state = createGenesis({ sudo: 'alice', addOn: mechanismsGenesis({ vesting: {} }) });
 * applyBlock(state, [], { epoch: yumaEpoch, addOn: mechanismsAddOn });
 */
export {
  MECHANISM_DEFAULTS,
  type MechanismsConfig,
  type MechanismsState,
  mechanismTaoHeld,
  PPM,
  vestingAlphaHeld,
} from './config.ts';
export type { MechanismChainEvent, MechanismEvent } from './events.ts';
export { MECHANISM_CALL_NAMES, type MechanismChainExtrinsic, type MechanismExtrinsic } from './extrinsics.ts';
export { mechanismsAddOn } from './mechanismsAddOn.ts';
export { mechanismsGenesis } from './mechanismsGenesis.ts';
export { MECHANISMS_ADD_ON, mechanismsOf } from './mechanismsOf.ts';
