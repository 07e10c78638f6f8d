/**
 * Intents applied at the start of a step, in order, before its coinbase (the chain's extrinsics of the
 * block before). Each is clamped to what is available: alpha to the holder's holdings, root unstakes to
 * the root stake, swap inputs to 1000 × the input reserve (and none when the output reserve is below
 * the chain's minimum), TAO spent to what users hold (`external`; it is not tracked per class).
 * Swap fees are paid to the block author, a user (`external`), except the neuron-registration fee, which
 * stays in the subnet account; an unstake's alpha fee is sold for the author in the same pool.
 */

import {
  BATCH_BUYBACK,
  BATCH_OWNER_MINING,
  BATCH_STAKE,
  BATCH_UNSTAKE,
  type IntentBatch,
} from './intentBatch.ts';
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
  holderColumnOf,
  type KernelIntent,
  type KernelParams,
  type KernelState,
} from './types.ts';

/** Results of the intents of one step (arrays aligned with the intents). */
export interface IntentResults {
  readonly filled: number[] | Float64Array;
  readonly proceeds: number[] | Float64Array;
  readonly received: number[] | Float64Array;
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
  /**
   * The amount of the intent being applied, and what it filled. The hot intents pass these through the
   * context rather than as arguments and results: a float crossing a call that is not inlined is boxed.
   */
  amount: number;
  filled: number;
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

/** Apply the intents of `batch` in order (the same rules as {@link applyIntents}); results go to `ctx.results`. */
export function applyIntentBatch(ctx: IntentContext, batch: IntentBatch): void {
  const { scratch } = ctx;
  scratch.ownerDetected.fill(0);
  scratch.ownerUndetected.fill(0);
  const { kind, slot, amount, holder } = batch;
  for (let k = 0; k < batch.length; k++) {
    ctx.proceeds = 0;
    ctx.received = 0;
    ctx.amount = amount[k]!;
    ctx.filled = 0;
    switch (kind[k]) {
      case BATCH_STAKE:
        buyIntent(ctx, 'stake', slot[k]!, holder[k]!);
        break;
      case BATCH_UNSTAKE:
        unstake(ctx, slot[k]!, holder[k]!);
        break;
      case BATCH_BUYBACK:
        buyIntent(ctx, 'buyback', slot[k]!, -1);
        break;
      case BATCH_OWNER_MINING:
        ctx.filled = ownerMining(ctx, slot[k]!, amount[k]!, batch.second[k]!);
        break;
      default:
        ctx.filled = applyIntent(ctx, batch.objects[k]!);
    }
    // The batch's own columns (the step's results view them): typed stores, no boxing.
    batch.filled[k] = ctx.filled;
    batch.proceeds[k] = ctx.proceeds;
    batch.received[k] = ctx.received;
  }
}

const ROOT_INDEX = HOLDER_INDEX.root;
const isSlot = (ctx: IntentContext, slot: number) =>
  Number.isInteger(slot) && slot >= 0 && slot < ctx.params.slots && ctx.state.columns.active[slot] === 1;
const positive = (x: number) => Number.isFinite(x) && x > 0;
const isHolder = (holder: unknown): holder is HolderClass => holderColumnOf(holder) >= 0;

function applyIntent(ctx: IntentContext, intent: KernelIntent): number {
  const { state } = ctx;
  const c = state.columns;
  switch (intent.kind) {
    case 'stake': {
      const h = holderColumnOf(intent.holder);
      if (h < 0) return 0;
      ctx.amount = intent.tao;
      buyIntent(ctx, 'stake', intent.slot, h);
      return ctx.filled;
    }
    case 'buyback':
    case 'burnRegister':
      ctx.amount = intent.tao;
      buyIntent(ctx, intent.kind, intent.slot, -1);
      return ctx.filled;
    case 'unstake': {
      const h = holderColumnOf(intent.holder);
      if (h < 0) return 0;
      ctx.amount = intent.alpha;
      unstake(ctx, intent.slot, h);
      return ctx.filled;
    }
    case 'destroyAlpha': {
      if (!isSlot(ctx, intent.slot) || !positive(intent.alpha) || !isHolder(intent.holder)) return 0;
      const i = intent.slot;
      const h = holderColumnOf(intent.holder) * ctx.params.slots + i;
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
    case 'ownerMining':
      return ownerMining(ctx, intent.slot, intent.detected, intent.undetected);
    case 'covenantBond':
    case 'covenantAttest':
    case 'covenantPay':
    case 'forfeitVesting':
    case 'buyCredits':
    case 'redeemCredits':
    case 'usagePayment':
    case 'computeJob': {
      if (!isSlot(ctx, intent.slot)) return 0;
      return applyMechanismIntent(state, ctx.params, intent, (order) => {
        ctx.amount = order.tao;
        return buyIntoPool(ctx, order.slot) ? { ...lastBuy } : null;
      });
    }
  }
}

/**
 * A stake (alpha to holder column `h`), a buyback (alpha burned) or a neuron registration (alpha destroyed,
 * fee kept by the subnet) for `ctx.amount` TAO; sets `ctx.filled` to the gross TAO filled.
 */
function buyIntent(
  ctx: IntentContext,
  kind: 'stake' | 'buyback' | 'burnRegister',
  i: number,
  h: number,
): void {
  ctx.filled = 0;
  if (!isSlot(ctx, i) || !positive(ctx.amount)) return;
  if (!buyIntoPool(ctx, i)) return;
  const { state } = ctx;
  const c = state.columns;
  const buy = lastBuy;
  if (kind === 'burnRegister') {
    c.alphaOut[i]! -= buy.alpha; // the registration's alpha is destroyed
    c.accountTao[i]! += buy.fee; // and its fee stays in the subnet account
    state.external -= buy.fee;
    c.burnedValueTao[i]! += buy.net;
  } else if (kind === 'buyback') {
    c.burnedAlpha[i]! += buy.alpha;
    c.burnedValueTao[i]! += buy.net;
  } else {
    c.holdings[h * ctx.params.slots + i]! += buy.alpha;
    c.userStakeTao[i]! += buy.gross;
    ctx.received = buy.alpha;
  }
  ctx.filled = buy.gross;
}

/** Owner mining's shares of slot `i` for this step, clamped to [0, 1] and to a sum of at most 1. */
function ownerMining(ctx: IntentContext, i: number, detectedShare: number, undetectedShare: number): number {
  if (!isSlot(ctx, i)) return 0;
  const detected = Math.min(Math.max(Number.isFinite(detectedShare) ? detectedShare : 0, 0), 1);
  const undetected = Math.min(
    Math.max(Number.isFinite(undetectedShare) ? undetectedShare : 0, 0),
    1 - detected,
  );
  ctx.scratch.ownerDetected[i] = detected;
  ctx.scratch.ownerUndetected[i] = undetected;
  return 1;
}

/** The last buy's amounts (scratch: overwritten by the next buy). */
const lastBuy = { gross: 0, net: 0, fee: 0, alpha: 0 };

/**
 * A buy with fee for `ctx.amount` gross TAO (clamped); reserves and AlphaOut move, the payer's TAO leaves
 * `external`. False when nothing was bought; else the amounts are in {@link lastBuy}.
 */
function buyIntoPool(ctx: IntentContext, slot: number): boolean {
  const { state, params } = ctx;
  const tao = ctx.amount;
  const c = state.columns;
  if (c.alphaIn[slot]! < MIN_RESERVE_TAO) return false;
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
  if (!(alpha > 0) || !(alpha < c.alphaIn[slot]!)) return false;
  c.taoReserve[slot]! += net;
  c.alphaIn[slot]! -= alpha;
  c.alphaOut[slot]! += alpha;
  state.external -= net; // the fee goes to the block author, a user
  lastBuy.gross = gross;
  lastBuy.net = net;
  lastBuy.fee = fee;
  lastBuy.alpha = alpha;
  return true;
}

/** Sell `ctx.amount` alpha of holder column `column` on slot `i`; sets `ctx.filled` to the alpha sold. */
function unstake(ctx: IntentContext, i: number, column: number): void {
  ctx.filled = 0;
  if (!isSlot(ctx, i) || !positive(ctx.amount)) return;
  const { state, params } = ctx;
  const c = state.columns;
  const h = column * params.slots + i;
  if (c.taoReserve[i]! < MIN_RESERVE_TAO) return;
  let gross = Math.min(ctx.amount, c.holdings[h]!);
  let net = gross - swapFeeTao(gross, params.feeRate);
  const maxNet = MAX_INPUT_MULTIPLE * c.alphaIn[i]!;
  if (net > maxNet) {
    net = maxNet;
    gross = Math.min(net / (1 - params.feeRate), c.holdings[h]!);
  }
  const proceeds = sellAlphaTaoAt(c, i, net);
  // The fee's alpha is sold fee-free for the author in the same pool: together, a sale of the gross.
  const out = Math.max(proceeds, sellAlphaTaoAt(c, i, gross));
  if (!(proceeds > 0) || !(out < c.taoReserve[i]!)) return;
  c.taoReserve[i]! -= out;
  c.alphaIn[i]! += gross;
  c.alphaOut[i]! -= gross;
  c.holdings[h]! -= gross;
  c.userUnstakeTao[i]! += proceeds;
  if (column === ROOT_INDEX) c.rootUnstakeTao[i]! += proceeds;
  state.external += out;
  ctx.proceeds = proceeds;
  ctx.filled = gross;
}
