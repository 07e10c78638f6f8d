/**
 * `claim_root` (spec §10.1): a root staker claims its share of the root dividends its hotkeys earned on
 * a subnet. The share is pro rata to its root stake on each hotkey at claim time (the chain tracks a
 * per-unit rate instead, which differs only when root stake moved between accrual and claim). `swap`
 * (the chain's default) sells the alpha fee-free and restakes the TAO on root; `keep` stakes the alpha
 * on the subnet.
 */
import { stakeOf } from '../../staking/sharePool.ts';
import { coldkey, netuid, ROOT_NETUID } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { sellAlpha } from '../poolOps.ts';
import { creditStake } from '../stakeOps.ts';
import { recordProtocolFlow } from '../taoFlow.ts';
import { checkNonRootSubnet } from './checks.ts';

export const claimRoot: CallHandler<Extrinsic & { call: 'claim_root' }> = ({ draft, events }, ext) => {
  const id = netuid(ext.netuid);
  const missing = checkNonRootSubnet(draft, id);
  if (missing !== null) return missing;
  const who = coldkey(ext.signer);
  const root = draft.read(ROOT_NETUID);
  let claimed = 0n;
  for (const [hk, owed] of draft.read(id).rootClaimable) {
    const pool = root.stakes.get(hk);
    if (pool === undefined || owed === 0n || pool.value === 0n) continue;
    const share = (owed * stakeOf(pool, who)) / pool.value;
    if (share === 0n) continue;
    const w = draft.write(id);
    w.rootClaimable = new Map(w.rootClaimable).set(hk, owed - share);
    w.rootAlphaOwed -= share;
    claimed += share;
    if (ext.mode === 'swap') {
      const sold = sellAlpha(draft, id, share, { limitPrice: null, allowPartial: false, dropFees: true });
      if (sold.ok) {
        const r = draft.write(ROOT_NETUID);
        r.taoReserve += sold.value.taoOut;
        recordProtocolFlow(draft, id, -sold.value.taoOut);
        draft.totalStake += sold.value.taoOut;
        creditStake(draft, { netuid: ROOT_NETUID, hotkey: hk, coldkey: who, amount: sold.value.taoOut });
        events.push({
          type: 'RootClaimed',
          netuid: id,
          coldkey: who,
          hotkey: hk,
          alpha: share,
          tao: sold.value.taoOut,
        });
        continue;
      }
    }
    creditStake(draft, { netuid: id, hotkey: hk, coldkey: who, amount: share });
    events.push({ type: 'RootClaimed', netuid: id, coldkey: who, hotkey: hk, alpha: share, tao: 0n });
  }
  if (claimed === 0n)
    return rejection('NothingToClaim', 'netuid', `no root dividends owed to ${ext.signer} here`);
  return null;
};
