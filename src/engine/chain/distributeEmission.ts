/**
 * `distribute_emission` (spec §4.10): run the epoch on the drained pending alpha and pay miners,
 * validators (with their stakers), root stakers and the owner. Whatever the chain mints but credits to
 * nobody (flooring dust, dividends with no eligible receiver) is counted as unowned alpha so the
 * subnet's alpha stays fully accounted for.
 */
import {
  dividendDistribution,
  minerBurnedProportion,
  parentChildDividends,
  rootClaimableIncrement,
  takeSplit,
} from '../coinbase/dividends.ts';
import { taoWeight } from '../coinbase/rootProportion.ts';
import type { EpochFunction, EpochOutput } from '../epoch/types.ts';
import { invariant } from '../errors.ts';
import { fromInt, U96F32 } from '../fixed/index.ts';
import { childProportions, parentsOf } from '../staking/childkeys.ts';
import { stakeWeightI64F64, taoWeightU96 } from '../staking/stakeWeight.ts';
import type { SubnetState } from '../state/types.ts';
import { type Coldkey, type Hotkey, type NetUid, ROOT_NETUID } from '../types.ts';
import { commitBlocks } from './commitRevealWindow.ts';
import { type CallContext, phase } from './context.ts';
import { creditStake, distributeToPool } from './stakeOps.ts';

/** The four amounts drained from pending at the epoch. */
export interface PendingAmounts {
  readonly server: bigint;
  readonly validator: bigint;
  readonly root: bigint;
  readonly ownerCut: bigint;
}

export function distributeEmission(
  ctx: CallContext,
  args: { netuid: NetUid; pending: PendingAmounts; epoch: EpochFunction },
): void {
  const { draft } = ctx;
  const { netuid: id, pending } = args;
  const subnet = draft.read(id);
  const root = draft.read(ROOT_NETUID);
  const twU96 = taoWeightU96(draft);
  const ownerUid = subnet.neurons.findIndex((n) => n.hotkey === subnet.ownerHotkey);
  const committed = commitBlocks(subnet, draft.block);
  const input = phase(ctx, 'epoch:inputs', () => ({
    block: draft.block,
    tempo: subnet.tempo,
    ownerUid: ownerUid < 0 ? null : ownerUid,
    lastMechanismStepBlock: subnet.lastMechanismStepBlock,
    params: subnet.epoch,
    neurons: subnet.neurons.map((n) => ({
      stake: stakeWeightI64F64({ subnet, root, hotkey: n.hotkey, taoWeightU96: twU96 }),
      lastUpdate: n.lastUpdate,
      blockAtRegistration: n.blockAtRegistration,
      validatorPermit: n.validatorPermit,
    })),
    weights: subnet.weights,
    bonds: subnet.bonds,
    raoEmission: pending.server + pending.validator + pending.root,
    ...(committed === undefined ? {} : { commitBlocks: committed }),
  }));
  const out = phase(ctx, 'epoch', () => args.epoch(input));
  phase(ctx, 'distribution', () => pay(ctx, { ...args, out }));
}

function pay(
  { draft }: CallContext,
  args: { netuid: NetUid; pending: PendingAmounts; out: EpochOutput },
): void {
  const { netuid: id, pending, out } = args;
  const subnet = draft.read(id);
  const root = draft.read(ROOT_NETUID);

  const total = pending.server + pending.validator + pending.root + pending.ownerCut;
  let paid = 0n;
  const incentiveSum = out.serverEmission.reduce((a, b) => a + b, 0n);
  const validatorPot = incentiveSum === 0n ? pending.validator + pending.server : pending.validator;

  // Owner cut (step 5).
  const ownerColdkey = subnet.ownerColdkey;
  creditStake(draft, {
    netuid: id,
    hotkey: subnet.ownerHotkey,
    coldkey: ownerColdkey,
    amount: pending.ownerCut,
  });
  paid += pending.ownerCut;

  // Miner incentives (step 6): owner hotkeys' incentive is withheld (burned).
  let withheld = 0n;
  let burned = 0n;
  subnet.neurons.forEach((n, uid) => {
    const amount = out.serverEmission[uid] ?? 0n;
    if (amount === 0n) return;
    const owner = draft.ownerOf(n.hotkey) as Coldkey;
    if (n.hotkey === subnet.ownerHotkey || owner === ownerColdkey) {
      withheld += amount;
      burned += amount;
    } else {
      creditStake(draft, { netuid: id, hotkey: n.hotkey, coldkey: owner, amount });
    }
    paid += amount;
  });

  // Parent/child split (step 3), then alpha vs root dividends (step 4), then takes (steps 7 and 8).
  const tw = taoWeight(draft.taoWeight);
  const dividends = splitToParents(
    { subnet, root, tw, ownerOf: (hk) => draft.ownerOf(hk) },
    out.validatorEmission,
  );
  const holders = [...dividends.keys()];
  const split = dividendDistribution({
    pendingAlpha: validatorPot,
    pendingRootAlpha: pending.root,
    taoWeight: tw,
    hotkeys: holders.map((hk) => ({
      dividend: fromInt(U96F32, dividends.get(hk)!),
      alphaStake: subnet.stakes.get(hk)?.value ?? 0n,
      rootStake: root.stakes.get(hk)?.value ?? 0n,
    })),
  });
  const claimable = new Map(draft.read(id).rootClaimable);
  let owed = 0n;
  holders.forEach((hk: Hotkey, i) => {
    const owner = draft.ownerOf(hk) as Coldkey;
    const take = draft.takeOf(hk);
    const alphaDiv = takeSplit({ amount: split.alpha[i]!, takeU16: take });
    creditStake(draft, { netuid: id, hotkey: hk, coldkey: owner, amount: alphaDiv.take });
    distributeToPool(draft, { netuid: id, hotkey: hk, amount: alphaDiv.rest, fallbackOwner: owner });
    paid += alphaDiv.take + alphaDiv.rest;
    const rootDiv = takeSplit({ amount: split.root[i]!, takeU16: take });
    creditStake(draft, { netuid: id, hotkey: hk, coldkey: owner, amount: rootDiv.take });
    paid += rootDiv.take;
    if (rootDiv.rest > 0n) {
      const inc = rootClaimableIncrement({
        amount: rootDiv.rest,
        rootStake: root.stakes.get(hk)?.value ?? 0n,
      });
      if (inc.kind === 'stake') {
        creditStake(draft, { netuid: id, hotkey: hk, coldkey: owner, amount: inc.amount });
      } else {
        claimable.set(hk, (claimable.get(hk) ?? 0n) + rootDiv.rest);
        owed += rootDiv.rest;
      }
      paid += rootDiv.rest;
    }
  });

  invariant(paid <= total, 'DISTRIBUTION_EXCEEDS_PENDING', `paid ${paid} of ${total} on subnet ${id}`);
  const w = draft.write(id);
  w.rootClaimable = claimable;
  w.rootAlphaOwed += owed;
  w.burnedAlpha += burned;
  w.unownedAlpha += total - paid;
  w.minerBurned = minerBurnedProportion({ withheld, total: incentiveSum });
  w.lastMechanismStepBlock = draft.block;
  w.bonds = out.bonds;
  w.neurons = w.neurons.map((n, uid) => ({
    ...n,
    validatorPermit: out.validatorPermit[uid] ?? false,
    emission: out.emission?.[uid] ?? (out.serverEmission[uid] ?? 0n) + (out.validatorEmission[uid] ?? 0n),
    incentive: out.incentive[uid] ?? 0,
    dividends: out.dividends[uid] ?? 0,
    consensus: out.consensus[uid] ?? 0,
    validatorTrust: out.validatorTrust[uid] ?? 0,
    active: out.active[uid] ?? false,
  }));
}

/**
 * Each UID's dividend split with its parents (spec §6.5): returns the dividend per hotkey, UIDs first in
 * UID order, then parents in the order they first receive a share. Flooring dust is left out (the
 * caller counts it as unowned).
 */
function splitToParents(
  ctx: { subnet: SubnetState; root: SubnetState; tw: U96F32; ownerOf: (hk: Hotkey) => Coldkey | undefined },
  validatorEmission: readonly bigint[],
): Map<Hotkey, bigint> {
  const { subnet, root, tw } = ctx;
  const out = new Map<Hotkey, bigint>();
  const add = (hk: Hotkey, v: bigint) => out.set(hk, (out.get(hk) ?? 0n) + v);
  const own = (s: SubnetState, hk: Hotkey) => s.stakes.get(hk)?.value ?? 0n;
  subnet.neurons.forEach((n, uid) => {
    const d = validatorEmission[uid] ?? 0n;
    const parents = parentsOf(subnet, n.hotkey);
    if (parents.length === 0) {
      add(n.hotkey, d);
      return;
    }
    const owner = ctx.ownerOf(n.hotkey);
    const r = parentChildDividends({
      dividend: d,
      stake: { alpha: own(subnet, n.hotkey), root: own(root, n.hotkey) },
      childProportions: childProportions(subnet, n.hotkey),
      parents: parents.map((p) => ({
        alpha: own(subnet, p.parent),
        root: own(root, p.parent),
        proportion: p.proportion,
        sameOwner: ctx.ownerOf(p.parent) === owner,
      })),
      childkeyTakeU16: 0,
      ckBurn: 0n as U96F32,
      taoWeight: tw,
    });
    add(n.hotkey, r.self);
    parents.forEach((p, i) => {
      add(p.parent, r.parents[i]!);
    });
  });
  return out;
}
