/**
 * `tensormarket localnet [--block-time 250ms|12s|instant|manual] [--data DIR] [--fresh] [--port 9944]
 * [--host 127.0.0.1] [--rule-pack NAME] [--mechanisms LIST] [--verify-threads N]`: a local network in
 * one command, as subtensor's fast local mode is: the dev accounts funded, //Alice as sudo, tempo 10,
 * blocks every 250 ms, JSON-RPC over HTTP and WebSocket on port 9944; the chain persists in DIR across
 * restarts unless --fresh. With `--json-output` the startup facts are one JSON line on stdout, printed
 * once the node listens.
 */
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { DEFAULT_RULE_PACK, parseRulePack, RULE_PACKS } from '../engine/rules/rulePack.ts';
import { DEV_ACCOUNTS, DEV_SUDO, fundedFromEnv } from '../sdk/devnet/devAccounts.ts';
import {
  DEV_OVERLAY,
  type DevGenesisOptions,
  devGenesis,
  MECHANISM_NAMES,
  type MechanismName,
} from '../sdk/devnet/devGenesis.ts';
import { addServeOptions, type ServeOptions, serveNode } from './serveNode.ts';

/** Where the chain is kept unless --data says otherwise. */
export const DEFAULT_LOCALNET_DIR = '.localnet';

/**
 * `--mechanisms`: binding mechanisms to switch on, comma-separated (`none`, `all`).
 * @example parseMechanisms('covenant,credits') // ['covenant', 'credits']
 */
export function parseMechanisms(text: string): MechanismName[] {
  if (text.trim() === 'none' || text.trim() === '') return [];
  if (text.trim() === 'all') return [...MECHANISM_NAMES];
  const names = text.split(',').map((s) => s.trim());
  for (const name of names)
    if (!(MECHANISM_NAMES as readonly string[]).includes(name))
      throw new InputError(
        '--mechanisms',
        `no mechanism "${name}"; expected some of ${MECHANISM_NAMES.join(', ')}`,
      );
  return [...new Set(names)] as MechanismName[];
}

/** The dev genesis options of `localnet` and `node genesis`: rule pack, mechanisms, the funded address. */
export function devGenesisOptions(opts: {
  rulePack: string;
  mechanisms: string;
}): Required<Omit<DevGenesisOptions, 'extraBalances'>> & Pick<DevGenesisOptions, 'extraBalances'> {
  const funded = fundedFromEnv(process.env);
  return {
    rulePack: parseRulePack(opts.rulePack, '--rule-pack'),
    mechanisms: parseMechanisms(opts.mechanisms),
    ...(funded === null ? {} : { extraBalances: { [funded.address]: funded.balance } }),
  };
}

/** Add `--rule-pack` and `--mechanisms` to a command. */
export function addDevGenesisOptions(command: Command): Command {
  return command
    .option('--rule-pack <name>', `emission rules of the chain (${RULE_PACKS.join(', ')})`, DEFAULT_RULE_PACK)
    .option(
      '--mechanisms <list>',
      `binding mechanisms to switch on (${MECHANISM_NAMES.join(', ')}), comma-separated`,
      'none',
    );
}

/** Register the `localnet` command. */
export function registerLocalnet(program: Command): void {
  const command = program
    .command('localnet')
    .description(
      'start a local network: dev accounts, fast blocks, JSON-RPC on port 9944, state kept on disk',
    );
  addServeOptions(addDevGenesisOptions(command), DEFAULT_LOCALNET_DIR).action(
    async (opts: ServeOptions & { rulePack: string; mechanisms: string }) => {
      const options = devGenesisOptions(opts);
      const funded = Object.entries(options.extraBalances ?? {});
      await serveNode(opts, {
        command: 'localnet',
        genesis: devGenesis(options),
        dataDir: DEFAULT_LOCALNET_DIR,
        rulePack: options.rulePack,
        mechanisms: options.mechanisms,
        overlay: DEV_OVERLAY,
        sudo: DEV_SUDO.address,
        accounts: [
          ...DEV_ACCOUNTS,
          ...funded.map(([address, balance]) => ({ name: 'funded', uri: null, address, balance })),
        ],
      });
    },
  );
}
