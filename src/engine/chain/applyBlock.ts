/**
 * One block of the chain (spec §2): `on_initialize` (registration price decay, block emission,
 * coinbase with epochs, moving prices), then each extrinsic in order. Each extrinsic is applied to its
 * own draft on top of the state so far, so a rejected one changes nothing.
 */

import type { EpochFunction } from '../epoch/types.ts';
import type { Rejection } from '../errors.ts';
import { dispatchMechanism } from '../mechanisms/hooks.ts';
import { Draft } from '../state/draft.ts';
import type { ChainState } from '../state/types.ts';
import { addStake, addStakeLimit } from './calls/addStake.ts';
import { addStakeBurn } from './calls/addStakeBurn.ts';
import { burnedRegister } from './calls/burnedRegister.ts';
import { claimRoot } from './calls/claimRoot.ts';
import { moveStake } from './calls/moveStake.ts';
import { burnAlpha, recycleAlpha } from './calls/recycleAlpha.ts';
import { registerNetwork } from './calls/registerNetwork.ts';
import { removeStake, removeStakeLimit } from './calls/removeStake.ts';
import { setChildren } from './calls/setChildren.ts';
import { setWeights } from './calls/setWeights.ts';
import { startCall } from './calls/startCall.ts';
import { sudoSetEmissionEnabled, sudoSetTaoWeight } from './calls/sudo.ts';
import { decreaseTake, increaseTake } from './calls/take.ts';
import { transfer } from './calls/transfer.ts';
import { type CallContext, phase, type Span } from './context.ts';
import type { ChainEvent } from './events.ts';
import type { Extrinsic } from './extrinsics.ts';
import { onInitialize } from './onInitialize.ts';

/** Outcome of one extrinsic. */
export type Receipt =
  | {
      readonly index: number;
      readonly call: Extrinsic['call'];
      readonly ok: true;
      readonly events: readonly ChainEvent[];
    }
  | {
      readonly index: number;
      readonly call: Extrinsic['call'];
      readonly ok: false;
      readonly error: Rejection;
    };

/** The result of a block. */
export interface BlockResult {
  readonly state: ChainState;
  /** Events of `on_initialize` followed by those of the applied extrinsics. */
  readonly events: readonly ChainEvent[];
  readonly receipts: readonly Receipt[];
}

/** Options of a block step. */
export interface BlockOptions {
  /** The epoch implementation the coinbase calls at each subnet's tempo. */
  readonly epoch: EpochFunction;
  /** Optional profiler of the block's phases (see `Span`). */
  readonly span?: Span;
}

function dispatch(ctx: CallContext, ext: Extrinsic): Rejection | null {
  switch (ext.call) {
    case 'transfer':
      return transfer(ctx, ext);
    case 'add_stake':
      return addStake(ctx, ext);
    case 'add_stake_limit':
      return addStakeLimit(ctx, ext);
    case 'remove_stake':
      return removeStake(ctx, ext);
    case 'remove_stake_limit':
      return removeStakeLimit(ctx, ext);
    case 'move_stake':
      return moveStake(ctx, ext);
    case 'register_network':
      return registerNetwork(ctx, ext);
    case 'start_call':
      return startCall(ctx, ext);
    case 'burned_register':
      return burnedRegister(ctx, ext);
    case 'set_weights':
      return setWeights(ctx, ext);
    case 'recycle_alpha':
      return recycleAlpha(ctx, ext);
    case 'burn_alpha':
      return burnAlpha(ctx, ext);
    case 'add_stake_burn':
      return addStakeBurn(ctx, ext);
    case 'set_children':
      return setChildren(ctx, ext);
    case 'claim_root':
      return claimRoot(ctx, ext);
    case 'decrease_take':
      return decreaseTake(ctx, ext);
    case 'increase_take':
      return increaseTake(ctx, ext);
    case 'sudo_set_emission_enabled':
      return sudoSetEmissionEnabled(ctx, ext);
    case 'sudo_set_tao_weight':
      return sudoSetTaoWeight(ctx, ext);
    default:
      return dispatchMechanism(ctx, ext);
  }
}

/** Apply one extrinsic to a state (outside a block's `on_initialize`), atomically. */
export function applyExtrinsic(
  state: ChainState,
  ext: Extrinsic,
): { state: ChainState; events: ChainEvent[]; error: Rejection | null } {
  const draft = new Draft(state);
  const events: ChainEvent[] = [];
  const error = dispatch({ draft, events }, ext);
  return error === null ? { state: draft.finish(), events, error } : { state, events: [], error };
}

/**
 * Produce the next block.
 * @example const { state, receipts } = applyBlock(genesis, [{ call: 'transfer', signer: 'a', dest: 'b', amount: 1n }], { epoch })
 */
export function applyBlock(
  state: ChainState,
  extrinsics: readonly Extrinsic[],
  options: BlockOptions,
): BlockResult {
  const init = new Draft(state);
  init.block = state.block + 1;
  const events: ChainEvent[] = [];
  const ctx =
    options.span === undefined ? { draft: init, events } : { draft: init, events, span: options.span };
  onInitialize(ctx, options.epoch);
  let current = init.finish();
  const receipts: Receipt[] = [];
  extrinsics.forEach((ext, index) => {
    const r = phase(options, 'extrinsics', () => applyExtrinsic(current, ext));
    if (r.error === null) {
      current = r.state;
      events.push(...r.events);
      receipts.push({ index, call: ext.call, ok: true, events: r.events });
    } else {
      receipts.push({ index, call: ext.call, ok: false, error: r.error });
    }
  });
  return { state: current, events, receipts };
}
