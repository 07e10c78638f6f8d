/**
 * The coinbase, following the traits of the state's rule pack (rulepacks.md §1 skeleton, §7;
 * `../rules/rulePackTraits.ts`). `price-2026-06` (spec §4) splits the block's TAO by EMA price, injects
 * liquidity at the current price and chain-buys with what cannot be injected; the older and newer packs
 * swap in their eligible set, SHARES rule, TERMS rule, injection, bought-alpha and root-alpha policies.
 * Then each subnet's alpha emission is minted into owner / miner / validator / root pending amounts, due
 * epochs run (at most `maxEpochsPerBlock`), and the moving prices are updated.
 */

import { scheduleEpochs } from '../coinbase/epochSchedule.ts';
import { movingAlphaPrice, updateMovingPrice } from '../coinbase/movingPrice.ts';
import { ownerCutFraction, pendingSplit } from '../coinbase/pendingSplit.ts';
import { rootProportion, taoWeight } from '../coinbase/rootProportion.ts';
import { rootSellFlag } from '../coinbase/shares.ts';
import { type SubnetTerms, subnetTerms } from '../coinbase/subnetTerms.ts';
import { blockEmissionForIssuance } from '../emission/blockEmission.ts';
import type { EpochFunction } from '../epoch/types.ts';
import { fromInt, type I96F32, toU64, type U64F64, U96F32 } from '../fixed/index.ts';
import { packTaoEmissions } from '../rules/packShares.ts';
import {
  type EligibleRule,
  keepsBoughtAlpha,
  RULE_PACK_TRAITS,
  type RulePackTraits,
  type TermsRule,
} from '../rules/rulePackTraits.ts';
import { dtaoTerms, flowTerms } from '../rules/terms.ts';
import { increasePoolValue } from '../staking/sharePool.ts';
import type { SubnetState } from '../state/types.ts';
import { type NetUid, ROOT_NETUID } from '../types.ts';
import { type CallContext, phase } from './context.ts';
import { distributeEmission } from './distributeEmission.ts';
import { buyAlpha, injectLiquidityWeight, sellAlpha, spotPrice } from './poolOps.ts';
import { recordEmissionFlow } from './taoFlow.ts';

/** `get_subnets_to_emit_to`: started, trading, registration allowed (spec §4.1). */
export function subnetsToEmitTo(subnets: readonly SubnetState[]): SubnetState[] {
  return subnets.filter(
    (s) =>
      s.netuid !== ROOT_NETUID && s.firstEmissionBlock !== null && s.subtokenEnabled && s.registrationAllowed,
  );
}

/** dtao's S: non-root subnets whose owner called start_call (rulepacks.md §2.4, from 2025-03-28). */
function startedSubnets(subnets: readonly SubnetState[]): SubnetState[] {
  return subnets.filter((s) => s.netuid !== ROOT_NETUID && s.firstEmissionBlock !== null);
}

/** The subnets each eligibility rule lets take part. */
const ELIGIBLE: Readonly<Record<EligibleRule, (subnets: readonly SubnetState[]) => SubnetState[]>> = {
  started: startedSubnets,
  'emit-to': subnetsToEmitTo,
};

const alphaIssuance = (s: SubnetState) => s.alphaIn + s.alphaOut;

/** Terms of one subnet for one block, whatever the pack. */
interface BlockTerms extends SubnetTerms {
  /** dtao subsidy: root alpha is neither sold nor paid. */
  readonly subsidised: boolean;
}

/** What a TERMS rule reads for one subnet. */
interface TermsInput {
  readonly ctx: CallContext;
  readonly subnet: SubnetState;
  /** Spot price before the block. */
  readonly price: U64F64;
  readonly taoEmission: U96F32;
  readonly credit: bigint;
  readonly rootTaoBefore: bigint;
}

/** TERMS per rule (rulepacks.md §2.4, §3.5, protocol.md §4.5). */
const TERMS: Readonly<Record<TermsRule, (input: TermsInput) => BlockTerms>> = {
  'root-proportion': ({ ctx, subnet, price, taoEmission, rootTaoBefore }) => {
    const issuance = alphaIssuance(subnet);
    const tw = taoWeight(ctx.draft.taoWeight);
    const terms = subnetTerms({
      taoEmission,
      price,
      alphaIssuance: issuance,
      rootProportion: rootProportion({ rootTao: rootTaoBefore, taoWeight: tw, alphaIssuance: issuance }),
    });
    return { ...terms, subsidised: false };
  },
  dtao: (input) => {
    // Registration disabled: no TAO, and (from 2025-08-12) no alpha either.
    if (!input.subnet.registrationAllowed) {
      const zero = 0n as U96F32;
      return { taoIn: zero, alphaIn: zero, excessTao: zero, alphaOut: zero, subsidised: false };
    }
    const { terms, alphaOut } = emissionTermsInput(input);
    return { ...dtaoTerms(terms, input.ctx.draft.rules.dtaoTerms), alphaOut };
  },
  flow: (input) => {
    const { terms, alphaOut } = emissionTermsInput(input);
    return { ...flowTerms(terms, input.ctx.draft.rules.flowCap), alphaOut };
  },
};

/** The older rules' inputs: A_i from the subnet's issuance, and A_i minted as alpha out. */
function emissionTermsInput({ subnet, price, taoEmission, credit }: TermsInput) {
  const alphaEmission = blockEmissionForIssuance(alphaIssuance(subnet));
  return {
    terms: { taoEmission, price, alphaEmission, blockEmission: credit },
    alphaOut: fromInt(U96F32, alphaEmission),
  };
}

/** Run the coinbase with `credit` rao just minted; returns the rao recycled at the end. */
export function runCoinbase(ctx: CallContext, credit: bigint, epoch: EpochFunction): bigint {
  const { draft } = ctx;
  const pack = draft.rulePack;
  const traits = RULE_PACK_TRAITS[pack];
  const all = draft.netuids().map((id) => draft.read(id));
  const emitting = ELIGIBLE[traits.eligible](all);
  const moving = emitting.map((s) =>
    movingAlphaPrice({ mechanism: s.mechanism, stored: s.movingPrice as I96F32 }),
  );
  const rootSell = traits.rootAlpha === 'sell-for-root-tao' || rootSellFlag(moving);
  const rootTaoBefore = draft.read(ROOT_NETUID).taoReserve;

  // Shares and terms for every subnet before anything is minted (terms use pre-block prices).
  const terms: BlockTerms[] = phase(ctx, 'coinbase:shares', () => {
    // Pre-block spot prices, read by the flow packs' seed and by every pack's terms.
    const prices = emitting.map(spotPrice);
    const shares = packTaoEmissions({
      pack,
      block: draft.block,
      blockEmission: credit,
      settings: draft.rules,
      gateBar: draft.gateBar,
      subnets: emitting.map((s, i) => ({
        movingPrice: moving[i]!,
        spotPrice: prices[i]!,
        minerBurned: s.minerBurned,
        emissionEnabled: s.emissionEnabled,
        taoFlow: s.taoFlow,
        emaTaoFlow: s.emaTaoFlow,
        protocolFlow: s.protocolFlow,
        emaProtocolFlow: s.emaProtocolFlow,
      })),
    });
    draft.gateBar = shares.gateBar;
    emitting.forEach((s, i) => {
      if (shares.emaTaoFlow[i] === s.emaTaoFlow && shares.emaProtocolFlow[i] === s.emaProtocolFlow) return;
      const w = draft.write(s.netuid);
      w.emaTaoFlow = shares.emaTaoFlow[i]!;
      w.emaProtocolFlow = shares.emaProtocolFlow[i]!;
      if (shares.taoFlowConsumed[i]) w.taoFlow = 0n;
      if (shares.protocolFlowConsumed[i]) w.protocolFlow = 0n;
    });
    const taoEmission =
      ctx.addOn === undefined
        ? shares.taoEmission
        : (ctx.addOn.adjustShares(
            draft,
            emitting.map((s) => s.netuid),
            shares.taoEmission,
          ) as U96F32[]);
    const termsOf = TERMS[traits.terms];
    return emitting.map((s, i) =>
      termsOf({ ctx, subnet: s, price: prices[i]!, taoEmission: taoEmission[i]!, credit, rootTaoBefore }),
    );
  });

  const remaining = phase(ctx, 'coinbase:inject', () => injectAndBuy(ctx, traits, emitting, terms, credit));
  phase(ctx, 'coinbase:pending', () => accumulatePending(ctx, traits, emitting, terms, rootSell));
  drainPending(ctx, traits, epoch);
  phase(ctx, 'moving-price', () => updateMovingPrices(ctx, emitting));
  return remaining;
}

/** Inject liquidity and chain-buy with the excess TAO, per subnet in order (spec §4.7, rulepacks §2.4, §3.5). */
function injectAndBuy(
  ctx: CallContext,
  traits: RulePackTraits,
  emitting: readonly SubnetState[],
  terms: readonly BlockTerms[],
  credit: bigint,
): bigint {
  const { draft } = ctx;
  // Before the Balancer pool the protocol position was x·y=k: injection adds to the reserves as they are.
  const balancer = traits.injection === 'balancer';
  // Chain-bought alpha is kept as protocol alpha or recycled (netflow: kept from 2026-06-01).
  const keep = keepsBoughtAlpha(traits.boughtAlpha, draft.rules.keepBoughtAlpha);
  let remaining = credit;
  emitting.forEach((s, i) => {
    const t = terms[i]!;
    let taoIn = toU64(U96F32, t.taoIn);
    let alphaIn = toU64(U96F32, t.alphaIn);
    const excess = toU64(U96F32, t.excessTao);
    if (balancer && !injectLiquidityWeight(draft, s.netuid, taoIn, alphaIn)) {
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
        if (keep) draft.write(s.netuid).protocolAlpha += bought.value.alphaOut;
        else draft.write(s.netuid).alphaOut -= bought.value.alphaOut; // recycled
        recordEmissionFlow(draft, traits, s.netuid, bought.value.taoUsed);
      } else {
        draft.write(s.netuid).accountTao += excess; // a failed chain buy strands its TAO (spec §4.7)
      }
      if (!traits.chainBuysInIssuance) {
        // dtao's subsidy buy enters the pool but not TotalIssuance (rulepacks.md §2.4).
        draft.totalIssuance -= excess;
        draft.uncountedTao += excess;
      }
    }
    const after = draft.write(s.netuid);
    after.alphaIn += alphaIn;
    if (taoIn > 0n) {
      remaining -= taoIn;
      after.taoReserve += taoIn;
      draft.totalStake += taoIn;
      recordEmissionFlow(draft, traits, s.netuid, taoIn);
    }
  });
  return remaining;
}

/**
 * Alpha out, owner cut, root alpha and pending amounts (spec §4.8). Under `sell-for-root-tao` (dtao) the
 * root alpha is sold in the pool at once and the TAO kept for root stakers (rulepacks.md §2.4); a
 * subsidised subnet's root alpha stays in AlphaOut unowned.
 */
function accumulatePending(
  ctx: CallContext,
  traits: RulePackTraits,
  emitting: readonly SubnetState[],
  terms: readonly BlockTerms[],
  rootSell: boolean,
): void {
  const { draft } = ctx;
  const sellRoot = traits.rootAlpha === 'sell-for-root-tao';
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
    w.alphaOut -= split.recycled;
    let unowned = minted - split.ownerCut - split.server - split.validator - split.rootAlpha - split.recycled;
    if (!sellRoot) {
      w.pendingRoot += split.rootAlpha;
    } else if (split.rootAlpha > 0n) {
      const sold = terms[i]!.subsidised
        ? null
        : sellAlpha(draft, s.netuid, split.rootAlpha, {
            limitPrice: null,
            allowPartial: false,
            dropFees: true,
          });
      if (sold?.ok === true) {
        draft.write(s.netuid).pendingRootTao += sold.value.taoOut;
        unowned += split.rootAlpha - sold.value.alphaUsed;
      } else {
        unowned += split.rootAlpha;
      }
    }
    draft.write(s.netuid).unownedAlpha += unowned;
  });
}

/**
 * Root dividends under `sell-for-root-tao` (dtao): the subnet's pending root TAO is staked on root,
 * raising each root hotkey's pool in proportion to its stake (rulepacks.md §2.5, simplified to root stake
 * weights); the remainder of the floor stays pending.
 */
function payRootTao(ctx: CallContext, id: NetUid): void {
  const { draft } = ctx;
  const amount = draft.read(id).pendingRootTao;
  if (amount === 0n) return;
  const root = draft.read(ROOT_NETUID);
  const total = [...root.stakes.values()].reduce((t, p) => t + p.value, 0n);
  if (total === 0n) return;
  let paid = 0n;
  for (const [hk, pool] of root.stakes) {
    const part = (amount * pool.value) / total;
    if (part === 0n || pool.totalShares === 0n) continue;
    draft.setPool(ROOT_NETUID, hk, increasePoolValue(pool, part));
    paid += part;
  }
  draft.write(ROOT_NETUID).taoReserve += paid;
  draft.totalStake += paid;
  draft.write(id).pendingRootTao -= paid;
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
function drainPending(ctx: CallContext, traits: RulePackTraits, epoch: EpochFunction): void {
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
      ownerCut: ctx.addOn === undefined ? w.pendingOwnerCut : ctx.addOn.ownerCut(ctx, id, w.pendingOwnerCut),
    };
    w.pendingServer = 0n;
    w.pendingValidator = 0n;
    w.pendingRoot = 0n;
    w.pendingOwnerCut = 0n;
    if (traits.rootAlpha === 'sell-for-root-tao') payRootTao(ctx, id);
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
