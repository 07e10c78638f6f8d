/**
 * Extrinsics the chain accepts (the dispatchable calls of the subtensor pallet that move value).
 * `signer` is the account that signed: a coldkey for value transfers and sudo calls, the hotkey for the
 * weights calls and `serve_axon`.
 * Amounts are integers: TAO in rao, alpha in raw units. Limit prices are rao per alpha (u64).
 */

import type { Alpha, Rao } from '../types.ts';
import type { HyperparameterName, HyperparameterValue } from './subnetHyperparameters.ts';

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
  | (Signed & { readonly call: 'sudo_set_tao_weight'; readonly taoWeight: bigint })
  | (Signed & {
      readonly call: 'serve_axon';
      readonly netuid: number;
      /** IPv4 or IPv6 address text (`203.0.113.7`, `2001:db8::7`). */
      readonly ip: string;
      /** u16, not 0. */
      readonly port: number;
      /** u8: 0 = TCP, 1 = UDP. */
      readonly protocol: number;
      /** u32: the software version the axon runs. */
      readonly version: number;
    })
  | (Signed & {
      readonly call: 'commit_weights';
      readonly netuid: number;
      /** `0x` + 64 hex digits: `weightsCommitHash` of the weights to reveal. */
      readonly commitHash: string;
    })
  | (Signed & {
      readonly call: 'reveal_weights';
      readonly netuid: number;
      readonly uids: readonly number[];
      /** u16 weights, one per uid (max-upscaled when stored, as by `set_weights`). */
      readonly values: readonly number[];
      /** u16 salt the commit hash was made with. */
      readonly salt: readonly number[];
      /** u64 weights version key (part of the hash only). */
      readonly versionKey: bigint;
    })
  | SudoSetHyperparameter;

/** `sudo_set_hyperparameter`, with the value type of each hyperparameter. */
export type SudoSetHyperparameter = {
  readonly [N in HyperparameterName]: Signed & {
    readonly call: 'sudo_set_hyperparameter';
    readonly netuid: number;
    readonly name: N;
    readonly value: HyperparameterValue<N>;
  };
}[HyperparameterName];

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
  'serve_axon',
  'commit_weights',
  'reveal_weights',
  'sudo_set_hyperparameter',
];

const CORE_CALLS: ReadonlySet<string> = new Set(CALL_NAMES);

/** True when the extrinsic is one of the chain's own calls (not an add-on's). */
export function isCoreExtrinsic<X extends AddOnCall>(ext: Extrinsic<X>): ext is CoreExtrinsic {
  return CORE_CALLS.has(ext.call);
}
