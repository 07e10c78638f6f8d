/**
 * The accounting identities of `types.ts`, checked exactly (to the rao). Returns the violations
 * found; an empty list means the state is consistent.
 */
import { TOTAL_SUPPLY } from '../emission/blockEmission.ts';
import { mechanismTaoHeld, vestingAlphaHeld } from '../mechanisms/config.ts';
import type { ChainState } from './types.ts';

/** Total TAO held anywhere: free balances, pools, subnet accounts, pending root TAO and burned TAO. */
export function taoHoldings(state: ChainState): bigint {
  let held = state.burnedTao + mechanismTaoHeld(state.mechanisms);
  for (const b of state.balances.values()) held += b;
  for (const s of state.subnets.values()) held += s.taoReserve + s.accountTao + s.pendingRootTao;
  return held;
}

/** Every violated identity, with the numbers. */
export function checkInvariants(state: ChainState): string[] {
  const problems: string[] = [];
  const held = taoHoldings(state);
  const counted = state.totalIssuance + state.uncountedTao;
  if (held !== counted) {
    problems.push(
      `TAO: issuance ${state.totalIssuance}${state.uncountedTao === 0n ? '' : ` + uncounted ${state.uncountedTao}`} != holdings ${held} (diff ${counted - held})`,
    );
  }
  if (state.totalIssuance > TOTAL_SUPPLY) problems.push(`TAO: issuance ${state.totalIssuance} above 21M TAO`);
  for (const [who, b] of state.balances) if (b < 0n) problems.push(`balance of ${who} is negative: ${b}`);
  for (const s of state.subnets.values()) {
    const where = `subnet ${s.netuid}`;
    const parts: [string, bigint][] = [
      ['taoReserve', s.taoReserve],
      ['accountTao', s.accountTao],
      ['alphaIn', s.alphaIn],
      ['alphaOut', s.alphaOut],
      ['protocolAlpha', s.protocolAlpha],
      ['pendingServer', s.pendingServer],
      ['pendingValidator', s.pendingValidator],
      ['pendingRoot', s.pendingRoot],
      ['pendingOwnerCut', s.pendingOwnerCut],
      ['rootAlphaOwed', s.rootAlphaOwed],
      ['burnedAlpha', s.burnedAlpha],
      ['unownedAlpha', s.unownedAlpha],
    ];
    for (const [name, v] of parts) if (v < 0n) problems.push(`${where}: ${name} is negative (${v})`);
    if (s.netuid === 0) continue; // root holds TAO 1:1; its "alpha" is the TAO reserve
    let staked = 0n;
    for (const [hk, pool] of s.stakes) {
      if (pool.value < 0n) problems.push(`${where}: stake pool of ${hk} is negative`);
      staked += pool.value;
    }
    let owed = 0n;
    for (const v of s.rootClaimable.values()) owed += v;
    if (owed !== s.rootAlphaOwed)
      problems.push(`${where}: root claimable ${owed} != rootAlphaOwed ${s.rootAlphaOwed}`);
    const accounted =
      staked +
      s.protocolAlpha +
      s.pendingServer +
      s.pendingValidator +
      s.pendingRoot +
      s.pendingOwnerCut +
      s.rootAlphaOwed +
      s.burnedAlpha +
      s.unownedAlpha +
      vestingAlphaHeld(state.mechanisms, s.netuid);
    if (accounted !== s.alphaOut) {
      problems.push(
        `${where}: alphaOut ${s.alphaOut} != holders ${accounted} (diff ${s.alphaOut - accounted})`,
      );
    }
    if (s.alphaIn + s.alphaOut > TOTAL_SUPPLY + s.protocolAlpha)
      problems.push(`${where}: alpha issuance above cap`);
  }
  problems.push(...mechanismProblems(state));
  // Root: the TAO reserve is exactly the root stake.
  const root = state.subnets.get(0 as never);
  if (root !== undefined) {
    let staked = 0n;
    for (const pool of root.stakes.values()) staked += pool.value;
    if (staked !== root.taoReserve) problems.push(`root: stake ${staked} != reserve ${root.taoReserve}`);
  }
  return problems;
}

/** Per-mechanism identities: each credit sale's supply is fully accounted for; no escrow is negative. */
function mechanismProblems(state: ChainState): string[] {
  const m = state.mechanisms;
  if (m === undefined) return [];
  const problems: string[] = [];
  for (const [id, sale] of m.sales) {
    let held = 0n;
    for (const v of sale.holders.values()) held += v;
    if (sale.supply - sale.sold + held + sale.redeemed !== sale.supply)
      problems.push(
        `credit sale ${id}: unsold + held ${held} + redeemed ${sale.redeemed} != supply ${sale.supply}`,
      );
    if (sale.sold > sale.supply) problems.push(`credit sale ${id}: sold above supply`);
  }
  for (const [id, c] of m.covenants) if (c.bond < 0n) problems.push(`covenant ${id}: bond negative`);
  for (const [id] of m.vesting) {
    if (vestingAlphaHeld(m, id) < 0n) problems.push(`vesting ${id}: escrow negative`);
    if (!state.subnets.has(id)) problems.push(`vesting ${id}: escrow of a removed subnet`);
  }
  return problems;
}
