/**
 * The accounting identities of `state/types.ts`, checked exactly (to the rao). Returns the violations
 * found; an empty list means the state is consistent.
 */
import type { ChainAddOn } from '../chain/addOn.ts';
import { TOTAL_SUPPLY } from '../emission/blockEmission.ts';
import type { ChainState } from '../state/types.ts';
import { taoHoldings } from './taoHoldings.ts';

/**
 * Every violated identity, with the numbers; the add-on whose data the state carries must be passed
 * (its holdings count and its own identities are checked).
 * @example checkInvariants(applyBlock(state, [], { epoch, addOn }).state, addOn) // []
 */
export function checkInvariants(state: ChainState, addOn?: ChainAddOn): string[] {
  const problems: string[] = [];
  const held = taoHoldings(state, addOn);
  const extra = state.addOn === undefined ? undefined : addOn;
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
      (extra === undefined ? 0n : extra.alphaHeld(state, s.netuid));
    if (accounted !== s.alphaOut) {
      problems.push(
        `${where}: alphaOut ${s.alphaOut} != holders ${accounted} (diff ${s.alphaOut - accounted})`,
      );
    }
    if (s.alphaIn + s.alphaOut > TOTAL_SUPPLY + s.protocolAlpha)
      problems.push(`${where}: alpha issuance above cap`);
  }
  if (extra !== undefined) problems.push(...extra.problems(state));
  // Root: the TAO reserve is exactly the root stake.
  const root = state.subnets.get(0 as never);
  if (root !== undefined) {
    let staked = 0n;
    for (const pool of root.stakes.values()) staked += pool.value;
    if (staked !== root.taoReserve) problems.push(`root: stake ${staked} != reserve ${root.taoReserve}`);
  }
  return problems;
}
