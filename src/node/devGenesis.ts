/**
 * The genesis of a local network: the dev accounts funded, `//Alice` as sudo, and the dev overlay that
 * subtensor's fast local mode uses so that work does not wait on mainnet timings: tempo 10 (an epoch every
 * 11 blocks), no start-call delay and no registration or take cooldowns. Any rule pack and the binding
 * mechanisms can be chosen; the overlay is printed at start.
 */
import { RAO_PER_TAO } from '../engine/chainConstants.ts';
import type { GenesisConfig } from '../engine/genesis/createGenesis.ts';
import type { RulePackName } from '../engine/rules/rulePack.ts';
import type { ChainParams } from '../engine/state/types.ts';
import { DEV_ACCOUNTS, DEV_SUDO } from './devAccounts.ts';

/** A chain parameter that is a plain number (a count of blocks, a tempo). */
type NumberParam = { [K in keyof ChainParams]: ChainParams[K] extends number ? K : never }[keyof ChainParams];

/** The chain parameters the dev overlay changes, with the reason printed beside each. */
export const DEV_OVERLAY: readonly {
  readonly name: NumberParam;
  readonly value: number;
  readonly why: string;
}[] = [
  { name: 'defaultTempo', value: 10, why: 'epochs every 11 blocks instead of 361' },
  { name: 'startCallDelay', value: 0, why: 'a new subnet may start at once' },
  { name: 'networkRateLimit', value: 0, why: 'no wait between subnet registrations' },
  { name: 'takeIncreaseRateLimit', value: 0, why: 'take changes without a 30-day wait' },
  { name: 'childkeyCooldown', value: 0, why: 'child keys apply at once' },
];

/** A local network's minimum subnet lock: 100 TAO, so the 2,000-TAO dev accounts can create one. */
export const DEV_MIN_LOCK = 100n * RAO_PER_TAO;

/** Options of {@link devGenesis}. */
export interface DevGenesisOptions {
  readonly rulePack?: RulePackName;
  /** More funded addresses (e.g. from `TENSORMARKET_FUND`). */
  readonly extraBalances?: Readonly<Record<string, bigint>>;
}

/**
 * The genesis configuration of a local network.
 * @example createGenesis(devGenesis()).balances // Alice, Bob, Charlie 1,000,000 TAO; Dave, Eve, Ferdie 2,000
 */
export function devGenesis(options: DevGenesisOptions = {}): GenesisConfig {
  const balances: Record<string, bigint> = {};
  for (const a of DEV_ACCOUNTS) balances[a.address] = a.balance;
  for (const [address, rao] of Object.entries(options.extraBalances ?? {}))
    balances[address] = (balances[address] ?? 0n) + rao;
  const params: { -readonly [K in NumberParam]?: number } = {};
  for (const o of DEV_OVERLAY) params[o.name] = o.value;
  return {
    sudo: DEV_SUDO.address,
    balances,
    params: { ...params, networkMinLock: DEV_MIN_LOCK },
    ...(options.rulePack === undefined ? {} : { rulePack: options.rulePack }),
  };
}
