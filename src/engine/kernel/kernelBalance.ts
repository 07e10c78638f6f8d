/**
 * The kernel's accounting identities, in float:
 *   issuance + uncountedTao = Σ (taoReserve + accountTao + bondTao + creditEscrowTao) + Σ treasuryTao
 *                             + rootStake + burnedTao + external
 *   AlphaOut = Σ_class holdings + protocol + pending (server, validator, root, owner) + burned + unowned
 *              + vesting escrow
 * (per active slot). The kernel keeps them by construction; this measures how far rounding has drifted.
 */
import { HOLDER_CLASSES, type KernelState } from './types.ts';

/** How well a state balances. */
export interface KernelBalance {
  readonly issuance: number;
  /** TAO held: pools, subnet accounts, root stake, burned TAO and users (`external`). */
  readonly held: number;
  /** |issuance + uncountedTao − held| / issuance (uncounted: TAO the dtao subsidy put in pools unissued). */
  readonly taoError: number;
  /** Largest |AlphaOut − accounted alpha| / max(AlphaOut, 1) over active slots. */
  readonly alphaError: number;
  /** Smallest value among the amounts that must not be negative (reserves, holdings, pending, external). */
  readonly minAmount: number;
}

/**
 * Measure the identities of a state.
 * @example kernelBalance(state).taoError < 1e-9
 */
export function kernelBalance(state: KernelState): KernelBalance {
  const c = state.columns;
  const slots = c.active.length;
  let held = state.rootStake + state.burnedTao + state.external;
  let alphaError = 0;
  let minAmount = Math.min(state.rootStake, state.external);
  for (let i = 0; i < slots; i++) {
    held += c.treasuryTao[i]!; // treasuries outlive the subnet that filled them
    if (c.active[i] !== 1) continue;
    held += c.taoReserve[i]! + c.accountTao[i]! + c.bondTao[i]! + c.creditEscrowTao[i]!;
    let accounted =
      c.protocolAlpha[i]! +
      c.pendingServer[i]! +
      c.pendingValidator[i]! +
      c.pendingRoot[i]! +
      c.pendingOwner[i]! +
      c.burnedAlpha[i]! +
      c.unownedAlpha[i]! +
      c.vestingAlpha[i]!;
    for (let k = 0; k < HOLDER_CLASSES.length; k++) {
      const h = c.holdings[k * slots + i]!;
      accounted += h;
      minAmount = Math.min(minAmount, h);
    }
    alphaError = Math.max(alphaError, Math.abs(c.alphaOut[i]! - accounted) / Math.max(c.alphaOut[i]!, 1));
    minAmount = Math.min(
      minAmount,
      c.taoReserve[i]!,
      c.alphaIn[i]!,
      c.pendingServer[i]!,
      c.pendingValidator[i]!,
      c.pendingRoot[i]!,
      c.pendingOwner[i]!,
      c.vestingAlpha[i]!,
      c.bondTao[i]!,
      c.creditEscrowTao[i]!,
    );
  }
  return {
    issuance: state.issuance,
    held,
    taoError: Math.abs(state.issuance + state.uncountedTao - held) / Math.max(state.issuance, 1),
    alphaError,
    minAmount,
  };
}
