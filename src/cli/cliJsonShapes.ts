/**
 * The JSON each command prints with `--json-output`: one zod schema per command, declared here only.
 * Commands check what they print against it (a mismatch is a bug, not output), and `tensormarket schema
 * cli` publishes them as JSON Schema. Amounts are `{ rao, tao }` strings everywhere.
 */
import { z } from 'zod';
import { amountJsonSchema } from '../sdk/amount/amount.ts';

const address = z.string().describe('SS58 address, network prefix 42');
const walletPath = z.string().describe('the folder of wallets, absolute');
const walletName = z.string().describe('the wallet (its folder under the wallet path)');
const network = z.string().describe('the node, as an http URL');

/** A key just written. */
const writtenKey = z.strictObject({
  name: z.string().describe('`coldkey`, or the hotkey name'),
  address,
  path: z.string().describe('the key file, absolute'),
  encrypted: z
    .boolean()
    .describe('stored in btcli’s $NACL form (true) or as plain JSON (false, development only)'),
  mnemonic: z
    .string()
    .optional()
    .describe('the new key’s mnemonic, present when the key was generated: the only way to recover it'),
});

/** What `wallet new-coldkey` and `wallet regen-coldkey` print. */
const coldkeyWritten = z.strictObject({ walletPath, name: walletName, coldkey: writtenKey });
/** What `wallet new-hotkey` and `wallet regen-hotkey` print. */
const hotkeyWritten = z.strictObject({ walletPath, name: walletName, hotkey: writtenKey });

/** Each command's output, by the words that run it. */
export const CLI_JSON_SHAPES = {
  'wallet create': z
    .strictObject({ walletPath, name: walletName, coldkey: writtenKey, hotkey: writtenKey })
    .describe('a new wallet: a coldkey (with coldkeypub.txt) and a hotkey'),
  'wallet new-coldkey': coldkeyWritten.describe('a new coldkey'),
  'wallet new-hotkey': hotkeyWritten.describe('a new hotkey'),
  'wallet regen-coldkey': coldkeyWritten.describe('a coldkey written again from its mnemonic, seed or URI'),
  'wallet regen-hotkey': hotkeyWritten.describe('a hotkey written again from its mnemonic, seed or URI'),
  'wallet list': z
    .strictObject({
      walletPath,
      wallets: z.array(
        z.strictObject({
          name: walletName,
          coldkey: address.nullable().describe('from coldkeypub.txt; null when it cannot be read'),
          hotkeys: z.array(
            z.strictObject({
              name: z.string(),
              address: address.nullable().describe('null when encrypted without a public keyfile'),
            }),
          ),
        }),
      ),
    })
    .describe('the wallets under the wallet path, sorted by name'),
  'wallet balance': z
    .strictObject({
      network,
      balances: z.array(
        z.strictObject({
          name: walletName.nullable().describe('null for an address given with --ss58'),
          address,
          free: amountJsonSchema,
        }),
      ),
      total: amountJsonSchema.describe('the sum of the free balances'),
    })
    .describe('free balances of the wallets’ coldkeys (or of the addresses given)'),
  'wallet transfer': z
    .strictObject({
      network,
      id: z.string().describe('the submission id (0x, 32 bytes)'),
      block: z.int().describe('the block that included it'),
      from: address,
      dest: address,
      amount: amountJsonSchema,
      balance: z
        .strictObject({ before: amountJsonSchema, after: amountJsonSchema })
        .describe('the sender’s free balance before and after'),
    })
    .describe('a transfer included in a block'),
} as const;

/** The words that run a command with published output, e.g. `wallet balance`. */
export type CliCommand = keyof typeof CLI_JSON_SHAPES;

/** What a command prints for `command`. */
export type CliOutput<C extends CliCommand> = z.input<(typeof CLI_JSON_SHAPES)[C]>;

/** What every command prints with `--json-output` when it fails (and exits with 2). */
export const CLI_ERROR_SHAPE = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('a stable code, e.g. WRONG_PASSWORD, NotEnoughBalance, RPC_UNREACHABLE'),
      field: z.string().nullable().describe('the option or input at fault, e.g. --amount; null when none'),
      message: z.string().describe('what went wrong and how to fix it'),
    }),
  })
  .describe('a failed command');
