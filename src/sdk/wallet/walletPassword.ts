/**
 * Where a coldkey's password comes from without a prompt: `TENSORMARKET_WALLET_PASSWORD`, else what
 * btcli reads: `BT_PW_<KEYFILE PATH>` (the path upper-cased with `/` and `.` as `_`; btcli keeps the
 * password there XOR-ed with the variable's own name) and the older `BT_COLD_PW_<WALLET NAME>` (plain).
 */

/** The environment variable this project reads a wallet password from. */
export const WALLET_PASSWORD_VARIABLE = 'TENSORMARKET_WALLET_PASSWORD';

/** The name of btcli's variable for the keyfile at `keyfilePath` (absolute). */
export function btcliPasswordVariable(keyfilePath: string): string {
  return `BT_PW_${keyfilePath.replaceAll('/', '_').replaceAll('.', '_').toUpperCase()}`;
}

/** btcli's obfuscation of a stored password: each character XOR-ed with the variable name's, cyclically. */
function unmask(value: string, name: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++)
    out += String.fromCharCode(value.charCodeAt(i) ^ name.charCodeAt(i % name.length));
  return out;
}

/**
 * The password the environment gives for wallet `walletName`'s keyfile at `keyfilePath`, or undefined.
 * @example passwordFromEnv(process.env, { walletName: 'default', keyfilePath }) // TENSORMARKET_WALLET_PASSWORD first
 */
export function passwordFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  key: { readonly walletName: string; readonly keyfilePath: string },
): string | undefined {
  const own = env[WALLET_PASSWORD_VARIABLE];
  if (own !== undefined && own !== '') return own;
  const btcliName = btcliPasswordVariable(key.keyfilePath);
  const masked = env[btcliName];
  if (masked !== undefined && masked !== '') return unmask(masked, btcliName);
  const older = env[`BT_COLD_PW_${key.walletName.toUpperCase().replaceAll('-', '_')}`];
  return older === undefined || older === '' ? undefined : older;
}
