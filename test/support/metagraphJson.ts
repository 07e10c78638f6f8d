/**
 * A metagraph as a node's `tm_metagraph` answers it, every field present, for stub nodes: the fields a
 * test names, and for the rest what a subnet of fresh neurons has (zeros, no weights, no axons).
 */
import { amountJson } from '../../src/sdk/amount/amount.ts';
import type { MetagraphJson } from '../../src/sdk/views/metagraphView.ts';

/**
 * The metagraph of `hotkeys` (UIDs in order) with `fields` over the fresh defaults.
 * @example metagraphJson({ netuid: 1, block: 40, hotkeys: [a, b] }, { incentive: [0, 1] })
 */
export function metagraphJson(
  at: { readonly netuid: number; readonly block: number; readonly hotkeys: readonly string[] },
  fields: Partial<MetagraphJson> = {},
): MetagraphJson {
  const n = at.hotkeys.length;
  const zeros = () => Array.from({ length: n }, () => 0);
  return {
    netuid: at.netuid,
    n,
    block: at.block,
    uids: Array.from({ length: n }, (_, uid) => uid),
    hotkeys: [...at.hotkeys],
    coldkeys: Array.from({ length: n }, () => null),
    stake: Array.from({ length: n }, () => amountJson(0n)),
    ranks: null,
    trust: null,
    consensus: zeros(),
    incentive: zeros(),
    dividends: zeros(),
    emission: Array.from({ length: n }, () => amountJson(0n)),
    validator_trust: zeros(),
    validator_permit: Array.from({ length: n }, () => false),
    weights: Array.from({ length: n }, () => []),
    bonds: Array.from({ length: n }, () => []),
    axons: Array.from({ length: n }, () => null),
    active: Array.from({ length: n }, () => true),
    last_update: zeros(),
    ...fields,
  };
}
