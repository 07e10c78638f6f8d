/**
 * Who may call a miner: the subnet's registered hotkeys with their UID and validator permit, as the
 * miner last read them from the chain. The axon only looks hotkeys up; keeping the answers current is
 * its owner's job (e.g. a lookup that reads the latest metagraph).
 */
import type { Ss58Address } from '../keys/ss58.ts';

/** A registered hotkey's standing on the subnet. */
export interface CallerInfo {
  readonly uid: number;
  readonly validatorPermit: boolean;
}

/** A verified caller: its hotkey and standing. */
export interface Caller extends CallerInfo {
  readonly hotkey: Ss58Address;
}

/** The subnet's registrations, looked up by hotkey (SS58); `undefined` for a hotkey with no UID. */
export interface CallerRegistry {
  lookup(hotkey: Ss58Address): CallerInfo | undefined;
}

/**
 * A fixed registry of `entries` (hotkey, standing). For one that follows the chain, pass an object
 * whose `lookup` reads your latest view instead.
 * @example callerRegistryFrom([[validator.address, { uid: 0, validatorPermit: true }]])
 */
export function callerRegistryFrom(entries: Iterable<readonly [string, CallerInfo]>): CallerRegistry {
  const byHotkey = new Map<string, CallerInfo>(entries);
  return { lookup: (hotkey) => byHotkey.get(hotkey) };
}
