/**
 * `tensormarket wallet|w …` in btcli's grammar: create, new-coldkey, new-hotkey, regen-coldkey,
 * regen-hotkey, list, balance, transfer; with btcli's flags (`--wallet-name`, `--wallet-hotkey`,
 * `--wallet-path`, `--network local|URL`, `--json-output`/`--json`, `--no-prompt`/`-y`, `--period`).
 * Wallets live in btcli's folders and formats, so btcli reads ours and we read btcli's. With
 * `--json-output` stdout is exactly one JSON document (see `tensormarket schema cli`) and nothing is asked.
 */
import { type Command, Option } from 'commander';
import { InputError, TensormarketError } from '../engine/errors.ts';
import { amountJson, parseAmount } from '../sdk/amount/amount.ts';
import { KeyError } from '../sdk/keys/keyError.ts';
import { keypairFromUri } from '../sdk/keys/keypair.ts';
import { generateMnemonic, type MnemonicLength } from '../sdk/keys/mnemonic.ts';
import type { Ss58Address } from '../sdk/keys/ss58.ts';
import { refuseExisting } from '../sdk/wallet/keyfileStore.ts';
import { listWallets } from '../sdk/wallet/listWallets.ts';
import { coldkeyAddress, type StoredKey, writeColdkey, writeHotkey } from '../sdk/wallet/walletKeys.ts';
import { passwordFromEnv, WALLET_PASSWORD_VARIABLE } from '../sdk/wallet/walletPassword.ts';
import { hotkeyFiles } from '../sdk/wallet/walletPaths.ts';
import {
  addressOption,
  btcliCommand,
  type CommonOptions,
  type Context,
  finish,
  type NodeOptions,
  networkOptions,
  parsePeriod,
  periodOption,
  signingColdkey,
  withNode,
} from './btcliCommand.ts';
import { dim, green, yellow } from './output.ts';
import { sendTransaction, sentJson } from './sendTransaction.ts';
import { askHidden } from './terminalPrompt.ts';

/** The options of the commands that write keys. */
interface KeyOptions extends CommonOptions {
  readonly nWords: string;
  readonly uri?: string;
  readonly mnemonic?: string;
  readonly seed?: string;
  /** False with `--no-password`. */
  readonly password: boolean;
  readonly usePassword?: boolean;
  readonly overwrite?: boolean;
}

/** The options of `balance` and `transfer`. */
interface WalletNodeOptions extends NodeOptions {
  readonly ss58?: readonly string[];
  readonly all?: boolean;
  readonly dest?: string;
  readonly destination?: string;
  readonly amount?: string;
}

/** A wallet subcommand. */
function walletCommand<O extends CommonOptions>(
  group: Command,
  name: string,
  description: string,
  run: (opts: O, ctx: Context) => Promise<void>,
): Command {
  return btcliCommand<O>({ group, name, description, run });
}

/** The secret URI for `--uri`: btcli's dev names (`alice`) as `//Alice`, anything else as given. */
function uriOption(uri: string): string {
  return /^[A-Za-z]+$/.test(uri) ? `//${uri[0]!.toUpperCase()}${uri.slice(1).toLowerCase()}` : uri;
}

/** A checked secret URI from the option that gave it (its KeyError reported under that option). */
function checkedSecret(uri: string, option: string): string {
  try {
    keypairFromUri(uri);
    return uri;
  } catch (cause) {
    if (cause instanceof KeyError)
      throw new InputError(option, cause.message.replace(/^\w+: /, ''), { cause });
    throw cause;
  }
}

/** `--n-words`: 12 or 24. */
function wordCount(text: string): MnemonicLength {
  if (text === '12' || text === '24') return Number(text) as MnemonicLength;
  throw new InputError('--n-words', `expected 12 or 24, got "${text}"`);
}

/** The key to write: from `--uri`, or a new mnemonic (returned so it can be shown once). */
function newSecret(opts: KeyOptions): { uri: string; mnemonic?: string } {
  if (opts.uri !== undefined) return { uri: checkedSecret(uriOption(opts.uri), '--uri') };
  const mnemonic = generateMnemonic(wordCount(opts.nWords));
  return { uri: mnemonic, mnemonic };
}

/** The key to write again: `--mnemonic` (a phrase, or any secret URI), `--seed`, or asked for. */
async function regenSecret(opts: KeyOptions, ctx: Context): Promise<string> {
  const given = [opts.mnemonic, opts.seed, opts.uri].filter((v) => v !== undefined);
  if (given.length > 1)
    throw new InputError('--mnemonic', 'give one of --mnemonic, --seed or --uri, not several');
  if (opts.mnemonic !== undefined) return checkedSecret(opts.mnemonic, '--mnemonic');
  if (opts.seed !== undefined)
    return checkedSecret(opts.seed.startsWith('0x') ? opts.seed : `0x${opts.seed}`, '--seed');
  if (opts.uri !== undefined) return checkedSecret(uriOption(opts.uri), '--uri');
  if (!ctx.interactive)
    throw new InputError(
      '--mnemonic',
      'give the key as --mnemonic "<words>" (or a secret URI), or --seed 0x…',
    );
  return checkedSecret(await askHidden('Mnemonic (or secret URI, or 0x seed): '), '--mnemonic');
}

/**
 * The password to encrypt a new key with, or null (unencrypted): from the environment, else asked
 * twice on a terminal; without either, `PASSWORD_REQUIRED` unless `--no-password`.
 */
async function newPassword(ctx: Context, keyfilePath: string, encrypt: boolean): Promise<string | null> {
  if (!encrypt) return null;
  const fromEnv = passwordFromEnv(process.env, { walletName: ctx.wallet.name, keyfilePath });
  if (fromEnv !== undefined) return fromEnv;
  if (!ctx.interactive)
    throw new InputError(
      'password',
      `set ${WALLET_PASSWORD_VARIABLE}, run in a terminal to be asked, or pass --no-password (unencrypted, development only)`,
      { cause: new TensormarketError('PASSWORD_REQUIRED', 'no password to encrypt the key with') },
    );
  for (;;) {
    const first = await askHidden('Password to encrypt the key: ');
    if (first === '') {
      process.stderr.write('An empty password protects nothing; use --no-password for an unencrypted key.\n');
      continue;
    }
    if ((await askHidden('Retype the password: ')) === first) return first;
    process.stderr.write('The passwords differ; try again.\n');
  }
}

/** Whether the coldkey is to be encrypted: unless `--no-password` (or btcli's `--no-use-password`). */
const encryptColdkey = (opts: KeyOptions) => opts.password && opts.usePassword !== false;
/** Whether a hotkey is to be encrypted: only with `--use-password`, as btcli. */
const encryptHotkey = (opts: KeyOptions) => opts.usePassword === true;

/** A written key as printed. */
function keyJson(name: string, key: StoredKey, mnemonic: string | undefined) {
  return {
    name,
    address: key.address,
    path: key.path,
    encrypted: key.encrypted,
    ...(mnemonic === undefined ? {} : { mnemonic }),
  };
}

/** Tell a person about a written key (and its new mnemonic, once). */
function sayKey(
  ctx: Context,
  what: string,
  key: Pick<StoredKey, 'address' | 'path' | 'encrypted'>,
  mnemonic: string | undefined,
): void {
  ctx.say(`${green(what)} ${key.address}  ${dim(`${key.path}${key.encrypted ? '' : ' (unencrypted)'}`)}`);
  if (mnemonic !== undefined) {
    ctx.say(yellow(`  mnemonic: ${mnemonic}`));
    ctx.say(dim('  Keep it offline: anyone holding it controls the key; it is the only way to recover it.'));
  }
}

async function writeColdkeyFrom(
  opts: KeyOptions,
  ctx: Context,
  secret: { uri: string; mnemonic?: string },
  overwrite: boolean,
) {
  const password = await newPassword(ctx, ctx.wallet.coldkey, encryptColdkey(opts));
  const key = await writeColdkey({
    walletPath: ctx.wallet.walletPath,
    name: ctx.wallet.name,
    uri: secret.uri,
    password,
    overwrite,
  });
  return keyJson('coldkey', key, secret.mnemonic);
}

async function writeHotkeyFrom(
  opts: KeyOptions,
  ctx: Context,
  secret: { uri: string; mnemonic?: string },
  overwrite: boolean,
) {
  const files = hotkeyFiles(ctx.wallet, ctx.hotkey);
  const password = await newPassword(ctx, files.file, encryptHotkey(opts));
  const key = await writeHotkey({
    walletPath: ctx.wallet.walletPath,
    name: ctx.wallet.name,
    hotkey: ctx.hotkey,
    uri: secret.uri,
    password,
    overwrite,
  });
  return keyJson(ctx.hotkey, key, secret.mnemonic);
}

/** Options of the commands that write keys. */
function keyOptions(command: Command, kind: 'new' | 'regen'): Command {
  command
    .option('--no-password', 'write the coldkey unencrypted (development only)')
    .addOption(new Option('--use-password', 'encrypt (default for coldkeys; hotkeys only when given)'))
    .addOption(new Option('--no-use-password').hideHelp())
    .option('--overwrite', 'replace existing key files');
  if (kind === 'new')
    command
      .option('--n-words <n>', 'words of the new mnemonic: 12 or 24', '12')
      .option('--uri <uri>', 'make the key from a secret URI (e.g. //Alice, or alice as btcli) instead');
  else
    command
      .option('--mnemonic <words>', 'the mnemonic (or a secret URI: "<words>//hard/soft", //Alice)')
      .option('--seed <hex>', 'the 32-byte seed, 0x hex')
      .option('--uri <uri>', 'a secret URI (e.g. //Alice, or alice as btcli)');
  return command;
}

/** Register `wallet` (alias `w`) and its subcommands. */
export function registerWallet(program: Command): void {
  const wallet = program
    .command('wallet')
    .alias('w')
    .description('wallets in btcli’s layout and formats: create, regenerate, list, balance, transfer');

  keyOptions(
    walletCommand<KeyOptions>(
      wallet,
      'create',
      'create a wallet: a new coldkey and hotkey',
      async (opts, ctx) => {
        const hot = hotkeyFiles(ctx.wallet, ctx.hotkey);
        const overwrite = opts.overwrite === true;
        if (!overwrite)
          refuseExisting([ctx.wallet.coldkey, ctx.wallet.coldkeypub, hot.file, hot.pub], 'name');
        const coldkey = await writeColdkeyFrom(opts, ctx, newSecret(opts), overwrite);
        const hotkey = await writeHotkeyFrom(opts, ctx, newSecret(opts), overwrite);
        finish(
          ctx,
          'wallet create',
          { walletPath: ctx.wallet.walletPath, name: ctx.wallet.name, coldkey, hotkey },
          () => {
            ctx.say(`wallet ${ctx.wallet.name} in ${ctx.wallet.walletPath}`);
            sayKey(ctx, 'coldkey', coldkey, coldkey.mnemonic);
            sayKey(ctx, `hotkey ${ctx.hotkey}`, hotkey, hotkey.mnemonic);
          },
        );
      },
    ),
    'new',
  );

  keyOptions(
    walletCommand<KeyOptions>(
      wallet,
      'new-coldkey',
      'create a new coldkey (and coldkeypub.txt)',
      async (opts, ctx) => {
        const coldkey = await writeColdkeyFrom(opts, ctx, newSecret(opts), opts.overwrite === true);
        finish(
          ctx,
          'wallet new-coldkey',
          { walletPath: ctx.wallet.walletPath, name: ctx.wallet.name, coldkey },
          () => sayKey(ctx, `wallet ${ctx.wallet.name} coldkey`, coldkey, coldkey.mnemonic),
        );
      },
    ),
    'new',
  );

  keyOptions(
    walletCommand<KeyOptions>(wallet, 'new-hotkey', 'create a new hotkey in a wallet', async (opts, ctx) => {
      const hotkey = await writeHotkeyFrom(opts, ctx, newSecret(opts), opts.overwrite === true);
      finish(
        ctx,
        'wallet new-hotkey',
        { walletPath: ctx.wallet.walletPath, name: ctx.wallet.name, hotkey },
        () => sayKey(ctx, `wallet ${ctx.wallet.name} hotkey ${ctx.hotkey}`, hotkey, hotkey.mnemonic),
      );
    }),
    'new',
  );

  keyOptions(
    walletCommand<KeyOptions>(
      wallet,
      'regen-coldkey',
      'write a coldkey again from its mnemonic or seed',
      async (opts, ctx) => {
        const coldkey = await writeColdkeyFrom(
          opts,
          ctx,
          { uri: await regenSecret(opts, ctx) },
          opts.overwrite === true,
        );
        finish(
          ctx,
          'wallet regen-coldkey',
          { walletPath: ctx.wallet.walletPath, name: ctx.wallet.name, coldkey },
          () => sayKey(ctx, `wallet ${ctx.wallet.name} coldkey`, coldkey, undefined),
        );
      },
    ),
    'regen',
  );

  keyOptions(
    walletCommand<KeyOptions>(
      wallet,
      'regen-hotkey',
      'write a hotkey again from its mnemonic or seed',
      async (opts, ctx) => {
        const hotkey = await writeHotkeyFrom(
          opts,
          ctx,
          { uri: await regenSecret(opts, ctx) },
          opts.overwrite === true,
        );
        finish(
          ctx,
          'wallet regen-hotkey',
          { walletPath: ctx.wallet.walletPath, name: ctx.wallet.name, hotkey },
          () => sayKey(ctx, `wallet ${ctx.wallet.name} hotkey ${ctx.hotkey}`, hotkey, undefined),
        );
      },
    ),
    'regen',
  );

  walletCommand<CommonOptions>(wallet, 'list', 'list the wallets and their hotkeys', async (_opts, ctx) => {
    const wallets = await listWallets(ctx.wallet.walletPath);
    finish(
      ctx,
      'wallet list',
      {
        walletPath: ctx.wallet.walletPath,
        wallets: wallets.map((w) => ({ ...w, hotkeys: [...w.hotkeys] })),
      },
      () => {
        ctx.say(`wallets in ${ctx.wallet.walletPath}${wallets.length === 0 ? ': none' : ''}`);
        for (const w of wallets) {
          ctx.say(`${green(w.name)}  ${w.coldkey ?? dim('(no readable coldkeypub.txt)')}`);
          for (const h of w.hotkeys) ctx.say(`  ${h.name}  ${h.address ?? dim('(encrypted)')}`);
        }
      },
    );
  });

  networkOptions(
    walletCommand<WalletNodeOptions>(
      wallet,
      'balance',
      'free balance of a wallet’s coldkey (or --all, or --ss58)',
      async (opts, ctx) => {
        const targets: { name: string | null; address: Ss58Address }[] = [];
        if (opts.ss58 !== undefined && opts.ss58.length > 0) {
          for (const a of opts.ss58) targets.push({ name: null, address: addressOption(a, '--ss58') });
        } else if (opts.all === true) {
          for (const w of await listWallets(ctx.wallet.walletPath)) {
            if (w.coldkey !== null) targets.push({ name: w.name, address: w.coldkey });
          }
        } else {
          targets.push({
            name: ctx.wallet.name,
            address: await coldkeyAddress({ walletPath: ctx.wallet.walletPath, name: ctx.wallet.name }),
          });
        }
        await withNode(opts, async (client) => {
          const balances: { name: string | null; address: Ss58Address; free: bigint }[] = [];
          for (const t of targets) balances.push({ ...t, free: await client.balance(t.address) });
          const total = balances.reduce((sum, b) => sum + b.free, 0n);
          finish(
            ctx,
            'wallet balance',
            {
              network: client.httpUrl,
              balances: balances.map((b) => ({ name: b.name, address: b.address, free: amountJson(b.free) })),
              total: amountJson(total),
            },
            () => {
              for (const b of balances)
                ctx.say(`${(b.name ?? '').padEnd(12)} ${b.address}  ${amountJson(b.free).tao} TAO`);
              ctx.say(`${'total'.padEnd(12)} ${' '.repeat(48)}  ${amountJson(total).tao} TAO`);
            },
          );
        });
      },
    )
      .option('--ss58 <address...>', 'the balances of these addresses instead')
      .option('-a, --all', 'every wallet in the wallet path'),
  );

  periodOption(
    networkOptions(
      walletCommand<WalletNodeOptions>(
        wallet,
        'transfer',
        'send TAO from the wallet’s coldkey',
        async (opts, ctx) => {
          const destText = opts.dest ?? opts.destination;
          if (destText === undefined) throw new InputError('--dest', 'required: the SS58 address to send to');
          if (opts.amount === undefined)
            throw new InputError('--amount', 'required: the TAO to send, e.g. 1.5');
          const dest = addressOption(destText, '--dest');
          const rao = parseAmount(opts.amount, '--amount');
          if (rao === 0n) throw new InputError('--amount', 'send more than 0 TAO');
          const period = parsePeriod(opts.period ?? '');
          const keypair = await signingColdkey(ctx);
          await withNode(opts, async (client) => {
            const before = await client.balance(keypair.address);
            const amount = amountJson(rao);
            const included = await sendTransaction({
              ctx,
              client,
              keypair,
              call: { name: 'transfer', args: { dest, amount: amount.rao } },
              period,
              question: `Send ${amount.tao} TAO from ${keypair.address} to ${dest} on ${client.httpUrl}?`,
              what: 'transfer',
            });
            if (included === null) return;
            const after = await client.balance(keypair.address);
            finish(
              ctx,
              'wallet transfer',
              {
                ...sentJson(client.httpUrl, included),
                from: keypair.address,
                dest,
                amount,
                balance: { before: amountJson(before), after: amountJson(after) },
              },
              () => {
                ctx.say(`${green('sent')} ${amount.tao} TAO to ${dest} in block ${included.block}`);
                ctx.say(
                  `balance of ${keypair.address}: ${amountJson(before).tao} → ${amountJson(after).tao} TAO`,
                );
              },
            );
          });
        },
      )
        .option('--dest <address>', 'the SS58 address to send to')
        .addOption(new Option('--destination <address>').hideHelp())
        .option('--amount <tao>', 'the TAO to send, e.g. 1.5 (at most 9 decimals)'),
    ),
  );
}
