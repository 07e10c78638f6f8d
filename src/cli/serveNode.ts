/**
 * What `localnet` and `node start` share: the serving options (block time, data folder, port, host,
 * verifier threads), starting the node on a genesis, printing what it serves (one JSON line with
 * `--json-output`), and stopping cleanly on Ctrl-C or SIGTERM (each acknowledged submission is already
 * journalled, so nothing in flight is lost).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { RAO_PER_TAO } from '../engine/chainConstants.ts';
import { InputError } from '../engine/errors.ts';
import type { GenesisConfig } from '../engine/genesis/createGenesis.ts';
import { createVerifierPool } from '../node/admission/verifierPool.ts';
import { type BlockProduction, startLocalnet } from '../node/startLocalnet.ts';
import { type AmountJson, amountJson } from '../sdk/amount/amount.ts';
import type { CliOutput } from './cliJsonShapes.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { BUILD_DASHBOARD_HINT, builtDashboard } from './dashboardDir.ts';
import { dim, green } from './output.ts';
import { wholeNumber } from './wholeNumber.ts';

/**
 * `--block-time`: `250ms`, `12s`, `instant` (a block after each submission) or `manual` (on `tm_produceBlock`).
 * @example parseBlockTime('250ms') // { everyMs: 250 }
 */
export function parseBlockTime(text: string): BlockProduction {
  if (text === 'instant' || text === 'manual') return text;
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  const ms = m === null ? Number.NaN : Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  if (!(ms >= 1 && ms <= 3_600_000))
    throw new InputError('--block-time', `expected e.g. 250ms, 12s, instant or manual, got "${text}"`);
  return { everyMs: ms };
}

/** The serving options as commander gives them. */
export type ServeOptions = {
  blockTime: string;
  data?: string;
  fresh?: boolean;
  port: string;
  host: string;
  verifyThreads: string;
  rounds?: string;
} & JsonOptions;

/** Add the serving options (and `--json-output`) to a command; `dataDir` is the default data folder. */
export function addServeOptions(command: Command, dataDir: string): Command {
  command
    .option('--block-time <t>', 'block time (250ms, 12s), or instant, or manual', '250ms')
    .option('--data <dir>', `folder of the chain's database (default ${dataDir})`)
    .option('--fresh', 'discard the stored chain and start from genesis')
    .option('--port <n>', 'JSON-RPC port (HTTP and WebSocket)', '9944')
    .option('--host <ip>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
    .option(
      '--verify-threads <n>',
      'threads that check batches of submissions (0: the node thread; worth it for many concurrent clients)',
      '0',
    )
    .option(
      '--rounds <dir>',
      "validators' data folders (e.g. the demo's .demo): their round records on the dashboard's subnet pages",
    );
  return addJsonOptions(command);
}

/** What the startup lines say about the chain besides where it is served. */
export interface ServedChain {
  readonly command: 'localnet' | 'node start';
  readonly genesis: GenesisConfig;
  /** Default data folder. */
  readonly dataDir: string;
  readonly rulePack: string;
  readonly mechanisms: readonly string[];
  /** Changed chain parameters, each with why. */
  readonly overlay: readonly { readonly name: string; readonly value: number; readonly why: string }[];
  readonly sudo: string;
  readonly accounts: readonly {
    readonly name: string;
    readonly uri: string | null;
    readonly address: string;
    readonly balance: bigint;
  }[];
}

/** Start the node on `chain.genesis`, print what it serves, and serve until Ctrl-C or SIGTERM. */
export async function serveNode(opts: ServeOptions, chain: ServedChain): Promise<void> {
  const production = parseBlockTime(opts.blockTime);
  const port = wholeNumber(opts.port, '--port', 0, 65_535);
  const threads = wholeNumber(opts.verifyThreads, '--verify-threads', 0, 64);
  const verifier = threads === 0 ? undefined : await createVerifierPool({ threads });
  const dataDir = resolve(opts.data ?? chain.dataDir);
  const dashboard = builtDashboard();
  const starting = startLocalnet({
    dataDir,
    genesis: chain.genesis,
    fresh: opts.fresh === true,
    production,
    host: opts.host,
    port,
    ...(verifier === undefined ? {} : { verifier }),
    ...(dashboard === undefined ? {} : { staticDir: dashboard }),
    ...(opts.rounds === undefined ? {} : { roundsDir: resolve(opts.rounds) }),
    onProductionError: (error) => {
      process.stderr.write(`${chain.command}: block production stopped: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  });
  // The threads would keep the process alive after a failed start.
  const net = await starting.catch(async (error: unknown) => {
    await verifier?.close();
    throw error;
  });
  const accounts = chain.accounts.map((a) => ({ ...a, balance: amountJson(a.balance) as AmountJson }));
  const facts: CliOutput<'localnet'> = {
    url: net.server.url,
    wsUrl: net.server.wsUrl,
    dataDir,
    block: net.node.head.number,
    genesisHash: net.node.genesisHash,
    rulePack: chain.rulePack,
    mechanisms: [...chain.mechanisms],
    blockTime: opts.blockTime,
    overlay: chain.overlay.map((o) => ({ ...o })),
    sudo: chain.sudo,
    accounts,
  };
  if (wantsJson(opts)) printJson(chain.command, facts, { line: true });
  else {
    const out = (line = '') => process.stdout.write(`${line}\n`);
    out(
      green(
        `${chain.command === 'localnet' ? 'local network' : 'node'} at ${net.server.url} (WebSocket ${net.server.wsUrl})`,
      ),
    );
    out(
      dashboard === undefined
        ? dim(`dashboard: not built; ${BUILD_DASHBOARD_HINT}`)
        : `dashboard: ${net.server.url} (in a browser)`,
    );
    if (opts.rounds !== undefined) out(`validators' rounds: read from ${resolve(opts.rounds)}`);
    out(`chain: ${dataDir} at block ${net.node.head.number}; genesis ${net.node.genesisHash}`);
    out(
      `rules: ${chain.rulePack}; mechanisms: ${chain.mechanisms.length === 0 ? 'none' : chain.mechanisms.join(', ')}`,
    );
    out(`blocks: ${typeof production === 'object' ? `every ${production.everyMs} ms` : production}`);
    if (chain.overlay.length > 0) out('dev overlay:');
    for (const o of chain.overlay) out(dim(`  ${o.name} = ${o.value} (${o.why})`));
    out(`accounts (sudo = ${chain.accounts.find((a) => a.address === chain.sudo)?.uri ?? chain.sudo}):`);
    for (const a of chain.accounts)
      out(dim(`  ${(a.uri ?? a.name).padEnd(10)} ${a.address}  ${a.balance / RAO_PER_TAO} TAO`));
    out('Ctrl-C stops the node; the chain stays in the data folder.');
  }
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void net
        .close()
        .then(() => verifier?.close())
        .then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
