/**
 * Account keypairs from secret URIs, mnemonics or seeds, giving the same public keys and addresses as
 * Substrate and btcli for the same secret, path and scheme.
 */
import { ed25519Keys } from './ed25519.ts';
import type { Junction } from './junction.ts';
import { KeyError } from './keyError.ts';
import { miniSecretFromMnemonic } from './mnemonic.ts';
import type { SchemeKeys } from './schemeKeys.ts';
import { fromSchnorrkelSecret, toSchnorrkelSecret } from './schnorrkelSecret.ts';
import { parseSecretUri } from './secretUri.ts';
import type { SignatureScheme } from './signatureScheme.ts';
import { sr25519Keys } from './sr25519.ts';
import { encodeSs58, type Ss58Address } from './ss58.ts';

/** A key that signs; its secret stays inside `sign`. */
export interface Keypair {
  readonly scheme: SignatureScheme;
  /** 32 bytes. */
  readonly publicKey: Uint8Array;
  /** SS58 address of the public key, network prefix 42. */
  readonly address: Ss58Address;
  /** A 64-byte signature of `message` (sr25519 signatures are randomized: two calls differ, both verify). */
  sign(message: Uint8Array): Uint8Array;
}

const SCHEMES: Readonly<Record<SignatureScheme, SchemeKeys>> = {
  sr25519: sr25519Keys,
  ed25519: ed25519Keys,
};

/** The scheme's secret of a seed after its junctions. */
function secretFrom(scheme: SignatureScheme, seed: Uint8Array, junctions: readonly Junction[]): Uint8Array {
  const keys = SCHEMES[scheme];
  let secret = keys.fromSeed(seed);
  for (const j of junctions)
    secret = j.hard ? keys.deriveHard(secret, j.chainCode) : keys.deriveSoft(secret, j.chainCode);
  return secret;
}

/** The scheme's secret that a secret URI names. */
function secretOfUri(uri: string, scheme: SignatureScheme): Uint8Array {
  const parsed = parseSecretUri(uri);
  const seed =
    parsed.kind === 'seed' ? parsed.seed : miniSecretFromMnemonic(parsed.mnemonic, parsed.password);
  return secretFrom(scheme, seed, parsed.junctions);
}

function keypairOf(scheme: SignatureScheme, secret: Uint8Array): Keypair {
  const keys = SCHEMES[scheme];
  const publicKey = keys.publicKey(secret);
  return {
    scheme,
    publicKey,
    address: encodeSs58(publicKey),
    sign: (message) => keys.sign(secret, message),
  };
}

/**
 * The keypair of a 32-byte seed (a mini-secret, as `0x…` seeds in secret URIs are).
 * @example keypairFromSeed(seed, 'ed25519').address
 */
export function keypairFromSeed(seed: Uint8Array, scheme: SignatureScheme = 'sr25519'): Keypair {
  if (seed.length !== 32) throw new KeyError('INVALID_SEED', `seed: ${seed.length} bytes; a seed has 32`);
  return keypairOf(scheme, secretFrom(scheme, seed, []));
}

/**
 * The keypair of a secret URI: `<mnemonic or 0x seed>[//hard][/soft]…[///password]`; `//Alice` alone
 * derives from the development phrase. Throws {@link KeyError} naming the part at fault.
 * @example keypairFromUri('//Alice').address // '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
 */
export function keypairFromUri(uri: string, scheme: SignatureScheme = 'sr25519'): Keypair {
  return keypairOf(scheme, secretOfUri(uri, scheme));
}

/**
 * The 64-byte sr25519 secret key a secret URI names, in schnorrkel's form (scalar ‖ nonce), as btcli's
 * keyfiles store it in `privateKey`. Keep it secret: it signs for the account.
 * @example keypairFromSecretKey(sr25519SecretKeyFromUri('//Alice')).address // '5GrwvaEF…'
 */
export function sr25519SecretKeyFromUri(uri: string): Uint8Array {
  return toSchnorrkelSecret(secretOfUri(uri, 'sr25519'));
}

/**
 * The sr25519 keypair of a 64-byte secret key in schnorrkel's form (btcli's `privateKey`); throws
 * `INVALID_SECRET_KEY` for any other length or a non-canonical scalar.
 */
export function keypairFromSecretKey(secretKey: Uint8Array): Keypair {
  return keypairOf('sr25519', fromSchnorrkelSecret(secretKey));
}
