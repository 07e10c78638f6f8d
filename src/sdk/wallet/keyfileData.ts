/**
 * The keyfile JSON btcli reads and writes: `accountId` and `publicKey` (0x hex of the 32-byte public
 * key), `privateKey` (0x hex of the 64-byte sr25519 secret key, schnorrkel form), `secretPhrase` (the
 * mnemonic), `secretSeed` (0x hex of the 32-byte mini-secret) and `ss58Address`. btcli rebuilds a key from
 * the first it finds of `secretPhrase`, `secretSeed`, `privateKey`, and a public one from `ss58Address`;
 * so does this code, and it also checks that the address it gets is the one the file states.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { KeyError } from '../keys/keyError.ts';
import {
  type Keypair,
  keypairFromSecretKey,
  keypairFromUri,
  sr25519SecretKeyFromUri,
} from '../keys/keypair.ts';
import { miniSecretFromMnemonic } from '../keys/mnemonic.ts';
import { parseSecretUri } from '../keys/secretUri.ts';
import { decodeSs58, encodeSs58, type Ss58Address } from '../keys/ss58.ts';
import { Ss58Error } from '../keys/ss58Error.ts';
import { WalletError } from './walletError.ts';

/** The keyfile JSON, in the order btcli writes its members. */
export interface KeyfileData {
  readonly accountId: string;
  readonly publicKey: string;
  readonly privateKey?: string;
  readonly secretPhrase?: string;
  readonly secretSeed?: string;
  readonly ss58Address: string;
}

/** What a keyfile holds: a signing key, or only an account (coldkeypub.txt). */
export type KeyfileContent =
  | { readonly kind: 'keypair'; readonly keypair: Keypair }
  | { readonly kind: 'public'; readonly address: Ss58Address };

const hex0x = (bytes: Uint8Array) => `0x${bytesToHex(bytes)}`;

function publicMembers(publicKey: Uint8Array) {
  return { accountId: hex0x(publicKey), publicKey: hex0x(publicKey) };
}

/**
 * The keyfile of the sr25519 key a secret URI names. A bare mnemonic keeps `secretPhrase` and
 * `secretSeed` and a bare `0x` seed keeps `secretSeed`, as btcli writes them; a derived key (`//Alice`,
 * `<mnemonic>//hot`, a `///password`) has no seed of its own and is written as `privateKey`, which btcli
 * also reads.
 * @example keyfileFromUri('//Alice').ss58Address // '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
 */
export function keyfileFromUri(uri: string): KeyfileData {
  const parsed = parseSecretUri(uri);
  const keypair = keypairFromUri(uri);
  const privateKey = hex0x(sr25519SecretKeyFromUri(uri));
  const bare = parsed.junctions.length === 0 && (parsed.kind === 'seed' || parsed.password === '');
  const secret = !bare
    ? {}
    : parsed.kind === 'seed'
      ? { secretSeed: hex0x(parsed.seed) }
      : {
          secretPhrase: parsed.mnemonic.trim().split(/\s+/).join(' '),
          secretSeed: hex0x(miniSecretFromMnemonic(parsed.mnemonic)),
        };
  return { ...publicMembers(keypair.publicKey), privateKey, ...secret, ss58Address: keypair.address };
}

/** The public keyfile of an account (btcli's coldkeypub.txt). */
export function publicKeyfile(address: Ss58Address): KeyfileData {
  return { ...publicMembers(decodeSs58(address).publicKey), ss58Address: address };
}

/** The bytes of a keyfile as btcli writes them (compact JSON). */
export function keyfileBytes(data: KeyfileData): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(data));
}

/** Members btcli reads; any of them may be null, others are ignored. */
const stored = z.looseObject({
  accountId: z.string().nullish(),
  publicKey: z.string().nullish(),
  privateKey: z.string().nullish(),
  secretPhrase: z.string().nullish(),
  secretSeed: z.string().nullish(),
  ss58Address: z.string().nullish(),
});

const HEX_64 = /^(0x)?[0-9a-fA-F]{64}$/;

/**
 * What a decrypted keyfile holds. Besides btcli's JSON, a public file may be a bare `0x` public key or
 * SS58 address (older btcli wrote coldkeypub.txt so). Throws `MALFORMED_KEYFILE` naming the member at
 * fault, or when the stated address is not the key's.
 */
export function readKeyfile(bytes: Uint8Array, path?: string): KeyfileContent {
  const at = path === undefined ? {} : { path };
  const malformed = (message: string, cause?: unknown) =>
    new WalletError('MALFORMED_KEYFILE', {
      field: 'keyfile',
      message,
      ...at,
      ...(cause === undefined ? {} : { cause }),
    });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
  if (HEX_64.test(text)) return { kind: 'public', address: encodeSs58(hexToBytes(text.replace(/^0x/, ''))) };
  if (!text.startsWith('{')) {
    try {
      decodeSs58(text);
      return { kind: 'public', address: text as Ss58Address };
    } catch {
      throw malformed('not a keyfile: neither keyfile JSON, a 0x public key nor an SS58 address');
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw malformed('not a keyfile: the JSON does not parse', cause);
  }
  const parsed = stored.safeParse(json);
  if (!parsed.success)
    throw malformed(
      `not a keyfile: ${parsed.error.issues[0]?.path.join('.') || 'the content'} is not a string`,
    );
  const data = parsed.data;
  let keypair: Keypair | undefined;
  try {
    if (typeof data.secretPhrase === 'string') {
      if (data.secretPhrase.includes('/')) throw malformed('secretPhrase: a mnemonic has no "/"');
      keypair = keypairFromUri(data.secretPhrase);
    } else if (typeof data.secretSeed === 'string') {
      if (!HEX_64.test(data.secretSeed)) throw malformed('secretSeed: expected 0x and 64 hex digits');
      keypair = keypairFromUri(`0x${data.secretSeed.replace(/^0x/, '')}`);
    } else if (typeof data.privateKey === 'string') {
      if (!/^(0x)?[0-9a-fA-F]{128}$/.test(data.privateKey))
        throw malformed('privateKey: expected 0x and 128 hex digits (a 64-byte sr25519 secret key)');
      keypair = keypairFromSecretKey(hexToBytes(data.privateKey.replace(/^0x/, '')));
    }
  } catch (error) {
    if (error instanceof KeyError) throw malformed(error.message, error);
    throw error;
  }
  const stated = statedAddress(data, malformed);
  if (keypair === undefined) {
    if (stated === undefined)
      throw malformed('holds no key: none of secretPhrase, secretSeed, privateKey, ss58Address, publicKey');
    return { kind: 'public', address: stated };
  }
  if (stated !== undefined && stated !== keypair.address)
    throw malformed(`its secret gives ${keypair.address}, not the ${stated} it states; the file was altered`);
  return { kind: 'keypair', keypair };
}

/** The address a keyfile states (ss58Address, else publicKey or accountId), checked. */
function statedAddress(
  data: z.output<typeof stored>,
  malformed: (message: string, cause?: unknown) => WalletError,
): Ss58Address | undefined {
  if (typeof data.ss58Address === 'string') {
    try {
      decodeSs58(data.ss58Address, 'any');
    } catch (error) {
      if (error instanceof Ss58Error) throw malformed(`ss58Address: ${error.message}`, error);
      throw error;
    }
    const publicKey = decodeSs58(data.ss58Address, 'any').publicKey;
    return encodeSs58(publicKey);
  }
  const hex = data.publicKey ?? data.accountId;
  if (typeof hex !== 'string') return undefined;
  if (!HEX_64.test(hex)) throw malformed('publicKey: expected 0x and 64 hex digits');
  return encodeSs58(hexToBytes(hex.replace(/^0x/, '')));
}
