/**
 * The genesis of a local network: the dev accounts funded, `//Alice` as sudo, and the dev overlay that
 * subtensor's fast local mode uses so that work does not wait on mainnet timings: tempo 10 (an epoch every
 * 11 blocks), no start-call delay and no registration or take cooldowns. Any rule pack and the binding
 * mechanisms can be chosen; the overlay is printed at start.
 */
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import type { GenesisConfig } from '../../engine/genesis/createGenesis.ts';
import { MECHANISM_DEFAULTS } from '../../engine/mechanisms/config.ts';
import type { RulePackName } from '../../engine/rules/rulePack.ts';
import type { ChainParams } from '../../engine/state/types.ts';
import { amountJson } from '../amount/amount.ts';
import { DEV_ACCOUNTS, DEV_SUDO } from './devAccounts.ts';
import { GENESIS_FORMAT, type GenesisFileJson, genesisFromFile } from './genesisFile.ts';

/** A binding mechanism a genesis can switch on. */
export type MechanismName = keyof typeof MECHANISM_DEFAULTS;

/** Every binding mechanism, in the order of the mechanisms spec. */
export const MECHANISM_NAMES = Object.keys(MECHANISM_DEFAULTS) as readonly MechanismName[];

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
  /** Binding mechanisms to switch on, with their default parameters. */
  readonly mechanisms?: readonly MechanismName[];
}

/** A mechanism's default parameters as a genesis file writes them (bigints as decimal strings). */
function defaultsJson(name: MechanismName): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(MECHANISM_DEFAULTS[name]).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
  );
}

/**
 * The genesis file of a local network: what `tensormarket node genesis` writes for editing, and what
 * `localnet` starts from.
 * @example devGenesisFile({ mechanisms: ['covenant'] }).mechanisms // { covenant: { payTo: 'burn', … } }
 */
export function devGenesisFile(options: DevGenesisOptions = {}): GenesisFileJson {
  const balances: Record<string, bigint> = {};
  for (const a of DEV_ACCOUNTS) balances[a.address] = a.balance;
  for (const [address, rao] of Object.entries(options.extraBalances ?? {}))
    balances[address] = (balances[address] ?? 0n) + rao;
  const params: Record<string, number | string> = {};
  for (const o of DEV_OVERLAY) params[o.name] = o.value;
  params.networkMinLock = DEV_MIN_LOCK.toString();
  return {
    format: GENESIS_FORMAT,
    sudo: DEV_SUDO.address,
    balances: Object.fromEntries(Object.entries(balances).map(([a, rao]) => [a, amountJson(rao)])),
    ...(options.rulePack === undefined ? {} : { rulePack: options.rulePack }),
    params,
    ...(options.mechanisms === undefined || options.mechanisms.length === 0
      ? {}
      : { mechanisms: Object.fromEntries(options.mechanisms.map((m) => [m, defaultsJson(m)])) }),
  };
}

/**
 * The genesis configuration of a local network.
 * @example createGenesis(devGenesis()).balances // Alice, Bob, Charlie 1,000,000 TAO; Dave, Eve, Ferdie 2,000
 */
export function devGenesis(options: DevGenesisOptions = {}): GenesisConfig {
  return genesisFromFile(devGenesisFile(options));
}
