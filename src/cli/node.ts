/**
 * `tensormarket node start --genesis FILE` serves a chain from a chosen genesis (accounts, parameters,
 * rule pack, binding mechanisms) with the same serving options as `localnet`; `tensormarket node genesis`
 * writes the local network's genesis as such a file, to edit and start from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { createGenesis } from '../engine/genesis/createGenesis.ts';
import type { MechanismsState } from '../engine/mechanisms/config.ts';
import { DEV_ACCOUNTS } from '../sdk/devnet/devAccounts.ts';
import { devGenesisFile } from '../sdk/devnet/devGenesis.ts';
import { genesisFromFile } from '../sdk/devnet/genesisFile.ts';
import type { CliOutput } from './cliJsonShapes.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { addDevGenesisOptions, devGenesisOptions } from './localnet.ts';
import { addServeOptions, type ServeOptions, serveNode } from './serveNode.ts';

/** Where `node start` keeps the chain unless --data says otherwise. */
export const DEFAULT_NODE_DIR = '.node';

/** The genesis a file describes, with errors naming the file and the field. */
function readGenesis(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InputError('--genesis', `${file} is not readable JSON: ${(cause as Error).message}`, { cause });
  }
  try {
    return genesisFromFile(json);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Name the file as well as the field in it.
    throw new InputError(`${file}: ${error.field}`, error.message.slice(error.field.length + 2), {
      cause: error,
    });
  }
}

/** The mechanisms a genesis switches on. */
function mechanismsOn(state: ReturnType<typeof createGenesis>): string[] {
  if (state.addOn === undefined) return [];
  const { params } = state.addOn.data as MechanismsState;
  return Object.entries(params)
    .filter(([, p]) => p !== null)
    .map(([name]) => name);
}

/** Register the `node` command group. */
export function registerNode(program: Command): void {
  const node = program.command('node').description('run a node on a chosen genesis');
  const start = node
    .command('start')
    .description('serve a chain from a genesis file (write one with `node genesis`)')
    .requiredOption('--genesis <file>', 'the genesis file (JSON, format tensormarket-genesis/1)');
  addServeOptions(start, DEFAULT_NODE_DIR).action(async (opts: ServeOptions & { genesis: string }) => {
    const file = resolve(opts.genesis);
    const genesis = readGenesis(file);
    const state = createGenesis(genesis);
    const uriOf = new Map(DEV_ACCOUNTS.map((a) => [a.address as string, a]));
    await serveNode(opts, {
      command: 'node start',
      genesis,
      dataDir: DEFAULT_NODE_DIR,
      rulePack: state.rulePack,
      mechanisms: mechanismsOn(state),
      overlay: [],
      sudo: state.sudo,
      accounts: [...state.balances].map(([address, balance]) => ({
        name: uriOf.get(address)?.name ?? 'account',
        uri: uriOf.get(address)?.uri ?? null,
        address,
        balance,
      })),
    });
  });

  const genesis = node
    .command('genesis')
    .description("write the local network's genesis as a file to edit (dev accounts, dev overlay)")
    .option('--out <file>', 'write it here (default: print it)');
  addJsonOptions(addDevGenesisOptions(genesis)).action(
    (opts: { rulePack: string; mechanisms: string; out?: string } & JsonOptions) => {
      const file = devGenesisFile(devGenesisOptions(opts)) as CliOutput<'node genesis'>;
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (opts.out !== undefined) {
        writeFileSync(resolve(opts.out), text);
        if (!wantsJson(opts)) process.stdout.write(`wrote ${resolve(opts.out)}\n`);
      }
      if (wantsJson(opts)) printJson('node genesis', file);
      else if (opts.out === undefined) process.stdout.write(text);
    },
  );
}
