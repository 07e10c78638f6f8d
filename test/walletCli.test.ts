/**
 * `tensormarket wallet` end to end on a real local network: a wallet created unencrypted in a temporary
 * wallet path, //Alice regenerated from the development phrase, a transfer from her to the new coldkey,
 * balances in the published JSON shape, and a refused transfer answered with the JSON error and exit 2.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ERROR_SHAPE, CLI_JSON_SHAPES } from '../src/cli/cliJsonShapes.ts';
import { DEV_ACCOUNTS } from '../src/sdk/devnet/devAccounts.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { DEV_PHRASE } from '../src/sdk/keys/mnemonic.ts';
import { type CliResult, REPO_ROOT, runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-wallet-cli-');
const cwd = tempDir();
const walletPath = join(cwd, 'wallets');
let node: ChildProcess | undefined;

/**
 * Start the node as the CLI process itself (not through `bin/`, whose wrapper would leave it running when
 * signalled); resolves with its WebSocket URL once it serves.
 */
function startNode(): Promise<string> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const args = ['localnet', '--port', '0', '--block-time', 'instant', '--data', cwd];
  node = spawn(process.execPath, ['--import', tsxLoader, join(REPO_ROOT, 'src', 'cli', 'bin.ts'), ...args], {
    cwd,
  });
  return new Promise((done, fail) => {
    let out = '';
    node!.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /WebSocket (ws:\/\/[^\s)]+)/.exec(out);
      if (m !== null) done(m[1]!);
    });
    node!.on('exit', (code) => fail(new Error(`localnet exited with ${code} before serving: ${out}`)));
  });
}

afterAll(async () => {
  if (node === undefined || node.exitCode !== null) return;
  node.kill('SIGTERM');
  await new Promise((r) => node!.once('exit', r));
});

/** Run a wallet command with the test's wallet path and node, asking for JSON. */
function wallet(args: readonly string[]): Promise<CliResult> {
  return runCliAsync(['wallet', ...args, '--wallet-path', walletPath, '--json-output'], { cwd });
}

/** The one JSON document a command printed (fails with its output when there is anything else). */
function json(result: CliResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not one JSON document (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

describe('tensormarket wallet on a local network', () => {
  it('creates a wallet, funds it from //Alice by transfer, and reports balances', async () => {
    // Keys need no node: they are written while it starts.
    const [wsUrl, created, alice] = await Promise.all([
      startNode(),
      wallet(['create', '--wallet-name', 'miner', '--no-password']),
      runCliAsync(
        [
          'w',
          'regen-coldkey',
          '--wallet-name',
          'alice',
          '--mnemonic',
          `${DEV_PHRASE}//Alice`,
          '--no-password',
        ].concat(['--wallet-path', walletPath, '--json']),
        { cwd },
      ),
    ]);
    expect(created.status, created.stderr).toBe(0);
    const miner = CLI_JSON_SHAPES['wallet create'].parse(json(created));
    expect(miner.coldkey.encrypted).toBe(false);
    expect(keypairFromUri(miner.coldkey.mnemonic!).address).toBe(miner.coldkey.address);
    expect(JSON.parse(readFileSync(join(walletPath, 'miner', 'coldkeypub.txt'), 'utf8')).ss58Address).toBe(
      miner.coldkey.address,
    );
    const regenerated = CLI_JSON_SHAPES['wallet regen-coldkey'].parse(json(alice));
    expect(regenerated.coldkey.address).toBe(keypairFromUri('//Alice').address);

    const sent = await wallet(
      ['transfer', '--wallet-name', 'alice', '--dest', miner.coldkey.address].concat([
        '--amount',
        '12.5',
        '--network',
        wsUrl,
        '-y',
        '--period',
        '32',
      ]),
    );
    expect(sent.status, sent.stderr).toBe(0);
    const transfer = CLI_JSON_SHAPES['wallet transfer'].parse(json(sent));
    const aliceStart = DEV_ACCOUNTS.find((a) => a.uri === '//Alice')!.balance;
    expect(transfer.amount).toEqual({ rao: '12500000000', tao: '12.5' });
    expect(BigInt(transfer.balance.before.rao)).toBe(aliceStart);
    expect(BigInt(transfer.balance.after.rao)).toBe(aliceStart - 12_500_000_000n);

    const [balances, refused] = await Promise.all([
      wallet(['balance', '--all', '--network', wsUrl]),
      wallet(
        [
          'transfer',
          '--wallet-name',
          'miner',
          '--dest',
          regenerated.coldkey.address,
          '--amount',
          '13',
        ].concat(['--network', wsUrl]),
      ),
    ]);
    expect(balances.status, balances.stderr).toBe(0);
    const report = CLI_JSON_SHAPES['wallet balance'].parse(json(balances));
    expect(report.balances).toEqual([
      { name: 'alice', address: regenerated.coldkey.address, free: transfer.balance.after },
      { name: 'miner', address: miner.coldkey.address, free: { rao: '12500000000', tao: '12.5' } },
    ]);
    expect(BigInt(report.total.rao)).toBe(aliceStart);
    expect(refused.status).toBe(2);
    expect(CLI_ERROR_SHAPE.parse(json(refused)).error).toMatchObject({
      code: 'NotEnoughBalance',
      field: '--amount',
    });
  });
});
