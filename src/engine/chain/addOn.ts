/**
 * The seam through which an add-on (such as the binding mechanisms) joins the chain, as the epoch
 * does: one value passed in the block options. The core calls its hooks at fixed points of a block and
 * keeps its state as opaque data in `ChainState.addOn`; it never imports the add-on itself.
 */

import type { Rejection } from '../errors.ts';
import { TensormarketError } from '../errors.ts';
import type { Draft } from '../state/draft.ts';
import type { AddOnState, ChainState } from '../state/types.ts';
import type { NetUid } from '../types.ts';
import type { AddOnContext } from './context.ts';
import type { AddOnEvent } from './events.ts';
import type { AddOnCall } from './extrinsics.ts';

/**
 * An add-on of the chain, with calls `X`, events `E` and rejection codes `C`. Every hook returns at once when the state
 * carries no data of the add-on (its genesis switched nothing on).
 * @example applyBlock(state, extrinsics, { epoch: yumaEpoch, addOn: mechanismsAddOn })
 */
export interface ChainAddOn<
  X extends AddOnCall = AddOnCall,
  E extends AddOnEvent = AddOnEvent,
  C extends string = string,
> {
  /** Names the add-on's data in `ChainState.addOn`; a state and an add-on must agree on it. */
  readonly name: string;
  /** The call names the add-on handles. */
  readonly calls: readonly X['call'][];
  /** Apply one of its calls (a rejection leaves the draft to be dropped). */
  dispatch(ctx: AddOnContext<E>, ext: X): Rejection<C> | null;
  /** Block step after the coinbase and the epochs it ran. */
  afterCoinbase(ctx: AddOnContext<E>): void;
  /** Adjust the pack's TAO emission shares (U96F32 raw bits aligned with `ids`). */
  adjustShares(draft: Draft, ids: readonly NetUid[], taoEmission: readonly bigint[]): bigint[];
  /** At a subnet's epoch: take what it keeps of the owner cut (alpha); returns the part paid out now. */
  ownerCut(ctx: AddOnContext<E>, id: NetUid, ownerCut: bigint): bigint;
  /** Before a dissolved subnet's pool is paid out. */
  onDissolve(ctx: AddOnContext<E>, id: NetUid): void;
  /** TAO the add-on holds outside balances and pools, in rao (counted by the supply identity). */
  taoHeld(state: ChainState): bigint;
  /** Alpha of subnet `id` the add-on holds (counted among the subnet's AlphaOut holders). */
  alphaHeld(state: ChainState, id: NetUid): bigint;
  /** The add-on's own identities, as violations (empty when they hold). */
  problems(state: ChainState): string[];
}

/** A state carries add-on data that the caller did not pass the add-on for (or passed another one). */
export class AddOnMissingError extends TensormarketError {
  constructor(expected: string, given: string | undefined) {
    super(
      'ADD_ON_MISSING',
      given === undefined
        ? `the state carries data of the add-on '${expected}': pass it in the options (\`addOn\`)`
        : `the state carries data of the add-on '${expected}' but the options' \`addOn\` is '${given}'`,
      { details: { expected, given } },
    );
  }
}

/** Throw unless `addOn` is the add-on whose data the state carries (any add-on fits a plain state). */
export function checkAddOn(state: { readonly addOn?: AddOnState }, addOn: ChainAddOn | undefined): void {
  if (state.addOn === undefined || state.addOn.name === addOn?.name) return;
  throw new AddOnMissingError(state.addOn.name, addOn?.name);
}
