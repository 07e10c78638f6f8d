/**
 * Dissolution of a subnet (spec §9.5): its TAO reserve is paid to the alpha holders pro rata by alpha
 * value (largest remainders get the leftover rao); the protocol's share (protocol alpha and the pool's
 * own alpha) and any TAO left in the subnet account are recycled. Then the subnet is removed.
 */
import { dissolutionPayout } from '../registration/dissolutionPayout.ts';
import { stakeOf } from '../staking/sharePool.ts';
import type { Coldkey, NetUid } from '../types.ts';
import type { CallContext } from './context.ts';

export function dissolveSubnet(ctx: CallContext, id: NetUid): void {
  const { draft, events } = ctx;
  ctx.addOn?.onDissolve(ctx, id); // e.g. bonds slashed and vested alpha staked before the payout
  const subnet = draft.read(id);
  const byColdkey = new Map<Coldkey, bigint>();
  for (const pool of subnet.stakes.values()) {
    for (const ck of pool.shares.keys()) byColdkey.set(ck, (byColdkey.get(ck) ?? 0n) + stakeOf(pool, ck));
  }
  const holders = [...byColdkey.keys()].sort();
  const payout = dissolutionPayout({
    pot: subnet.taoReserve,
    holdings: holders.map((h) => byColdkey.get(h)!),
    protocolAlpha: subnet.protocolAlpha + subnet.alphaIn,
  });
  let paid = 0n;
  holders.forEach((h, i) => {
    const amount = payout.payouts[i]!;
    paid += amount;
    draft.credit(h, amount);
  });
  const recycled = subnet.taoReserve - paid + subnet.accountTao;
  draft.totalIssuance -= recycled;
  draft.totalStake -= subnet.taoReserve;
  draft.removeSubnet(id);
  events.push({ type: 'NetworkRemoved', netuid: id, refunded: paid, recycled });
}
