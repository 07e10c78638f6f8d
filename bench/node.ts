/**
 * The local network's node (`npm run bench -- node`): signed sr25519 transfers per second accepted
 * (checked and journalled, durable), applied and durable (blocks committed), and end to end with the
 * two overlapped; the share of time in signature checks, the engine and the database; verifiers side by
 * side; block production on a 128-subnet genesis; JSON-RPC calls per second; and a 100-kill crash run.
 * Figures only: nothing here fails on time.
 */

import { createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sr25519_keypair_from_seed, sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';
import * as scure from '@scure/sr25519';
import { RAO_PER_TAO } from '../src/engine/chainConstants.ts';
import type { GenesisConfig } from '../src/engine/genesis/createGenesis.ts';
import { type EnvelopeVerifier, inlineVerifier } from '../src/node/admission/envelopeVerifier.ts';
import { createVerifierPool } from '../src/node/admission/verifierPool.ts';
import { LocalNode, type NodeTimings } from '../src/node/localNode.ts';
import { startLocalnet } from '../src/node/startLocalnet.ts';
import { devGenesis } from '../src/sdk/devnet/devGenesis.ts';
import { encodeSs58 } from '../src/sdk/keys/ss58.ts';
import { verify } from '../src/sdk/keys/verify.ts';
import type { Envelope, Hex } from '../src/sdk/tx/envelope.ts';
import { signingPayload } from '../src/sdk/tx/signingPayload.ts';
import { runLocalnetCrash } from '../test/support/localnetCrashRun.ts';
import { benchNetworkGenesis } from './engine.ts';
import { fmt, median, printTable } from './lib.ts';

/** An sr25519 account of the benchmark: keys made and used by schnorrkel (fast enough to sign the load). */
interface BenchAccount {
  readonly address: string;
  readonly publicKey: Uint8Array;
  readonly secret: Uint8Array;
}

function benchAccounts(count: number): BenchAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = new Uint8Array(32);
    new DataView(seed.buffer).setUint32(0, i + 1);
    const pair = sr25519_keypair_from_seed(seed);
    const publicKey = pair.slice(64);
    return { address: encodeSs58(publicKey), publicKey, secret: pair.slice(0, 64) };
  });
}

/** `perAccount` transfers from each account to the next, nonces from `firstNonce`, accounts interleaved. */
function signTransfers(args: {
  accounts: readonly BenchAccount[];
  perAccount: number;
  firstNonce: number;
  genesisHash: Hex;
}): Envelope[] {
  const { accounts } = args;
  const out: Envelope[] = [];
  for (let k = 0; k < args.perAccount; k++) {
    accounts.forEach((a, i) => {
      const unsigned = {
        version: 1 as const,
        call: {
          name: 'transfer',
          args: { dest: accounts[(i + 1) % accounts.length]!.address, amount: '1000' },
        },
        signer: a.address as Envelope['signer'],
        scheme: 'sr25519' as const,
        nonce: args.firstNonce + k,
        genesisHash: args.genesisHash,
        era: { from: 0, period: 65_536 },
      };
      const signature = sr25519_sign(a.publicKey, a.secret, signingPayload(unsigned));
      out.push({ ...unsigned, signature: `0x${Buffer.from(signature).toString('hex')}` as Hex });
    });
  }
  return out;
}

/** The genesis with every account funded (1,000 TAO each). */
function funded(base: GenesisConfig, accounts: readonly BenchAccount[]): GenesisConfig {
  const balances: Record<string, bigint> = { ...base.balances };
  for (const a of accounts) balances[a.address] = 1_000n * RAO_PER_TAO;
  return { ...base, balances };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tm-bench-node-'));
}

const rate = (count: number, ms: number) => fmt(count / (ms / 1000), 0);
const share = (part: number, total: number) => `${fmt((100 * part) / total, 0)}%`;

/** Signature checks per second on one core, for each verifier. */
function verifierRates(): string[][] {
  const message = new TextEncoder().encode(`tensormarket/tx/v1\n${'{"call":{}}'.repeat(20)}`);
  const [account] = benchAccounts(1);
  const srSignature = sr25519_sign(account!.publicKey, account!.secret, message);
  const ed = generateKeyPairSync('ed25519');
  const edPublic = createPublicKey(ed.privateKey).export({ format: 'der', type: 'spki' }).subarray(12);
  const edSignature = nodeSign(null, message, ed.privateKey);
  const time = (count: number, f: () => boolean) => {
    for (let i = 0; i < 20; i++) f();
    const t = performance.now();
    for (let i = 0; i < count; i++) if (!f()) throw new Error('a benchmark signature did not verify');
    return rate(count, performance.now() - t);
  };
  return [
    [
      "sr25519, schnorrkel (WebAssembly), the node's",
      time(2_000, () => verify('sr25519', account!.publicKey, message, srSignature)),
    ],
    [
      'sr25519, @scure/sr25519 (pure JS)',
      time(200, () => scure.verify(message, srSignature, account!.publicKey)),
    ],
    ['ed25519, node:crypto', time(5_000, () => verify('ed25519', edPublic, message, edSignature))],
  ];
}

/** One throughput run: accept everything, then apply it, then both overlapped on a fresh node. */
async function throughput(args: {
  label: string;
  genesis: (accounts: readonly BenchAccount[]) => GenesisConfig;
  verifier: EnvelopeVerifier;
  accounts: number;
  perAccount: number;
  batch: number;
}): Promise<{ row: string[]; timings: NodeTimings; shareRow: string[] }> {
  const accounts = benchAccounts(args.accounts);
  const genesis = args.genesis(accounts);
  const total = args.accounts * args.perAccount;
  const dirs = [tempDir(), tempDir()];
  const open = (dir: string) =>
    LocalNode.open({
      dataDir: dir,
      genesis,
      fresh: true,
      verifier: args.verifier,
      maxBlockTransactions: args.batch,
    });
  // Accepted, then applied: each phase alone.
  const node = open(dirs[0]!);
  const txs = signTransfers({
    accounts,
    perAccount: args.perAccount,
    firstNonce: 0,
    genesisHash: node.genesisHash,
  });
  let t = performance.now();
  let refused = 0;
  for (let i = 0; i < txs.length; i += args.batch)
    for (const o of await node.submitMany(txs.slice(i, i + args.batch))) if (!o.ok) refused += 1;
  const acceptMs = performance.now() - t;
  t = performance.now();
  while (node.mempool.size > 0) node.produceBlock();
  const applyMs = performance.now() - t;
  const timings = { ...node.timings };
  node.close();
  // End to end: the next batch is checked (on the verifier threads) while the block of the last is made.
  const piped = open(dirs[1]!);
  t = performance.now();
  let pending = piped.submitMany(txs.slice(0, args.batch));
  for (let i = args.batch; ; i += args.batch) {
    for (const o of await pending) if (!o.ok) refused += 1;
    if (i < txs.length) pending = piped.submitMany(txs.slice(i, i + args.batch));
    piped.produceBlock();
    if (i >= txs.length) break;
  }
  while (piped.mempool.size > 0) piped.produceBlock();
  const pipedMs = performance.now() - t;
  piped.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (refused > 0) process.stdout.write(`  (${refused} refused: the figures are not of valid transfers)\n`);
  const spent =
    timings.check +
    timings.journal +
    timings.engine +
    timings.invariants +
    timings.stateRoot +
    timings.commit;
  return {
    row: [
      args.label,
      String(total),
      String(args.batch),
      rate(total, acceptMs),
      rate(total, applyMs),
      rate(total, pipedMs),
    ],
    timings,
    shareRow: [
      args.label,
      share(timings.check, spent),
      share(timings.journal, spent),
      share(timings.engine, spent),
      share(timings.invariants + timings.stateRoot, spent),
      share(timings.commit, spent),
    ],
  };
}

/** Block production on a genesis of 128 subnets: empty blocks (coinbase and epochs), then one of transfers. */
async function blockProduction(): Promise<string[][]> {
  const accounts = benchAccounts(100);
  const rows: string[][] = [];
  for (const uids of [64, 256]) {
    const dir = tempDir();
    const genesis = funded(benchNetworkGenesis(128, uids, Math.min(64, uids / 2)), accounts);
    let t = performance.now();
    const node = LocalNode.open({ dataDir: dir, genesis, fresh: true });
    const openMs = performance.now() - t;
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      node.produceBlock();
      times.push(performance.now() - t);
    }
    const txs = signTransfers({ accounts, perAccount: 50, firstNonce: 0, genesisHash: node.genesisHash });
    await node.submitMany(txs);
    t = performance.now();
    node.produceBlock();
    const fullMs = performance.now() - t;
    const s = node.timings;
    const spent = s.engine + s.invariants + s.stateRoot + s.commit;
    rows.push([
      `128 x ${uids} UIDs`,
      fmt(openMs, 0),
      fmt(median(times), 1),
      fmt(Math.max(...times), 1),
      `${fmt(fullMs, 1)} (${txs.length})`,
      `${share(s.engine, spent)} / ${share(s.invariants, spent)} / ${share(s.stateRoot, spent)} / ${share(s.commit, spent)}`,
    ]);
    node.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** JSON-RPC over HTTP keep-alive: chain_getHeader and author_submitExtrinsic with concurrent clients. */
async function rpcRates(): Promise<string[][]> {
  const accounts = benchAccounts(64);
  const dir = tempDir();
  const net = await startLocalnet({
    dataDir: dir,
    genesis: funded(devGenesis(), accounts),
    fresh: true,
    production: { everyMs: 100 },
    port: 0,
    limits: { ratePerSecond: Number.POSITIVE_INFINITY, rateBurst: Number.POSITIVE_INFINITY },
  });
  const post = async (body: string) => {
    const res = await fetch(net.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return (await res.json()) as { error?: unknown };
  };
  const rows: string[][] = [];
  for (const clients of [1, 8, 32]) {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_getHeader', params: [] });
    let calls = 0;
    const until = performance.now() + 2_000;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          await post(body);
          calls += 1;
        }
      }),
    );
    rows.push(['chain_getHeader', String(clients), rate(calls, performance.now() - t)]);
  }
  const perAccount = 60;
  const txs = signTransfers({ accounts, perAccount, firstNonce: 0, genesisHash: net.node.genesisHash });
  let refused = 0;
  const t = performance.now();
  // One client per account, each sending its transfers in nonce order.
  await Promise.all(
    accounts.map(async (_, a) => {
      for (let k = 0; k < perAccount; k++) {
        const answer = await post(
          JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'author_submitExtrinsic',
            params: [txs[k * accounts.length + a]],
          }),
        );
        if (answer.error !== undefined) refused += 1;
      }
    }),
  );
  rows.push([
    `author_submitExtrinsic${refused > 0 ? ` (${refused} refused)` : ''}`,
    String(accounts.length),
    rate(txs.length, performance.now() - t),
  ]);
  await net.close();
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

/** Run the node benchmark and print its tables. */
export async function runNodeBench(): Promise<void> {
  const cores = availableParallelism();
  printTable(
    `Signature checks per second on one core (this machine: ${cores} cores)`,
    ['verifier', 'checks/s'],
    verifierRates(),
  );

  const pool = await createVerifierPool();
  const dev = (accounts: readonly BenchAccount[]) => funded(devGenesis(), accounts);
  const big = (accounts: readonly BenchAccount[]) => funded(benchNetworkGenesis(128, 64, 32), accounts);
  const runs = [
    await throughput({
      label: 'dev genesis, inline checks',
      genesis: dev,
      verifier: inlineVerifier,
      accounts: 200,
      perAccount: 50,
      batch: 1_000,
    }),
    await throughput({
      label: `dev genesis, ${pool.threads} verifier threads`,
      genesis: dev,
      verifier: pool,
      accounts: 200,
      perAccount: 100,
      batch: 1_000,
    }),
    await throughput({
      label: `dev genesis, ${pool.threads} threads, batches of 5,000`,
      genesis: dev,
      verifier: pool,
      accounts: 200,
      perAccount: 100,
      batch: 5_000,
    }),
    await throughput({
      label: `128 subnets x 64 UIDs, ${pool.threads} threads`,
      genesis: big,
      verifier: pool,
      accounts: 200,
      perAccount: 50,
      batch: 5_000,
    }),
  ];
  await pool.close();
  printTable(
    'Signed sr25519 transfers per second: accepted (checked + journalled, durable), applied and durable (blocks committed), end to end (both overlapped)',
    ['run', 'transfers', 'batch', 'accepted/s', 'applied+durable/s', 'end to end/s'],
    runs.map((r) => r.row),
  );
  printTable(
    'Where the time went (wall time; checks = decode + signature + arguments on the verifier, the rest on the main thread)',
    ['run', 'checks', 'journal (SQLite)', 'engine', 'invariants + root', 'block commit (SQLite)'],
    runs.map((r) => r.shareRow),
  );

  printTable(
    'Block production on a 128-subnet genesis (ms; 30 blocks with coinbase and epochs at each tempo, then one of 5,000 transfers)',
    [
      'network',
      'open',
      'median block',
      'slowest block',
      'transfer block',
      'engine / invariants / root / commit',
    ],
    await blockProduction(),
  );

  printTable(
    'JSON-RPC over HTTP keep-alive (client and server on this machine)',
    ['method', 'clients', 'calls/s'],
    await rpcRates(),
  );

  // TM_BENCH_KILLS shortens the crash run while working on the rest.
  const kills = Number(process.env.TM_BENCH_KILLS ?? 100);
  const dir = tempDir();
  const crash = await runLocalnetCrash({ dataDir: dir, kills, seed: 100 });
  rmSync(dir, { recursive: true, force: true });
  printTable(
    'Crash run: kill -9 at seeded random moments under signed load, restart on the same folder',
    ['kills', 'acknowledged', 'included', 'rejected', 'head block', 'median start ms', 'problems', 'wall s'],
    [
      [
        String(crash.kills),
        String(crash.acknowledged),
        String(crash.included),
        String(crash.rejected),
        String(crash.blocks),
        fmt(median(crash.startMs), 0),
        String(crash.problems.length),
        fmt(crash.wallMs / 1000, 0),
      ],
    ],
  );
  for (const p of crash.problems.slice(0, 10)) process.stdout.write(`  problem: ${p}\n`);
}
