/**
 * One block of the chain (spec §2): `on_initialize` (registration price decay, block emission,
 * coinbase with epochs, moving prices), then each extrinsic in order. Each extrinsic is applied to its
 * own draft on top of the state so far, so a rejected one changes nothing. The epoch and the add-on, if
 * any, come in through the options.
 */

import type { EpochFunction } from '../epoch/types.ts';
import type { Rejection } from '../errors.ts';
import { Draft } from '../state/draft.ts';
import type { ChainState } from '../state/types.ts';
import { type ChainAddOn, checkAddOn } from './addOn.ts';
import { addStake, addStakeLimit } from './calls/addStake.ts';
import { addStakeBurn } from './calls/addStakeBurn.ts';
import { burnedRegister } from './calls/burnedRegister.ts';
import { claimRoot } from './calls/claimRoot.ts';
import { commitWeights } from './calls/commitWeights.ts';
import { moveStake } from './calls/moveStake.ts';
import { burnAlpha, recycleAlpha } from './calls/recycleAlpha.ts';
import { registerNetwork } from './calls/registerNetwork.ts';
import { removeStake, removeStakeLimit } from './calls/removeStake.ts';
import { revealWeights } from './calls/revealWeights.ts';
import { serveAxon } from './calls/serveAxon.ts';
import { setChildren } from './calls/setChildren.ts';
import { setWeights } from './calls/setWeights.ts';
import { startCall } from './calls/startCall.ts';
import { sudoSetEmissionEnabled, sudoSetTaoWeight } from './calls/sudo.ts';
import { sudoSetHyperparameter } from './calls/sudoSetHyperparameter.ts';
import { decreaseTake, increaseTake } from './calls/take.ts';
import { transfer } from './calls/transfer.ts';
import type { ChainRejectionCode } from './chainRejectionCodes.ts';
import { type CallContext, phase, rejection, type Span } from './context.ts';
import type { AddOnEvent, ChainEvent } from './events.ts';
import { type AddOnCall, type CoreExtrinsic, type Extrinsic, isCoreExtrinsic } from './extrinsics.ts';
import { onInitialize } from './onInitialize.ts';

/** Outcome of one extrinsic (with an add-on's calls `X`, events `E` and rejection codes `C`). */
export type Receipt<X extends AddOnCall = never, E extends AddOnEvent = never, C extends string = never> =
  | {
      readonly index: number;
      readonly call: Extrinsic<X>['call'];
      readonly ok: true;
      readonly events: readonly ChainEvent<E>[];
    }
  | {
      readonly index: number;
      readonly call: Extrinsic<X>['call'];
      readonly ok: false;
      /** Switch over `error.code`: the chain's codes and the add-on's. */
      readonly error: Rejection<ChainRejectionCode | C>;
    };

/** The result of a block. */
export interface BlockResult<
  X extends AddOnCall = never,
  E extends AddOnEvent = never,
  C extends string = never,
> {
  readonly state: ChainState;
  /** Events of `on_initialize` followed by those of the applied extrinsics. */
  readonly events: readonly ChainEvent<E>[];
  readonly receipts: readonly Receipt<X, E, C>[];
}

/** The add-on part of a block's options: the add-on whose data the state carries, if any. */
export interface AddOnOptions<
  X extends AddOnCall = never,
  E extends AddOnEvent = never,
  C extends string = never,
> {
  /**
   * The chain's add-on (e.g. `mechanismsAddOn`): its calls, hooks and data. Required when the state
   * carries its data (`ChainState.addOn`); a block without it is refused (`AddOnMissingError`).
   */
  readonly addOn?: ChainAddOn<X, E, C>;
}

/** Options of a block step. */
export interface BlockOptions<
  X extends AddOnCall = never,
  E extends AddOnEvent = never,
  C extends string = never,
> extends AddOnOptions<X, E, C> {
  /** The epoch implementation the coinbase calls at each subnet's tempo. */
  readonly epoch: EpochFunction;
  /** Optional profiler of the block's phases (see `Span`). */
  readonly span?: Span;
}

function dispatch(ctx: CallContext, ext: Extrinsic<AddOnCall>): Rejection | null {
  if (isCoreExtrinsic(ext)) return dispatchCore(ctx, ext);
  if (ctx.addOn?.calls.includes(ext.call)) return ctx.addOn.dispatch(ctx, ext);
  return rejection(
    'UnknownCall',
    'call',
    ctx.addOn === undefined
      ? `'${ext.call}' is no call of the chain (an add-on's call needs the add-on in the block options)`
      : `'${ext.call}' is no call of the chain or of the add-on '${ctx.addOn.name}'`,
  );
}

function dispatchCore(ctx: CallContext, ext: CoreExtrinsic): Rejection | null {
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
    case 'serve_axon':
      return serveAxon(ctx, ext);
    case 'commit_weights':
      return commitWeights(ctx, ext);
    case 'reveal_weights':
      return revealWeights(ctx, ext);
    case 'sudo_set_hyperparameter':
      return sudoSetHyperparameter(ctx, ext);
  }
}

function applyChecked(
  state: ChainState,
  ext: Extrinsic<AddOnCall>,
  addOn: ChainAddOn | undefined,
): { state: ChainState; events: ChainEvent<AddOnEvent>[]; error: Rejection | null } {
  const draft = new Draft(state);
  const events: ChainEvent<AddOnEvent>[] = [];
  const error = dispatch(addOn === undefined ? { draft, events } : { draft, events, addOn }, ext);
  return error === null ? { state: draft.finish(), events, error } : { state, events: [], error };
}

/**
 * Apply one extrinsic to a state (outside a block's `on_initialize`), atomically. Throws
 * `AddOnMissingError` when the state carries an add-on's data and `options.addOn` is not that add-on.
 */
export function applyExtrinsic<
  X extends AddOnCall = never,
  E extends AddOnEvent = never,
  C extends string = never,
>(
  state: ChainState,
  ext: Extrinsic<NoInfer<X>>,
  options: AddOnOptions<X, E, C> = {},
): { state: ChainState; events: ChainEvent<E>[]; error: Rejection<ChainRejectionCode | C> | null } {
  checkAddOn(state, options.addOn);
  return applyChecked(state, ext, options.addOn) as {
    state: ChainState;
    events: ChainEvent<E>[];
    error: Rejection<ChainRejectionCode | C> | null;
  };
}

/**
 * Produce the next block. Throws `AddOnMissingError` when the state carries an add-on's data and
 * `options.addOn` is not that add-on (a block never silently skips an add-on's steps).
 * @example const { state, receipts } = applyBlock(genesis, [{ call: 'transfer', signer: 'a', dest: 'b', amount: 1n }], { epoch })
 */
export function applyBlock<
  X extends AddOnCall = never,
  E extends AddOnEvent = never,
  C extends string = never,
>(
  state: ChainState,
  extrinsics: readonly Extrinsic<NoInfer<X>>[],
  options: BlockOptions<X, E, C>,
): BlockResult<X, E, C> {
  const addOn = options.addOn as ChainAddOn | undefined;
  checkAddOn(state, addOn);
  const init = new Draft(state);
  init.block = state.block + 1;
  const events: ChainEvent<AddOnEvent>[] = [];
  const ctx: CallContext = {
    draft: init,
    events,
    ...(options.span === undefined ? {} : { span: options.span }),
    ...(addOn === undefined ? {} : { addOn }),
  };
  onInitialize(ctx, options.epoch);
  let current = init.finish();
  const receipts: Receipt<AddOnCall, AddOnEvent, string>[] = [];
  extrinsics.forEach((ext, index) => {
    const r = phase(options, 'extrinsics', () => applyChecked(current, ext, addOn));
    if (r.error === null) {
      current = r.state;
      events.push(...r.events);
      receipts.push({ index, call: ext.call, ok: true, events: r.events });
    } else {
      receipts.push({ index, call: ext.call, ok: false, error: r.error });
    }
  });
  // The add-on's events, calls and codes are those of `E`, `X` and `C` (it typed them when it made them).
  return { state: current, events, receipts } as unknown as BlockResult<X, E, C>;
}
