/**
 * Extrinsics the chain accepts (the dispatchable calls of the subtensor pallet that move value).
 * `signer` is the account that signed: a coldkey for value transfers, the hotkey for `set_weights`.
 * Amounts are integers: TAO in rao, alpha in raw units. Limit prices are rao per alpha (u64).
 */

import type { Alpha, Rao } from '../types.ts';

interface Signed {
  readonly signer: string;
}

/** A call of the block's add-on: its own `call` name and fields, typed and checked by the add-on. */
export interface AddOnCall extends Signed {
  readonly call: string;
}

/** An extrinsic of the chain, or of its add-on `X` (none unless the block runs one). */
export type Extrinsic<X extends AddOnCall = never> = CoreExtrinsic | X;

/** The chain's own calls. */
export type CoreExtrinsic =
  | (Signed & { readonly call: 'transfer'; readonly dest: string; readonly amount: Rao })
  | (Signed & {
      readonly call: 'add_stake';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Rao;
    })
  | (Signed & {
      readonly call: 'add_stake_limit';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Rao;
      readonly limitPrice: bigint;
      readonly allowPartial: boolean;
    })
  | (Signed & {
      readonly call: 'remove_stake';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Alpha;
    })
  | (Signed & {
      readonly call: 'remove_stake_limit';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Alpha;
      readonly limitPrice: bigint;
      readonly allowPartial: boolean;
    })
  | (Signed & {
      readonly call: 'move_stake';
      readonly originHotkey: string;
      readonly destinationHotkey: string;
      readonly originNetuid: number;
      readonly destinationNetuid: number;
      readonly amount: Alpha;
    })
  | (Signed & { readonly call: 'register_network'; readonly hotkey: string })
  | (Signed & { readonly call: 'start_call'; readonly netuid: number })
  | (Signed & { readonly call: 'burned_register'; readonly hotkey: string; readonly netuid: number })
  | (Signed & {
      readonly call: 'set_weights';
      readonly netuid: number;
      readonly uids: readonly number[];
      readonly weights: readonly number[];
    })
  | (Signed & {
      readonly call: 'recycle_alpha';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Alpha;
    })
  | (Signed & {
      readonly call: 'burn_alpha';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Alpha;
    })
  | (Signed & {
      readonly call: 'add_stake_burn';
      readonly hotkey: string;
      readonly netuid: number;
      readonly amount: Rao;
      readonly limitPrice?: bigint;
    })
  | (Signed & {
      readonly call: 'set_children';
      readonly hotkey: string;
      readonly netuid: number;
      /** Each child's proportion in u64 parts of u64::MAX; an empty list removes all children. */
      readonly children: ReadonlyArray<{ readonly proportion: bigint; readonly child: string }>;
    })
  | (Signed & { readonly call: 'claim_root'; readonly netuid: number; readonly mode: 'swap' | 'keep' })
  | (Signed & { readonly call: 'decrease_take'; readonly hotkey: string; readonly take: number })
  | (Signed & { readonly call: 'increase_take'; readonly hotkey: string; readonly take: number })
  | (Signed & {
      readonly call: 'sudo_set_emission_enabled';
      readonly netuid: number;
      readonly enabled: boolean;
    })
  | (Signed & { readonly call: 'sudo_set_tao_weight'; readonly taoWeight: bigint });

/** Name of one of the chain's own calls. */
export type CallName = CoreExtrinsic['call'];

/** Every call name of the chain itself, for validation of external input (an add-on lists its own). */
export const CALL_NAMES: readonly CallName[] = [
  'transfer',
  'add_stake',
  'add_stake_limit',
  'remove_stake',
  'remove_stake_limit',
  'move_stake',
  'register_network',
  'start_call',
  'burned_register',
  'set_weights',
  'recycle_alpha',
  'burn_alpha',
  'add_stake_burn',
  'set_children',
  'claim_root',
  'decrease_take',
  'increase_take',
  'sudo_set_emission_enabled',
  'sudo_set_tao_weight',
];

const CORE_CALLS: ReadonlySet<string> = new Set(CALL_NAMES);

/** True when the extrinsic is one of the chain's own calls (not an add-on's). */
export function isCoreExtrinsic<X extends AddOnCall>(ext: Extrinsic<X>): ext is CoreExtrinsic {
  return CORE_CALLS.has(ext.call);
}
