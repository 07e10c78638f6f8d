/**
 * Intents applied at the start of a step, in order, before its coinbase (the chain's extrinsics of the
 * block before). Each is clamped to what is available: alpha to the holder's holdings, root unstakes to
 * the root stake, swap inputs to 1000 × the input reserve (and none when the output reserve is below
 * the chain's minimum), TAO spent to what users hold (`external`; it is not tracked per class).
 * Swap fees are paid to the block author, a user (`external`), except the neuron-registration fee, which
 * stays in the subnet account; an unstake's alpha fee is sold for the author in the same pool.
 */

import type { KernelScratch } from './kernelScratch.ts';
import { applyMechanismIntent } from './mechanismsF64.ts';
import {
  buyAlphaTao,
  MAX_INPUT_MULTIPLE,
  MIN_RESERVE_TAO,
  poolAt,
  sellAlphaTaoAt,
  spotAt,
  swapFeeTao,
} from './poolSwapTao.ts';
import { registerSubnet } from './registerSubnet.ts';
import {
  HOLDER_CLASSES,
  HOLDER_INDEX,
  type HolderClass,
  type KernelIntent,
  type KernelParams,
  type KernelState,
} from './types.ts';

/** Results of the intents of one step (arrays aligned with the intents). */
export interface IntentResults {
  readonly filled: number[];
  readonly proceeds: number[];
  readonly received: number[];
  readonly registered: number[];
  readonly pruned: number[];
  /** TAO paid to each holder class by dissolutions (null when none happened). */
  dissolutionTao: number[] | null;
}

/** Everything an intent reads and writes. */
export interface IntentContext {
  readonly state: KernelState;
  readonly params: KernelParams;
  readonly scratch: KernelScratch;
  readonly results: IntentResults;
  /** Set by the intent being applied: TAO paid out (unstake) and alpha received (stake). */
  proceeds: number;
  received: number;
}

/** Apply `intents` in order; results go to `ctx.results`. */
export function applyIntents(ctx: IntentContext, intents: readonly KernelIntent[]): void {
  const { scratch, results } = ctx;
  scratch.ownerDetected.fill(0);
  scratch.ownerUndetected.fill(0);
  for (let k = 0; k < intents.length; k++) {
    ctx.proceeds = 0;
    ctx.received = 0;
    results.filled[k] = applyIntent(ctx, intents[k]!);
    results.proceeds[k] = ctx.proceeds;
    results.received[k] = ctx.received;
  }
}

const ROOT_INDEX = HOLDER_INDEX.root;
const isSlot = (ctx: IntentContext, slot: number) =>
  Number.isInteger(slot) && slot >= 0 && slot < ctx.params.slots && ctx.state.columns.active[slot] === 1;
const positive = (x: number) => Number.isFinite(x) && x > 0;
/** Column of a holder class in `holdings` ({@link HOLDER_INDEX}), -1 for anything else. */
function holderColumn(holder: unknown): number {
  switch (holder) {
    case 'staker':
      return HOLDER_INDEX.staker;
    case 'owner':
      return HOLDER_INDEX.owner;
    case 'miner':
      return HOLDER_INDEX.miner;
    case 'speculator':
      return HOLDER_INDEX.speculator;
    case 'root':
      return HOLDER_INDEX.root;
    default:
      return -1;
  }
}
const isHolder = (holder: unknown): holder is HolderClass => holderColumn(holder) >= 0;
/** Index of a holder's alpha on a slot in `holdings`. */
const holdingIndex = (ctx: IntentContext, at: { readonly slot: number; readonly holder: HolderClass }) =>
  holderColumn(at.holder) * ctx.params.slots + at.slot;

function applyIntent(ctx: IntentContext, intent: KernelIntent): number {
  const { state } = ctx;
  const c = state.columns;
  switch (intent.kind) {
    case 'stake':
    case 'buyback':
    case 'burnRegister': {
      if (!isSlot(ctx, intent.slot) || !positive(intent.tao)) return 0;
      if (intent.kind === 'stake' && !isHolder(intent.holder)) return 0;
      const buy = buyIntoPool(ctx, intent);
      if (buy === null) return 0;
      const i = intent.slot;
      if (intent.kind === 'burnRegister') {
        c.alphaOut[i]! -= buy.alpha; // the registration's alpha is destroyed
        c.accountTao[i]! += buy.fee; // and its fee stays in the subnet account
        state.external -= buy.fee;
        c.burnedValueTao[i]! += buy.net;
      } else if (intent.kind === 'buyback') {
        c.burnedAlpha[i]! += buy.alpha;
        c.burnedValueTao[i]! += buy.net;
      } else {
        c.holdings[holdingIndex(ctx, intent)]! += buy.alpha;
        c.userStakeTao[i]! += buy.gross;
        ctx.received = buy.alpha;
      }
      return buy.gross;
    }
    case 'unstake': {
      if (!isSlot(ctx, intent.slot) || !positive(intent.alpha) || !isHolder(intent.holder)) return 0;
      return unstake(ctx, intent);
    }
    case 'destroyAlpha': {
      if (!isSlot(ctx, intent.slot) || !positive(intent.alpha) || !isHolder(intent.holder)) return 0;
      const i = intent.slot;
      const h = holdingIndex(ctx, intent);
      const alpha = Math.min(intent.alpha, c.holdings[h]!);
      if (!(alpha > 0)) return 0;
      c.holdings[h]! -= alpha;
      if (intent.mode === 'burn') c.burnedAlpha[i]! += alpha;
      else c.alphaOut[i]! -= alpha; // recycle lowers the issuance
      c.burnedValueTao[i]! += alpha * spotAt(c, i);
      return alpha;
    }
    case 'rootStake': {
      if (!positive(intent.tao)) return 0;
      const tao = Math.min(intent.tao, Math.max(0, state.external));
      state.rootStake += tao;
      state.external -= tao;
      return tao;
    }
    case 'rootUnstake': {
      if (!positive(intent.tao)) return 0;
      const tao = Math.min(intent.tao, state.rootStake);
      state.rootStake -= tao;
      state.external += tao;
      return tao;
    }
    case 'register': {
      const r = registerSubnet({ state, params: ctx.params, startImmediately: intent.startImmediately });
      if (r.slot === null) return 0;
      ctx.results.registered.push(r.slot);
      if (r.pruned !== null) ctx.results.pruned.push(r.pruned);
      if (r.dissolution !== null) {
        const total = ctx.results.dissolutionTao ?? HOLDER_CLASSES.map(() => 0);
        r.dissolution.forEach((v, j) => {
          total[j]! += v;
        });
        ctx.results.dissolutionTao = total;
      }
      return r.lock;
    }
    case 'startCall': {
      if (!isSlot(ctx, intent.slot) || Number.isFinite(c.startBlock[intent.slot]!)) return 0;
      c.startBlock[intent.slot] = state.block;
      return 1;
    }
    case 'setEmissionEnabled': {
      if (!isSlot(ctx, intent.slot)) return 0;
      c.emissionEnabled[intent.slot] = intent.enabled ? 1 : 0;
      return 1;
    }
    case 'ownerMining': {
      if (!isSlot(ctx, intent.slot)) return 0;
      const detected = Math.min(Math.max(Number.isFinite(intent.detected) ? intent.detected : 0, 0), 1);
      const undetected = Math.min(
        Math.max(Number.isFinite(intent.undetected) ? intent.undetected : 0, 0),
        1 - detected,
      );
      ctx.scratch.ownerDetected[intent.slot] = detected;
      ctx.scratch.ownerUndetected[intent.slot] = undetected;
      return 1;
    }
    case 'covenantBond':
    case 'covenantAttest':
    case 'covenantPay':
    case 'forfeitVesting':
    case 'buyCredits':
    case 'redeemCredits':
    case 'usagePayment':
    case 'computeJob': {
      if (!isSlot(ctx, intent.slot)) return 0;
      return applyMechanismIntent(state, ctx.params, intent, (order) => buyIntoPool(ctx, order));
    }
  }
}

/** A buy with fee for `tao` gross TAO (clamped); reserves and AlphaOut move, the payer's TAO leaves `external`. */
function buyIntoPool(
  ctx: IntentContext,
  order: { readonly slot: number; readonly tao: number },
): { gross: number; net: number; fee: number; alpha: number } | null {
  const { state, params } = ctx;
  const { slot, tao } = order;
  const c = state.columns;
  if (c.alphaIn[slot]! < MIN_RESERVE_TAO) return null;
  let gross = Math.min(tao, Math.max(0, state.external)); // users cannot spend more TAO than they hold
  let fee = swapFeeTao(gross, params.feeRate);
  let net = gross - fee;
  const maxNet = MAX_INPUT_MULTIPLE * c.taoReserve[slot]!;
  if (net > maxNet) {
    net = maxNet;
    gross = net / (1 - params.feeRate);
    fee = gross - net;
  }
  const alpha = buyAlphaTao(poolAt(c, slot), net);
  if (!(alpha > 0) || !(alpha < c.alphaIn[slot]!)) return null;
  c.taoReserve[slot]! += net;
  c.alphaIn[slot]! -= alpha;
  c.alphaOut[slot]! += alpha;
  state.external -= net; // the fee goes to the block author, a user
  return { gross, net, fee, alpha };
}

function unstake(ctx: IntentContext, intent: KernelIntent & { kind: 'unstake' }): number {
  const { state, params } = ctx;
  const c = state.columns;
  const i = intent.slot;
  const h = holdingIndex(ctx, intent);
  if (c.taoReserve[i]! < MIN_RESERVE_TAO) return 0;
  let gross = Math.min(intent.alpha, c.holdings[h]!);
  let net = gross - swapFeeTao(gross, params.feeRate);
  const maxNet = MAX_INPUT_MULTIPLE * c.alphaIn[i]!;
  if (net > maxNet) {
    net = maxNet;
    gross = Math.min(net / (1 - params.feeRate), c.holdings[h]!);
  }
  const proceeds = sellAlphaTaoAt(c, i, net);
  // The fee's alpha is sold fee-free for the author in the same pool: together, a sale of the gross.
  const out = Math.max(proceeds, sellAlphaTaoAt(c, i, gross));
  if (!(proceeds > 0) || !(out < c.taoReserve[i]!)) return 0;
  c.taoReserve[i]! -= out;
  c.alphaIn[i]! += gross;
  c.alphaOut[i]! -= gross;
  c.holdings[h]! -= gross;
  c.userUnstakeTao[i]! += proceeds;
  if (h === ROOT_INDEX * ctx.params.slots + i) c.rootUnstakeTao[i]! += proceeds;
  state.external += out;
  ctx.proceeds = proceeds;
  return gross;
}
