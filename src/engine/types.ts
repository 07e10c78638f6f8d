/**
 * Domain types. Money is integer: TAO in rao (1 TAO = 1e9 rao), alpha in its raw units (same scale).
 * Ids and accounts are branded so a netuid is not passed as a uid; amounts are plain `bigint` aliases
 * that name their unit (a brand would not survive `a + b`, which is `bigint`).
 */

/** TAO amount in rao (u64 on chain). */
export type Rao = bigint;
/** Alpha amount in raw units (u64 on chain, 1e9 per alpha). */
export type Alpha = bigint;
/** Subnet id (u16). Root is 0. */
export type NetUid = number & { readonly __id: 'netuid' };
/** Neuron slot in a subnet (u16). */
export type Uid = number & { readonly __id: 'uid' };
/** Account id of a hotkey (the on-subnet identity and staking target). */
export type Hotkey = string & { readonly __account: 'hotkey' };
/** Account id of a coldkey (owns TAO and hotkeys). */
export type Coldkey = string & { readonly __account: 'coldkey' };
/** Block number. */
export type BlockNumber = number;

/** The root subnet. */
export const ROOT_NETUID = 0 as NetUid;

export const rao = (n: bigint | number): Rao => BigInt(n);
export const alpha = (n: bigint | number): Alpha => BigInt(n);
export const netuid = (n: number): NetUid => n as NetUid;
export const hotkey = (s: string): Hotkey => s as Hotkey;
export const coldkey = (s: string): Coldkey => s as Coldkey;
