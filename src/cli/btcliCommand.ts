/**
 * A subcommand in btcli's grammar, as every group (`wallet`, `subnets`, `stake`, `weights`, `sudo`)
 * declares it: btcli's wallet flags (`--wallet-name`, `--wallet-hotkey`, `--wallet-path`),
 * `--json-output`/`--json` and `--no-prompt`/`-y`, and for the commands that reach a node `--network`
 * and `--period`. With `--json-output` stdout is exactly one JSON document (its published shape, or the
 * error shape with exit 2) and nothing is asked; a failure names the option at fault.
 */
import { type Command, Option } from 'commander';
import { InputError } from '../engine/errors.ts';
import type { ChainClient } from '../sdk/client/chainClient.ts';
import { connect, DEFAULT_ERA_PERIOD } from '../sdk/client/chainClient.ts';
import { nodeEndpoints } from '../sdk/client/nodeEndpoints.ts';
import type { Keypair } from '../sdk/keys/keypair.ts';
import { decodeSs58, type Ss58Address } from '../sdk/keys/ss58.ts';
import { Ss58Error } from '../sdk/keys/ss58Error.ts';
import { MAX_ERA_PERIOD } from '../sdk/tx/envelope.ts';
import type { PasswordProvider } from '../sdk/wallet/keyfileStore.ts';
import { coldkeyAddress, hotkeyAddress, readColdkey, readHotkey } from '../sdk/wallet/walletKeys.ts';
import { passwordFromEnv } from '../sdk/wallet/walletPassword.ts';
import {
  DEFAULT_HOTKEY_NAME,
  DEFAULT_WALLET_NAME,
  DEFAULT_WALLET_PATH,
  hotkeyFiles,
  type WalletLocation,
  walletLocation,
} from '../sdk/wallet/walletPaths.ts';
import type { CliCommand, CliOutput } from './cliJsonShapes.ts';
import {
  addJsonOptions,
  FAILURE_EXIT_CODE,
  jsonRequested,
  printJson,
  reportFailure,
  wantsJson,
} from './commandOutput.ts';
import { askHidden, canPrompt } from './terminalPrompt.ts';
import { wholeNumber } from './wholeNumber.ts';

/** Options every btcli-style command takes. */
export interface CommonOptions {
  readonly walletName?: string;
  readonly name?: string;
  readonly walletPath?: string;
  readonly walletHotkey?: string;
  readonly hotkey?: string;
  readonly jsonOutput?: boolean;
  readonly json?: boolean;
  /** False with `--no-prompt` / `-y`. */
  readonly prompt: boolean;
}

/** Options of the commands that reach a node ({@link networkOptions}, {@link periodOption}). */
export interface NodeOptions extends CommonOptions {
  readonly network: string;
  /** Present on the commands that send a transaction. */
  readonly period?: string;
}

/** How the command at hand runs: where the wallet is, JSON or text, and whether it may ask. */
export interface Context {
  readonly json: boolean;
  /** Questions may be asked: a terminal, and neither `--no-prompt` nor `--json-output`. */
  readonly interactive: boolean;
  readonly wallet: WalletLocation;
  /** The hotkey's name in the wallet. */
  readonly hotkey: string;
  /** A line for a person (text mode only). */
  say(line?: string): void;
}

/** The option that sets each input the SDK names in its errors (wallet, keys, amounts). */
const OPTION_OF: Readonly<Record<string, string>> = {
  name: '--wallet-name',
  coldkey: '--wallet-name',
  hotkey: '--wallet-hotkey',
  amount: '--amount',
  dest: '--dest',
  period: '--period',
  network: '--network',
  url: '--network',
};

function contextOf(opts: CommonOptions): Context {
  const json = wantsJson(opts);
  const walletArgs = {
    walletPath: opts.walletPath ?? process.env.BT_WALLET_PATH ?? DEFAULT_WALLET_PATH,
    name: opts.walletName ?? opts.name ?? process.env.BT_WALLET_NAME ?? DEFAULT_WALLET_NAME,
  };
  return {
    json,
    interactive: !json && opts.prompt && canPrompt(),
    wallet: walletLocation(walletArgs),
    hotkey: opts.walletHotkey ?? opts.hotkey ?? process.env.BT_WALLET_HOTKEY ?? DEFAULT_HOTKEY_NAME,
    say: (line = '') => {
      if (!json) process.stdout.write(`${line}\n`);
    },
  };
}

/** What {@link btcliCommand} takes. */
export interface BtcliCommandSpec<O extends CommonOptions> {
  readonly group: Command;
  readonly name: string;
  readonly description: string;
  readonly run: (opts: O, ctx: Context) => Promise<void>;
  /**
   * The option behind each argument of the chain call the command sends, for refusals that name the
   * argument (e.g. `netuid` → `--netuid`, `signer` → `--wallet-hotkey`); others keep their name.
   */
  readonly callOptions?: Readonly<Record<string, string>>;
}

/**
 * A subcommand of `group` with the flags every btcli-style command takes, answering failures in the
 * requested form (the JSON error on stdout, or `error [CODE] …` on stderr) with exit 2.
 * @example btcliCommand({ group, name: 'list', description: 'list the subnets', run: async (opts, ctx) => {} })
 */
export function btcliCommand<O extends CommonOptions>(spec: BtcliCommandSpec<O>): Command {
  const optionOf = (field: string) => OPTION_OF[field] ?? field;
  const callOptions = spec.callOptions ?? {};
  const callOptionOf = (field: string) => callOptions[field] ?? optionOf(field);
  const command = spec.group
    .command(spec.name)
    .description(spec.description)
    .option('--wallet-name <name>', `wallet name (default ${DEFAULT_WALLET_NAME})`)
    .addOption(new Option('--name <name>').hideHelp())
    .option('-p, --wallet-path <path>', `folder of wallets (default ${DEFAULT_WALLET_PATH})`)
    .option('-H, --wallet-hotkey <name>', `hotkey name (default ${DEFAULT_HOTKEY_NAME})`)
    .addOption(new Option('--hotkey <name>').hideHelp());
  return addJsonOptions(command)
    .option('-y, --no-prompt', 'never ask: take defaults and confirm')
    .exitOverride((error) => {
      if (error.exitCode === 0) return;
      if (jsonRequested())
        reportFailure(new InputError('arguments', error.message.replace(/^error: /, '')), true);
      process.exit(FAILURE_EXIT_CODE);
    })
    .action(async (opts: O) => {
      let json = jsonRequested();
      try {
        const ctx = contextOf(opts);
        json = ctx.json;
        await spec.run(opts, ctx);
      } catch (error) {
        reportFailure(error, json, optionOf, callOptionOf);
      }
    });
}

/** Print a command's result: JSON, or the lines for a person. */
export function finish<C extends CliCommand>(
  ctx: Context,
  command: C,
  value: CliOutput<C>,
  text: () => void,
): void {
  if (ctx.json) printJson(command, value);
  else text();
}

/** Add `--network` (a node: `local` or its URL). */
export function networkOptions(command: Command): Command {
  return command.option('--network <network>', 'the node: local (ws://127.0.0.1:9944) or its URL', 'local');
}

/** Add `--period` (blocks a transaction stays valid). */
export function periodOption(command: Command): Command {
  return command.option(
    '--period <blocks>',
    'blocks the transaction stays valid',
    String(DEFAULT_ERA_PERIOD),
  );
}

/**
 * `--period`: blocks the transaction stays valid, 1 to {@link MAX_ERA_PERIOD}.
 * @example parsePeriod('32') // 32
 */
export function parsePeriod(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ERA_PERIOD)
    throw new InputError(
      '--period',
      `expected a whole number of blocks from 1 to ${MAX_ERA_PERIOD}, got "${text}"`,
    );
  return n;
}

/**
 * A checked SS58 address given with `option`.
 * @example addressOption('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', '--dest')
 */
export function addressOption(text: string, option: string): Ss58Address {
  try {
    decodeSs58(text);
    return text as Ss58Address;
  } catch (cause) {
    if (cause instanceof Ss58Error)
      throw new InputError(option, cause.message.replace(/^address: /, ''), { cause });
    throw cause;
  }
}

/** `--netuid`: a subnet's number. */
export const netuidOption = (text: string | undefined, option = '--netuid'): number =>
  wholeNumber(text, option, 0, 65_535);

/** The password of a key file, from the environment, else asked on a terminal (only if it is encrypted). */
function keyPassword(ctx: Context, keyfilePath: string, what: string): PasswordProvider {
  return async () =>
    passwordFromEnv(process.env, { walletName: ctx.wallet.name, keyfilePath }) ??
    (ctx.interactive ? await askHidden(`Password of ${what}: `) : undefined);
}

/** The password of the wallet's coldkey. */
export function coldkeyPassword(ctx: Context): PasswordProvider {
  return keyPassword(ctx, ctx.wallet.coldkey, `wallet ${ctx.wallet.name}'s coldkey`);
}

/** The wallet's coldkey, to sign with. */
export function signingColdkey(ctx: Context): Promise<Keypair> {
  return readColdkey({
    walletPath: ctx.wallet.walletPath,
    name: ctx.wallet.name,
    password: coldkeyPassword(ctx),
  });
}

/** The wallet's hotkey (`--wallet-hotkey`), to sign with. */
export function signingHotkey(ctx: Context): Promise<Keypair> {
  const file = hotkeyFiles(ctx.wallet, ctx.hotkey).file;
  return readHotkey({
    walletPath: ctx.wallet.walletPath,
    name: ctx.wallet.name,
    hotkey: ctx.hotkey,
    password: keyPassword(ctx, file, `wallet ${ctx.wallet.name}'s hotkey ${ctx.hotkey}`),
  });
}

/** The wallet's coldkey address (no password needed). */
export function walletColdkeyAddress(ctx: Context): Promise<Ss58Address> {
  return coldkeyAddress({ walletPath: ctx.wallet.walletPath, name: ctx.wallet.name });
}

/** The address of the wallet's hotkey `--wallet-hotkey` (no password needed). */
export function walletHotkeyAddress(ctx: Context): Promise<Ss58Address> {
  return hotkeyAddress({ walletPath: ctx.wallet.walletPath, name: ctx.wallet.name, hotkey: ctx.hotkey });
}

/**
 * Run `use` with a client of the node `--network` names, closed afterwards.
 * @example await withNode(opts, (client) => client.subnets())
 */
export async function withNode<T>(
  opts: Pick<NodeOptions, 'network'>,
  use: (client: ChainClient) => Promise<T>,
): Promise<T> {
  const client = connect(nodeEndpoints(opts.network, '--network').httpUrl);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}
