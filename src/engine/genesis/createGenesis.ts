/**
 * Genesis: the first state of a chain from a config. Total issuance is derived from the holdings, so
 * a genesis state satisfies the supply identities by construction.
 */

import { MAINNET_TAO_WEIGHT_RAW } from '../coinbase/rootProportion.ts';
import { InputError } from '../errors.ts';
import { fromF64, I96F32, type U64F64 } from '../fixed/index.ts';
import {
  DEFAULT_RULE_PACK,
  DEFAULT_RULE_SETTINGS,
  parseRulePack,
  type RuleSettings,
} from '../rules/rulePack.ts';
import { addToPool, EMPTY_POOL } from '../staking/sharePool.ts';
import { DEFAULT_CHAIN_PARAMS } from '../state/defaults.ts';
import type {
  AddOnState,
  ChainParams,
  ChainState,
  EpochParams,
  SparseRow,
  StakePool,
  SubnetState,
} from '../state/types.ts';
import { type Coldkey, coldkey, type Hotkey, hotkey, type NetUid, netuid, ROOT_NETUID } from '../types.ts';
import { newNeuron } from './newNeuron.ts';
import { newSubnetState } from './newSubnetState.ts';

/** A neuron at genesis, optionally with stake from its owner coldkey. */
export interface GenesisNeuron {
  readonly hotkey: string;
  readonly coldkey: string;
  /** Alpha staked by the coldkey on the hotkey. */
  readonly stake?: bigint;
  readonly validatorPermit?: boolean;
  /** Block the neuron registered at (default the genesis block). */
  readonly registeredAt?: number;
  /** Block of its last weights (default the genesis block). A weight counts only when set after the
   * target registered, so genesis weights need `lastUpdate` above the miners' `registeredAt`. */
  readonly lastUpdate?: number;
  /** Weights this neuron has set: `[uid, u16]` pairs (stored as `set_weights` would, max-upscaled). */
  readonly weights?: ReadonlyArray<readonly [number, number]>;
}

/** A subnet at genesis. */
export interface GenesisSubnet {
  readonly netuid: number;
  readonly ownerColdkey: string;
  readonly ownerHotkey: string;
  /** 1 (dynamic, default) or 0 (stable). */
  readonly mechanism?: 0 | 1;
  readonly taoReserve: bigint;
  readonly alphaIn: bigint;
  /** Moving price as a decimal (default 0, as for a new subnet). */
  readonly movingPrice?: number;
  /** Whether start_call has happened (default true). */
  readonly started?: boolean;
  readonly emissionEnabled?: boolean;
  readonly tempo?: number;
  readonly epoch?: Partial<EpochParams>;
  /** Additional neurons after the owner's UID 0. */
  readonly neurons?: readonly GenesisNeuron[];
}

/** Everything a chain starts from. */
export interface GenesisConfig {
  readonly params?: Partial<ChainParams>;
  /** Block number of the genesis state (default 0). */
  readonly block?: number;
  /** TaoWeight as a u64 proportion (default 0.18 of u64::MAX). */
  readonly taoWeight?: bigint;
  readonly sudo: string;
  readonly author?: string | null;
  readonly balances?: Readonly<Record<string, bigint>>;
  /** Root stakes: TAO staked on root to a hotkey by a coldkey. */
  readonly rootStakes?: ReadonlyArray<{
    readonly coldkey: string;
    readonly hotkey: string;
    readonly amount: bigint;
  }>;
  readonly subnets?: readonly GenesisSubnet[];
  /** Rule pack the coinbase follows (default `price-2026-06`); checked by name. */
  readonly rulePack?: string;
  /** Pack variants and parameters (defaults: the runtime's). */
  readonly rules?: Partial<RuleSettings>;
  /** Data of the chain's add-on, built by the add-on (e.g. `mechanismsGenesis`); default none. */
  readonly addOn?: AddOnState;
}

function genesisWeights(field: string, n: GenesisNeuron, uids: number): SparseRow {
  const row = [...(n.weights ?? [])].sort((a, b) => a[0] - b[0]);
  row.forEach(([uid, w], i) => {
    if (!Number.isInteger(uid) || uid < 0 || uid >= uids)
      throw new InputError(`${field}[${i}]`, `no UID ${uid}`);
    if (i > 0 && row[i - 1]![0] === uid) throw new InputError(`${field}[${i}]`, `UID ${uid} appears twice`);
    if (!Number.isInteger(w) || w < 0 || w > 65_535)
      throw new InputError(`${field}[${i}]`, 'weight must be 0..65535');
  });
  return row;
}

/** The root subnet (netuid 0): stable mechanism, TAO staked 1:1, no epoch in the coinbase. */
function rootSubnet(params: ChainParams, sudo: Coldkey, block: number): SubnetState {
  return {
    ...newSubnetState({
      netuid: ROOT_NETUID,
      ownerColdkey: sudo,
      ownerHotkey: hotkey(`${sudo}/root`),
      block,
      params,
      taoReserve: 0n,
      alphaIn: 0n,
      lockedTao: 0n,
      mechanism: 0,
    }),
    tempo: 100,
    lastEpochBlock: block,
    neurons: [],
    weights: [],
    bonds: [],
    feeRate: 0,
    emissionEnabled: false,
    maxAllowedUids: 64,
  };
}

function nonNegative(field: string, v: bigint): bigint {
  if (typeof v !== 'bigint' || v < 0n) throw new InputError(field, 'must be a non-negative integer (rao)');
  return v;
}

/**
 * Build the genesis state.
 * @example createGenesis({ sudo: 'alice', balances: { alice: 10n ** 12n } })
 */
export function createGenesis(config: GenesisConfig): ChainState {
  const params: ChainParams = { ...DEFAULT_CHAIN_PARAMS, ...config.params };
  const block = config.block ?? 0;
  const sudo = coldkey(config.sudo);
  const balances = new Map<Coldkey, bigint>();
  let issuance = 0n;
  for (const [who, amount] of Object.entries(config.balances ?? {})) {
    nonNegative(`balances.${who}`, amount);
    if (amount > 0n) balances.set(coldkey(who), amount);
    issuance += amount;
  }
  const hotkeyOwner = new Map<Hotkey, Coldkey>();
  const subnets = new Map<NetUid, SubnetState>();

  let root = rootSubnet(params, sudo, block);
  const rootStakes = new Map<Hotkey, StakePool>();
  (config.rootStakes ?? []).forEach((s, i) => {
    nonNegative(`rootStakes[${i}].amount`, s.amount);
    const hk = hotkey(s.hotkey);
    const owner = hotkeyOwner.get(hk);
    if (owner !== undefined && owner !== s.coldkey) {
      throw new InputError(`rootStakes[${i}].hotkey`, `is owned by ${owner}; use a hotkey of ${s.coldkey}`);
    }
    hotkeyOwner.set(hk, coldkey(s.coldkey));
    rootStakes.set(hk, addToPool(rootStakes.get(hk) ?? EMPTY_POOL, coldkey(s.coldkey), s.amount));
    root = { ...root, taoReserve: root.taoReserve + s.amount };
    issuance += s.amount;
  });
  root = { ...root, stakes: rootStakes };
  subnets.set(ROOT_NETUID, root);

  (config.subnets ?? []).forEach((g, idx) => {
    const where = `subnets[${idx}]`;
    if (!Number.isInteger(g.netuid) || g.netuid < 1 || g.netuid > 65_535) {
      throw new InputError(`${where}.netuid`, 'must be an integer in 1..65535 (0 is root)');
    }
    const id = netuid(g.netuid);
    if (subnets.has(id)) throw new InputError(`${where}.netuid`, `duplicates netuid ${g.netuid}`);
    nonNegative(`${where}.taoReserve`, g.taoReserve);
    nonNegative(`${where}.alphaIn`, g.alphaIn);
    const ownerHk = hotkey(g.ownerHotkey);
    const ownerCk = coldkey(g.ownerColdkey);
    hotkeyOwner.set(ownerHk, ownerCk);
    let subnet = newSubnetState({
      netuid: id,
      ownerColdkey: ownerCk,
      ownerHotkey: ownerHk,
      block,
      params,
      taoReserve: g.taoReserve,
      alphaIn: g.alphaIn,
      lockedTao: g.taoReserve,
      mechanism: g.mechanism ?? 1,
    });
    const started = g.started ?? true;
    const tempo = g.tempo ?? subnet.tempo;
    const neurons = [...subnet.neurons];
    const stakes = new Map<Hotkey, StakePool>();
    let alphaOut = 0n;
    (g.neurons ?? []).forEach((n, j) => {
      const hk = hotkey(n.hotkey);
      const owner = hotkeyOwner.get(hk);
      if (owner !== undefined && owner !== n.coldkey) {
        throw new InputError(
          `${where}.neurons[${j}].hotkey`,
          `is owned by ${owner}; use a hotkey of ${n.coldkey}`,
        );
      }
      if (neurons.some((x) => x.hotkey === hk)) {
        throw new InputError(`${where}.neurons[${j}].hotkey`, 'is already registered on this subnet');
      }
      hotkeyOwner.set(hk, coldkey(n.coldkey));
      const registeredAt = n.registeredAt ?? block;
      if (!Number.isInteger(registeredAt) || registeredAt > block) {
        throw new InputError(`${where}.neurons[${j}].registeredAt`, `must be an integer block <= ${block}`);
      }
      neurons.push({
        ...newNeuron(hk, registeredAt),
        lastUpdate: n.lastUpdate ?? block,
        validatorPermit: n.validatorPermit ?? false,
      });
      const stake = nonNegative(`${where}.neurons[${j}].stake`, n.stake ?? 0n);
      if (stake > 0n) {
        stakes.set(hk, addToPool(stakes.get(hk) ?? EMPTY_POOL, coldkey(n.coldkey), stake));
        alphaOut += stake;
      }
    });
    if (neurons.length > subnet.maxAllowedUids) {
      throw new InputError(
        `${where}.neurons`,
        `has ${neurons.length} UIDs; at most ${subnet.maxAllowedUids}`,
      );
    }
    subnet = {
      ...subnet,
      tempo,
      lastEpochBlock: block - (g.netuid % tempo),
      movingPrice: fromF64(I96F32, g.movingPrice ?? 0),
      firstEmissionBlock: started ? block : null,
      subtokenEnabled: started,
      emissionEnabled: g.emissionEnabled ?? (started ? true : params.newSubnetEmissionEnabled),
      epoch: { ...subnet.epoch, ...g.epoch },
      neurons,
      weights: [
        [],
        ...(g.neurons ?? []).map((n, j) =>
          genesisWeights(`${where}.neurons[${j}].weights`, n, neurons.length),
        ),
      ],
      bonds: neurons.map(() => []),
      stakes,
      alphaOut,
    };
    issuance += g.taoReserve;
    subnets.set(id, subnet);
  });

  return {
    ...(config.addOn === undefined ? {} : { addOn: config.addOn }),
    block,
    params,
    rulePack: config.rulePack === undefined ? DEFAULT_RULE_PACK : parseRulePack(config.rulePack, 'rulePack'),
    rules: { ...DEFAULT_RULE_SETTINGS, ...config.rules },
    gateBar: 0n as U64F64,
    uncountedTao: 0n,
    totalIssuance: issuance,
    totalStake: [...subnets.values()].reduce((s, n) => s + n.taoReserve, 0n),
    burnedTao: 0n,
    taoWeight: config.taoWeight ?? MAINNET_TAO_WEIGHT_RAW,
    sudo,
    author: config.author === undefined || config.author === null ? null : coldkey(config.author),
    balances,
    hotkeyOwner,
    takes: new Map(),
    takeIncreasedAt: new Map(),
    subnets,
    lastLock: 0n,
    lastLockBlock: 0,
  };
}
