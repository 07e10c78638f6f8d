/**
 * `tensormarket localnet [--block-time 250ms|12s|instant|manual] [--data DIR] [--fresh] [--port 9944]
 * [--host 127.0.0.1] [--verify-threads N]`: a local network in one command, as subtensor's fast local mode is: the dev
 * accounts funded, //Alice as sudo, tempo 10, blocks every 250 ms, JSON-RPC over HTTP and WebSocket on
 * port 9944; the chain persists in DIR across restarts unless --fresh. With `--json-output` the startup
 * facts are one JSON line on stdout, printed once the node listens.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { RAO_PER_TAO } from '../engine/chainConstants.ts';
import { InputError } from '../engine/errors.ts';
import { DEFAULT_RULE_PACK, parseRulePack, RULE_PACKS } from '../engine/rules/rulePack.ts';
import { createVerifierPool } from '../node/admission/verifierPool.ts';
import { DEV_ACCOUNTS, DEV_SUDO, fundedFromEnv } from '../node/devAccounts.ts';
import { DEV_OVERLAY, devGenesis } from '../node/devGenesis.ts';
import { type BlockProduction, startLocalnet } from '../node/startLocalnet.ts';
import { amountJson } from '../sdk/amount/amount.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { dim, green } from './output.ts';

/** Where the chain is kept unless --data says otherwise. */
export const DEFAULT_LOCALNET_DIR = '.localnet';

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

/** `--port`: 0 (any free port) to 65535. */
function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InputError('--port', `expected 0..65535, got "${text}"`);
  return n;
}

/** `--verify-threads`: 0 (check submissions in the node's thread) to 64. */
function parseThreads(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InputError('--verify-threads', `expected 0..64, got "${text}"`);
  return n;
}

/** Register the `localnet` command. */
export function registerLocalnet(program: Command): void {
  const command = program
    .command('localnet')
    .description(
      'start a local network: dev accounts, fast blocks, JSON-RPC on port 9944, state kept on disk',
    )
    .option('--block-time <t>', 'block time (250ms, 12s), or instant, or manual', '250ms')
    .option('--data <dir>', `folder of the chain's database (default ${DEFAULT_LOCALNET_DIR})`)
    .option('--fresh', 'discard the stored chain and start from genesis')
    .option('--port <n>', 'JSON-RPC port (HTTP and WebSocket)', '9944')
    .option('--host <ip>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
    .option('--rule-pack <name>', `emission rules of the chain (${RULE_PACKS.join(', ')})`, DEFAULT_RULE_PACK)
    .option(
      '--verify-threads <n>',
      'threads that check batches of submissions (0: the node thread; worth it for many concurrent clients)',
      '0',
    );
  addJsonOptions(command).action(
    async (
      opts: {
        blockTime: string;
        data?: string;
        fresh?: boolean;
        port: string;
        host: string;
        rulePack: string;
        verifyThreads: string;
      } & JsonOptions,
    ) => {
      const production = parseBlockTime(opts.blockTime);
      const rulePack = parseRulePack(opts.rulePack, '--rule-pack');
      const port = parsePort(opts.port);
      const threads = parseThreads(opts.verifyThreads);
      const verifier = threads === 0 ? undefined : await createVerifierPool({ threads });
      const funded = fundedFromEnv(process.env);
      const dataDir = resolve(opts.data ?? DEFAULT_LOCALNET_DIR);
      const starting = startLocalnet({
        dataDir,
        genesis: devGenesis({
          rulePack,
          ...(funded === null ? {} : { extraBalances: { [funded.address]: funded.balance } }),
        }),
        fresh: opts.fresh === true,
        production,
        host: opts.host,
        port,
        ...(verifier === undefined ? {} : { verifier }),
        onProductionError: (error) => {
          process.stderr.write(`localnet: block production stopped: ${(error as Error).message}\n`);
          process.exitCode = 1;
        },
      });
      // The threads would keep the process alive after a failed start.
      const net = await starting.catch(async (error: unknown) => {
        await verifier?.close();
        throw error;
      });
      const out = (line = '') => {
        if (!wantsJson(opts)) process.stdout.write(`${line}\n`);
      };
      if (wantsJson(opts))
        printJson(
          'localnet',
          {
            url: net.server.url,
            wsUrl: net.server.wsUrl,
            dataDir,
            block: net.node.head.number,
            genesisHash: net.node.genesisHash,
            rulePack,
            blockTime: opts.blockTime,
            overlay: DEV_OVERLAY.map((o) => ({ name: o.name, value: o.value, why: o.why })),
            sudo: DEV_SUDO.address,
            accounts: [
              ...DEV_ACCOUNTS.map((a) => ({
                name: a.name,
                uri: a.uri,
                address: a.address,
                balance: amountJson(a.balance),
              })),
              ...(funded === null
                ? []
                : [
                    {
                      name: 'funded',
                      uri: null,
                      address: funded.address,
                      balance: amountJson(funded.balance),
                    },
                  ]),
            ],
          },
          { line: true },
        );
      out(green(`local network at ${net.server.url} (WebSocket ${net.server.wsUrl})`));
      out(
        `chain: ${dataDir} at block ${net.node.head.number}; genesis ${net.node.genesisHash}; rules ${rulePack}`,
      );
      out(
        `blocks: ${typeof production === 'object' ? `every ${production.everyMs} ms` : production}; dev overlay:`,
      );
      for (const o of DEV_OVERLAY) out(dim(`  ${o.name} = ${o.value} (${o.why})`));
      out('dev accounts (sudo = //Alice):');
      for (const a of DEV_ACCOUNTS)
        out(dim(`  //${a.name.padEnd(8)} ${a.address}  ${a.balance / RAO_PER_TAO} TAO`));
      if (funded !== null) out(dim(`  funded     ${funded.address}  ${funded.balance / RAO_PER_TAO} TAO`));
      out('Ctrl-C stops the node; the chain stays in the data folder.');
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
    },
  );
}
