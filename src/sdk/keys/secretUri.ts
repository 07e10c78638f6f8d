/**
 * Secret URIs as Substrate and btcli read them: `<secret>[//hard|/soft]…[///password]`, where the
 * secret is a BIP39 mnemonic or a `0x` 32-byte hex seed, and an empty secret means {@link DEV_PHRASE}
 * (so `//Alice` is the development account Alice).
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { type Junction, junction } from './junction.ts';
import { KeyError } from './keyError.ts';
import { DEV_PHRASE } from './mnemonic.ts';

/** The parts of a secret URI. */
export type SecretUri =
  | {
      readonly kind: 'mnemonic';
      readonly mnemonic: string;
      /** The BIP39 password (the part after `///`), `''` when there is none. */
      readonly password: string;
      readonly junctions: readonly Junction[];
    }
  | { readonly kind: 'seed'; readonly seed: Uint8Array; readonly junctions: readonly Junction[] };

const SEED_HEX = /^0x[0-9a-fA-F]{64}$/;

/** The junctions and password written after the secret. */
function parsePath(path: string): { junctions: Junction[]; password: string | undefined } {
  const junctions: Junction[] = [];
  let at = 0;
  while (at < path.length) {
    if (path.startsWith('///', at)) return { junctions, password: path.slice(at + 3) };
    const hard = path.startsWith('//', at);
    const start = at + (hard ? 2 : 1);
    const end = path.indexOf('/', start);
    const name = path.slice(start, end < 0 ? path.length : end);
    if (name === '')
      throw new KeyError(
        'INVALID_SECRET_URI',
        `path: junction ${junctions.length + 1} is empty; write //name (hard) or /name (soft)`,
      );
    junctions.push(junction(name, hard));
    at = end < 0 ? path.length : end;
  }
  return { junctions, password: undefined };
}

/**
 * Split a secret URI into its secret, junctions and password. The mnemonic is not checked here; the
 * key maker checks it.
 * @example parseSecretUri('//Alice').junctions[0]?.name // 'Alice' (on DEV_PHRASE)
 */
export function parseSecretUri(uri: string): SecretUri {
  const slash = uri.indexOf('/');
  const secret = (slash < 0 ? uri : uri.slice(0, slash)).trim();
  const { junctions, password } = parsePath(slash < 0 ? '' : uri.slice(slash));
  if (secret.startsWith('0x')) {
    if (!SEED_HEX.test(secret))
      throw new KeyError('INVALID_SEED', 'seed: a hex seed is 0x followed by 64 hex digits (32 bytes)');
    // Substrate ignores a password on a hex seed; refusing it keeps a typo from going unnoticed.
    if (password !== undefined)
      throw new KeyError(
        'INVALID_SECRET_URI',
        'password: a ///password applies to a mnemonic only; remove it from a hex seed',
      );
    return { kind: 'seed', seed: hexToBytes(secret.slice(2)), junctions };
  }
  return {
    kind: 'mnemonic',
    mnemonic: secret === '' ? DEV_PHRASE : secret,
    password: password ?? '',
    junctions,
  };
}
