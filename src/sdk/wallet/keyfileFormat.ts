/**
 * How a key file's bytes are stored, told by their first bytes as btcli tells them: `$NACL` (NaCl
 * secretbox, btcli's current encryption), `$ANSIBLE_VAULT` (older btcli), `gAAAAA` (Fernet, btcli's
 * first "legacy" encryption), or plain JSON.
 */

/** The storage forms of a key file. */
export const KEYFILE_FORMATS = ['json', 'nacl', 'ansible-vault', 'fernet'] as const;

/** A key file's storage form. */
export type KeyfileFormat = (typeof KEYFILE_FORMATS)[number];

/** The prefix of btcli's NaCl-encrypted key files. */
export const NACL_PREFIX = '$NACL';

const PREFIXES: readonly (readonly [string, KeyfileFormat])[] = [
  [NACL_PREFIX, 'nacl'],
  ['$ANSIBLE_VAULT', 'ansible-vault'],
  ['gAAAAA', 'fernet'],
];

/** Whether `bytes` start with the ASCII `prefix`. */
function startsWith(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * The storage form of a key file's bytes (`json` for anything not encrypted: its content is checked when read).
 * @example keyfileFormat(new TextEncoder().encode('$NACL…')) // 'nacl'
 */
export function keyfileFormat(bytes: Uint8Array): KeyfileFormat {
  for (const [prefix, format] of PREFIXES) if (startsWith(bytes, prefix)) return format;
  return 'json';
}
