/**
 * The development accounts a local network starts with, as Substrate's dev chains name them: `//Alice`,
 * `//Bob` and `//Charlie` hold 1,000,000 TAO, `//Dave`, `//Eve` and `//Ferdie` 2,000 TAO (sr25519 keys of
 * the well-known dev phrase, so btcli and Substrate tools derive the same addresses); `//Alice` is sudo.
 * One more address may be funded from the environment: `TENSORMARKET_FUND=ADDRESS[:TAO]` (default
 * 1,000,000 TAO).
 */
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { InputError } from '../../engine/errors.ts';
import { keypairFromUri } from '../keys/keypair.ts';
import { decodeSs58, type Ss58Address } from '../keys/ss58.ts';

/** A dev account: its name, dev URI, address and starting balance in rao. */
export interface DevAccount {
  readonly name: string;
  readonly uri: string;
  readonly address: Ss58Address;
  readonly balance: bigint;
}

const RICH = 1_000_000n * RAO_PER_TAO;
const FUNDED = 2_000n * RAO_PER_TAO;

/** The dev accounts' names and balances, in the order dev chains list them. */
const DEV_BALANCES: readonly (readonly [string, bigint])[] = [
  ['Alice', RICH],
  ['Bob', RICH],
  ['Charlie', RICH],
  ['Dave', FUNDED],
  ['Eve', FUNDED],
  ['Ferdie', FUNDED],
];

/** The environment variable that funds one more address. */
export const FUND_VARIABLE = 'TENSORMARKET_FUND';

/** The dev accounts (keys derived once). */
export const DEV_ACCOUNTS: readonly DevAccount[] = DEV_BALANCES.map(([name, balance]) => {
  const uri = `//${name}`;
  return { name, uri, address: keypairFromUri(uri).address, balance };
});

/** The sudo account of a local network: `//Alice`. */
export const DEV_SUDO: DevAccount = DEV_ACCOUNTS[0]!;

/**
 * The address and rao `TENSORMARKET_FUND` asks for (`ADDRESS` or `ADDRESS:TAO`, TAO a whole number), or
 * null when unset; throws an InputError naming the variable on a bad value.
 * @example fundedFromEnv({ TENSORMARKET_FUND: '5Grw…:50' }) // { address: '5Grw…', balance: 50n * 10n ** 9n }
 */
export function fundedFromEnv(env: Readonly<Record<string, string | undefined>>): {
  address: string;
  balance: bigint;
} | null {
  const text = env[FUND_VARIABLE]?.trim();
  if (text === undefined || text === '') return null;
  const [address = '', tao] = text.split(':');
  try {
    decodeSs58(address);
  } catch (cause) {
    throw new InputError(FUND_VARIABLE, `expected an SS58 address (prefix 42), got "${address}"`, { cause });
  }
  if (tao !== undefined && !/^\d{1,12}$/.test(tao))
    throw new InputError(
      FUND_VARIABLE,
      `expected ADDRESS or ADDRESS:TAO with TAO a whole number, got "${text}"`,
    );
  return { address, balance: tao === undefined ? RICH : BigInt(tao) * RAO_PER_TAO };
}
