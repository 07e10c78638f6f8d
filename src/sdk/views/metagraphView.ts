/**
 * `tm_metagraph`: a subnet's neurons with the field names of bittensor's `Metagraph`, one list per field
 * indexed by UID. Proportions the chain stores as u16 (consensus, incentive, dividends, validator trust)
 * are given as bittensor gives them, divided by 65535. The engine keeps no ranks or trust (the chain
 * stopped storing them), so `ranks` and `trust` are null.
 */
import { formatIp } from '../../engine/chain/ipAddress.ts';
import type { AxonInfo, ChainState, SparseRow } from '../../engine/state/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';
import { subnetOf } from './subnetOf.ts';

/** An axon as bittensor's `AxonInfo` names it; null for a UID that never served one. */
export interface AxonJson {
  readonly ip: string;
  readonly port: number;
  readonly ip_type: 4 | 6;
  /** 0 = TCP, 1 = UDP. */
  readonly protocol: number;
  readonly version: number;
}

/** A subnet's metagraph; every list has one entry per UID (`n`). */
export interface MetagraphJson {
  readonly netuid: number;
  readonly n: number;
  readonly block: number;
  readonly uids: number[];
  readonly hotkeys: string[];
  /** The owner of each hotkey (null if the chain has none recorded). */
  readonly coldkeys: (string | null)[];
  /** Alpha staked on each hotkey on this subnet (`TotalHotkeyAlpha`). */
  readonly stake: AmountJson[];
  /** Not kept by the engine. */
  readonly ranks: null;
  /** Not kept by the engine. */
  readonly trust: null;
  readonly consensus: number[];
  readonly incentive: number[];
  readonly dividends: number[];
  /** Last epoch's emission to each UID, in alpha. */
  readonly emission: AmountJson[];
  readonly validator_trust: number[];
  readonly validator_permit: boolean[];
  /** Each UID's weights as set: `[uid, u16 weight]` pairs. */
  readonly weights: SparseRow[];
  /** Each UID's bonds: `[uid, u16 bond]` pairs. */
  readonly bonds: SparseRow[];
  readonly axons: (AxonJson | null)[];
  readonly active: boolean[];
  readonly last_update: number[];
}

const U16 = 65_535;

function axonJson(axon: AxonInfo | null): AxonJson | null {
  if (axon === null) return null;
  return {
    ip: formatIp(axon),
    port: axon.port,
    ip_type: axon.ipType,
    protocol: axon.protocol,
    version: axon.version,
  };
}

/**
 * The metagraph of `netuid` in `state`; throws `INVALID_PARAMS` when there is no such subnet.
 * @example metagraphView(node.state, 1).hotkeys[0] // the hotkey of UID 0
 */
export function metagraphView(state: ChainState, netuid: number): MetagraphJson {
  const s = subnetOf(state, netuid);
  const neurons = s.neurons;
  const perUid = <T>(f: (uid: number) => T): T[] => neurons.map((_, uid) => f(uid));
  return {
    netuid: s.netuid,
    n: neurons.length,
    block: state.block,
    uids: perUid((uid) => uid),
    hotkeys: neurons.map((x) => x.hotkey),
    coldkeys: neurons.map((x) => state.hotkeyOwner.get(x.hotkey) ?? null),
    stake: neurons.map((x) => amountJson(s.stakes.get(x.hotkey)?.value ?? 0n)),
    ranks: null,
    trust: null,
    consensus: neurons.map((x) => x.consensus / U16),
    incentive: neurons.map((x) => x.incentive / U16),
    dividends: neurons.map((x) => x.dividends / U16),
    emission: neurons.map((x) => amountJson(x.emission)),
    validator_trust: neurons.map((x) => x.validatorTrust / U16),
    validator_permit: neurons.map((x) => x.validatorPermit),
    weights: perUid((uid) => (s.weights[uid] ?? []).map(([u, w]) => [u, w] as const)),
    bonds: perUid((uid) => (s.bonds[uid] ?? []).map(([u, b]) => [u, b] as const)),
    axons: neurons.map((x) => axonJson(x.axon)),
    active: neurons.map((x) => x.active),
    last_update: neurons.map((x) => x.lastUpdate),
  };
}
