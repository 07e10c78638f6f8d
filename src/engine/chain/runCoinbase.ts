/**
 * The coinbase of rule pack `price-2026-06` (spec §4): split the block's TAO across subnets by EMA
 * price, inject liquidity at the current price and chain-buy with what cannot be injected, mint each
 * subnet's alpha emission into owner / miner / validator / root pending amounts, run the epochs that
 * are due (at most `maxEpochsPerBlock`), and update the moving prices.
 */

import { scheduleEpochs } from '../coinbase/epochSchedule.ts';
import { movingAlphaPrice, updateMovingPrice } from '../coinbase/movingPrice.ts';
import { ownerCutFraction, pendingSplit } from '../coinbase/pendingSplit.ts';
import { rootProportion, taoWeight } from '../coinbase/rootProportion.ts';
import { rootSellFlag, subnetTaoEmissions } from '../coinbase/shares.ts';
import { type SubnetTerms, subnetTerms } from '../coinbase/subnetTerms.ts';
import type { EpochFunction } from '../epoch/types.ts';
import { type I96F32, toU64, U96F32 } from '../fixed/index.ts';
import type { SubnetState } from '../state/types.ts';
import { type NetUid, ROOT_NETUID } from '../types.ts';
import { type CallContext, phase } from './context.ts';
import { distributeEmission } from './distributeEmission.ts';
import { buyAlpha, injectLiquidityWeight, spotPrice } from './poolOps.ts';

/** `get_subnets_to_emit_to`: started, trading, registration allowed (spec §4.1). */
export function subnetsToEmitTo(subnets: readonly SubnetState[]): SubnetState[] {
  return subnets.filter(
    (s) =>
      s.netuid !== ROOT_NETUID && s.firstEmissionBlock !== null && s.subtokenEnabled && s.registrationAllowed,
  );
}

const alphaIssuance = (s: SubnetState) => s.alphaIn + s.alphaOut;

/** Run the coinbase with `credit` rao just minted; returns the rao recycled at the end. */
export function runCoinbase(ctx: CallContext, credit: bigint, epoch: EpochFunction): bigint {
  const { draft } = ctx;
  const tw = taoWeight(draft.taoWeight);
  const emitting = subnetsToEmitTo(draft.netuids().map((id) => draft.read(id)));
  const moving = emitting.map((s) =>
    movingAlphaPrice({ mechanism: s.mechanism, stored: s.movingPrice as I96F32 }),
  );
  const taoEmission = subnetTaoEmissions({
    blockEmission: credit,
    subnets: emitting.map((s, i) => ({
      movingPrice: moving[i]!,
      minerBurned: s.minerBurned,
      emissionEnabled: s.emissionEnabled,
    })),
  });
  const rootSell = rootSellFlag(moving);
  const rootTaoBefore = draft.read(ROOT_NETUID).taoReserve;

  // Terms for every subnet before anything is minted (the cap uses the pre-block root proportion).
  const terms: SubnetTerms[] = phase(ctx, 'coinbase:shares', () =>
    emitting.map((s, i) =>
      subnetTerms({
        taoEmission: taoEmission[i]!,
        price: spotPrice(s),
        alphaIssuance: alphaIssuance(s),
        rootProportion: rootProportion({
          rootTao: rootTaoBefore,
          taoWeight: tw,
          alphaIssuance: alphaIssuance(s),
        }),
      }),
    ),
  );

  const remaining = phase(ctx, 'coinbase:inject', () => injectAndBuy(ctx, emitting, terms, credit));
  phase(ctx, 'coinbase:pending', () => accumulatePending(ctx, emitting, terms, rootSell));
  drainPending(ctx, epoch);
  phase(ctx, 'moving-price', () => updateMovingPrices(ctx, emitting));
  return remaining;
}

/** Inject liquidity and chain-buy with the excess TAO, per subnet in order (spec §4.7). */
function injectAndBuy(
  ctx: CallContext,
  emitting: readonly SubnetState[],
  terms: readonly SubnetTerms[],
  credit: bigint,
): bigint {
  const { draft } = ctx;
  let remaining = credit;
  emitting.forEach((s, i) => {
    const t = terms[i]!;
    let taoIn = toU64(U96F32, t.taoIn);
    let alphaIn = toU64(U96F32, t.alphaIn);
    const excess = toU64(U96F32, t.excessTao);
    if (!injectLiquidityWeight(draft, s.netuid, taoIn, alphaIn)) {
      taoIn = 0n; // refused: the TAO stays in the credit (recycled), the alpha is never minted
      alphaIn = 0n;
    }
    const w = draft.write(s.netuid);
    w.lastExcessTao = excess;
    w.lastTaoInEmission = taoIn;
    if (excess > 0n) {
      remaining -= excess;
      const bought = buyAlpha(draft, s.netuid, excess, {
        limitPrice: null,
        allowPartial: false,
        dropFees: true,
      });
      if (bought.ok) {
        draft.write(s.netuid).protocolAlpha += bought.value.alphaOut;
      } else {
        draft.write(s.netuid).accountTao += excess; // a failed chain buy strands its TAO (spec §4.7)
      }
    }
    const after = draft.write(s.netuid);
    after.alphaIn += alphaIn;
    if (taoIn > 0n) {
      remaining -= taoIn;
      after.taoReserve += taoIn;
      draft.totalStake += taoIn;
    }
  });
  return remaining;
}

/** Alpha out, owner cut, root alpha and pending amounts (spec §4.8). */
function accumulatePending(
  { draft }: CallContext,
  emitting: readonly SubnetState[],
  terms: readonly SubnetTerms[],
  rootSell: boolean,
): void {
  const tw = taoWeight(draft.taoWeight);
  const ownerCut = ownerCutFraction(draft.params.subnetOwnerCut);
  const rootTao = draft.read(ROOT_NETUID).taoReserve;
  emitting.forEach((s, i) => {
    const w = draft.write(s.netuid);
    const minted = toU64(U96F32, terms[i]!.alphaOut);
    w.alphaOut += minted;
    w.lastAlphaOutEmission = minted;
    const split = pendingSplit({
      alphaOut: terms[i]!.alphaOut,
      ownerCut,
      ownerCutEnabled: w.ownerCutEnabled,
      rootProportion: rootProportion({ rootTao, taoWeight: tw, alphaIssuance: w.alphaIn + w.alphaOut }),
      rootSell,
    });
    w.pendingOwnerCut += split.ownerCut;
    w.pendingServer += split.server;
    w.pendingValidator += split.validator;
    w.pendingRoot += split.rootAlpha;
    w.alphaOut -= split.recycled;
    w.unownedAlpha +=
      minted - split.ownerCut - split.server - split.validator - split.rootAlpha - split.recycled;
  });
}

/** Moving prices, after emission used the old ones (spec §4.3). */
function updateMovingPrices({ draft }: CallContext, emitting: readonly SubnetState[]): void {
  for (const s of emitting) {
    const w = draft.write(s.netuid);
    w.movingPrice = updateMovingPrice({
      block: draft.block,
      firstEmissionBlock: w.firstEmissionBlock,
      halvingBlocks: draft.params.emaPriceHalvingBlocks,
      movingAlpha: draft.params.movingAlpha as I96F32,
      spotPrice: spotPrice(w),
      movingPrice: movingAlphaPrice({ mechanism: w.mechanism, stored: w.movingPrice as I96F32 }),
    });
  }
}

/** Epoch scheduling with the per-block cap, then distribution for each subnet whose epoch runs (§4.9). */
function drainPending(ctx: CallContext, epoch: EpochFunction): void {
  const { draft, events } = ctx;
  const ids: NetUid[] = draft.netuids().filter((id) => id !== ROOT_NETUID);
  const decisions = scheduleEpochs({
    block: draft.block,
    maxEpochsPerBlock: draft.params.maxEpochsPerBlock,
    subnets: ids.map((id) => {
      const s = draft.read(id);
      return {
        tempo: s.tempo,
        pendingEpochAt: s.pendingEpochAt,
        blocksSinceLastStep: s.blocksSinceLastStep,
        lastEpochBlock: s.lastEpochBlock,
        epochIndex: s.epochIndex,
        consistent: true,
      };
    }),
  });
  decisions.forEach((d, i) => {
    const id = ids[i]!;
    const w = draft.write(id);
    w.blocksSinceLastStep = d.next.blocksSinceLastStep;
    w.lastEpochBlock = d.next.lastEpochBlock;
    w.pendingEpochAt = d.next.pendingEpochAt;
    w.epochIndex = d.next.epochIndex;
    if (d.outcome === 'deferred')
      events.push({ type: 'EpochDeferred', netuid: id, to: d.next.pendingEpochAt });
    if (d.outcome !== 'run') return;
    const pending = {
      server: w.pendingServer,
      validator: w.pendingValidator,
      root: w.pendingRoot,
      ownerCut: w.pendingOwnerCut,
    };
    w.pendingServer = 0n;
    w.pendingValidator = 0n;
    w.pendingRoot = 0n;
    w.pendingOwnerCut = 0n;
    distributeEmission(ctx, { netuid: id, pending, epoch });
    applyPendingChildren(ctx, id);
    events.push({
      type: 'EpochRun',
      netuid: id,
      emission: pending.server + pending.validator + pending.root,
      deferred: d.next.pendingEpochAt !== 0,
    });
  });
}

/** Childkey changes whose cooldown has passed take effect when the subnet's epoch runs (spec §2 step 7). */
function applyPendingChildren({ draft, events }: CallContext, id: NetUid): void {
  const s = draft.read(id);
  if (s.pendingChildren.size === 0) return;
  const due = [...s.pendingChildren].filter(([, p]) => p.applyAt <= draft.block);
  if (due.length === 0) return;
  const w = draft.write(id);
  const children = new Map(w.children);
  const pending = new Map(w.pendingChildren);
  for (const [parent, p] of due) {
    if (p.children.length === 0) children.delete(parent);
    else children.set(parent, p.children);
    pending.delete(parent);
    events.push({ type: 'ChildrenSet', netuid: id, hotkey: parent, count: p.children.length });
  }
  w.children = children;
  w.pendingChildren = pending;
}
