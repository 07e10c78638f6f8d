/**
 * `register_network` (spec §9.1, §9.2): a coldkey pays the lock cost to create a subnet. The lock
 * seeds the pool at the median price of existing subnets; when the subnet limit is reached, the
 * non-immune subnet with the lowest moving price is dissolved first and its netuid reused.
 */

import { movingAlphaPrice } from '../../coinbase/movingPrice.ts';
import { blockEmissionForIssuance } from '../../emission/blockEmission.ts';
import { U64_MAX } from '../../fixed/index.ts';
import { newSubnetState } from '../../genesis/newSubnetState.ts';
import { networkLockCost } from '../../registration/lockCost.ts';
import { medianSubnetPrice } from '../../registration/medianSubnetPrice.ts';
import { isNetworkImmune, networkToPrune } from '../../registration/networkToPrune.ts';
import { subnetPoolSeed } from '../../registration/subnetPoolSeed.ts';
import type { Draft } from '../../state/draft.ts';
import { coldkey, type Hotkey, hotkey, type NetUid, netuid, ROOT_NETUID } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import { dissolveSubnet } from '../dissolveSubnet.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { spotPrice } from '../poolOps.ts';

/** Current lock cost of a new subnet in rao. */
export function currentLockCost(draft: Draft): bigint {
  return networkLockCost({
    lastLock: draft.lastLock,
    lastLockBlock: draft.lastLockBlock,
    block: draft.block,
    minLock: draft.params.networkMinLock,
    reductionInterval: BigInt(draft.params.networkLockReductionInterval),
    blockEmission: blockEmissionForIssuance(draft.totalIssuance),
  });
}

export const registerNetwork: CallHandler<Extrinsic & { call: 'register_network' }> = (ctx, ext) => {
  const { draft, events } = ctx;
  const who = coldkey(ext.signer);
  const hk = hotkey(ext.hotkey);
  const owner = draft.ownerOf(hk);
  if (owner !== undefined && owner !== who) {
    return rejection('NonAssociatedColdKey', 'hotkey', `belongs to another coldkey (${owner})`);
  }
  if (draft.lastLockBlock !== 0 && draft.block - draft.lastLockBlock < draft.params.networkRateLimit) {
    const wait = draft.params.networkRateLimit - (draft.block - draft.lastLockBlock);
    return rejection(
      'NetworkTxRateLimitExceeded',
      'signer',
      `a subnet was registered recently; wait ${wait} blocks`,
    );
  }
  const lock = currentLockCost(draft);
  const balance = draft.balance(who);
  if (balance < lock)
    return rejection('NotEnoughBalanceToStake', 'signer', `the lock cost is ${lock} rao, has ${balance}`);

  const existing = draft.netuids().filter((id) => id !== ROOT_NETUID);
  let id: NetUid;
  if (existing.length >= draft.params.subnetLimit) {
    const prune = networkToPrune(
      existing.map((n) => {
        const s = draft.read(n);
        return {
          netuid: n,
          movingPrice: movingAlphaPrice({ mechanism: s.mechanism, stored: s.movingPrice as never }),
          registeredAt: s.registeredAt,
          immune: isNetworkImmune({
            block: draft.block,
            registeredAt: s.registeredAt,
            immunityPeriod: draft.params.networkImmunityPeriod,
          }),
        };
      }),
    );
    if (prune === null) return rejection('SubnetLimitReached', 'signer', 'every subnet is still immune');
    dissolveSubnet(ctx, prune);
    id = prune;
  } else {
    let next = 1;
    while (draft.hasSubnet(netuid(next))) next += 1;
    id = netuid(next);
  }

  const median = medianSubnetPrice(
    draft
      .netuids()
      .filter((n) => n !== ROOT_NETUID)
      .map((n) => spotPrice(draft.read(n)))
      .filter((p) => p > 0n),
  );
  const seed = subnetPoolSeed({ lockPaid: lock, minLock: draft.params.networkMinLock, medianPrice: median });
  // Read again: dissolving a pruned subnet may have just paid the registrant its stake there.
  draft.setBalance(who, draft.balance(who) - lock);
  draft.totalIssuance -= seed.recycled;
  if (owner === undefined) draft.setOwner(hk, who);
  draft.putSubnet(
    newSubnetState({
      netuid: id,
      ownerColdkey: who,
      ownerHotkey: hk,
      block: draft.block,
      params: draft.params,
      taoReserve: seed.taoReserve,
      alphaIn: seed.alphaReserve,
      lockedTao: lock,
    }),
  );
  scheduleRootParents(draft, id, hk);
  draft.totalStake += seed.taoReserve;
  draft.lastLock = lock;
  draft.lastLockBlock = draft.block;
  events.push({ type: 'NetworkAdded', netuid: id, owner: who, lock });
  return null;
};

/**
 * Root validators become parents of a new subnet's owner hotkey with their whole stake (spec §6.5,
 * `do_set_root_validators_for_subnet`), after the usual childkey cooldown. Root validators are the
 * hotkeys with the most root stake, up to `params.rootValidators`.
 */
function scheduleRootParents(draft: Draft, id: NetUid, ownerHotkey: Hotkey): void {
  const root = draft.read(ROOT_NETUID);
  const validators = [...root.stakes]
    .filter(([hk, pool]) => pool.value > 0n && hk !== ownerHotkey)
    .sort((a, b) => (a[1].value === b[1].value ? (a[0] < b[0] ? -1 : 1) : a[1].value > b[1].value ? -1 : 1))
    .slice(0, draft.params.rootValidators);
  if (validators.length === 0) return;
  const applyAt = draft.block + draft.params.childkeyCooldown;
  const w = draft.write(id);
  const pending = new Map(w.pendingChildren);
  for (const [hk] of validators)
    pending.set(hk, { children: [{ proportion: U64_MAX, child: ownerHotkey }], applyAt });
  w.pendingChildren = pending;
}
