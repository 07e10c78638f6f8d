/** The mechanisms' data in a chain state (or draft): `ChainState.addOn` under the add-on's name. */
import { invariant } from '../errors.ts';
import type { AddOnState } from '../state/types.ts';
import type { MechanismsState } from './config.ts';

/** The name of the mechanisms add-on, as stored with its data in `ChainState.addOn`. */
export const MECHANISMS_ADD_ON = 'mechanisms';

/**
 * The mechanisms state of a chain state or draft; undefined on a chain whose genesis switched none on.
 * @example mechanismsOf(state)?.covenants.get(netuid(1))?.bond
 */
export function mechanismsOf(holder: {
  readonly addOn?: AddOnState | undefined;
}): MechanismsState | undefined {
  const s = holder.addOn;
  if (s === undefined) return undefined;
  invariant(s.name === MECHANISMS_ADD_ON, 'ADD_ON_MISMATCH', `the state carries data of '${s.name}'`);
  // Built by `mechanismsGenesis` and only ever replaced by `updateMechanisms`.
  return s.data as MechanismsState;
}
