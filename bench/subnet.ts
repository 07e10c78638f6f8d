/**
 * Requests between neurons (`npm run bench -- subnet`): verified requests per second one miner serves,
 * every request's sr25519 signature, nonce, body hash and caller checked, against the same HTTP server
 * answering without checks; the same end to end through the SDK's dendrite; and the per-request costs
 * on one core. The miner runs on its own thread. Its load comes from the main thread as lean HTTP
 * clients (Node's http with keep-alive, each stream signing its requests with schnorrkel), so the figure
 * is the miner's rather than the client's; the dendrite rows show what a validator sees through fetch.
 * Figures only: nothing here fails on time.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sr25519_keypair_from_seed, sr25519_sign } from '@polkadot-labs/schnorrkel-wasm';
import { fastify } from 'fastify';
import { z } from 'zod';
import { callerRegistryFrom } from '../src/sdk/axon/callerRegistry.ts';
import { canonicalBody } from '../src/sdk/axon/canonicalBody.ts';
import { serveSynapse } from '../src/sdk/axon/serveSynapse.ts';
import { startAxon } from '../src/sdk/axon/startAxon.ts';
import { defineSynapse } from '../src/sdk/axon/synapse.ts';
import { createDendrite } from '../src/sdk/dendrite/createDendrite.ts';
import { createNonceClock } from '../src/sdk/dendrite/nonceClock.ts';
import type { QueryResult } from '../src/sdk/dendrite/queryResult.ts';
import { signRequest } from '../src/sdk/dendrite/signRequest.ts';
import type { Keypair } from '../src/sdk/keys/keypair.ts';
import { encodeSs58 } from '../src/sdk/keys/ss58.ts';
import { verify } from '../src/sdk/keys/verify.ts';
import { fmt, printTable } from './lib.ts';
import { runValidatorRoundBench } from './validatorRound.ts';

const Echo = defineSynapse({
  name: 'Echo',
  request: z.object({ text: z.string() }),
  response: z.object({ text: z.string() }),
});

/** An sr25519 hotkey that signs with schnorrkel (WebAssembly), fast enough to sign the load. */
function benchKeypair(index: number): Keypair {
  const seed = new Uint8Array(32);
  new DataView(seed.buffer).setUint32(0, index + 1);
  const pair = sr25519_keypair_from_seed(seed);
  const secret = pair.slice(0, 64);
  const publicKey = pair.slice(64);
  return {
    scheme: 'sr25519',
    publicKey,
    address: encodeSs58(publicKey),
    sign: (message) => sr25519_sign(publicKey, secret, message),
  };
}

/** What the miner's thread is told. */
interface MinerSetup {
  readonly minerHotkey: string;
  readonly validators: readonly string[];
}

/** The miner's servers: an axon, and the same route on a bare fastify server with no checks. */
export async function serveBenchMiner(setup: MinerSetup): Promise<{
  axonUrl: string;
  bareUrl: string;
  close: () => Promise<void>;
}> {
  const axon = await startAxon({
    hotkey: setup.minerHotkey,
    port: 0,
    callers: callerRegistryFrom(setup.validators.map((v, uid) => [v, { uid, validatorPermit: true }])),
    limits: { maxConcurrent: 256, maxQueued: 1024 },
    synapses: [serveSynapse(Echo, ({ body }) => ({ text: body.text }))],
  });
  const bare = fastify({ logger: false, bodyLimit: axon.limits.maxBodyBytes });
  bare.removeAllContentTypeParsers();
  bare.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  bare.post('/Echo', async (request, reply) => {
    const body = Echo.request.parse(JSON.parse(request.body as string));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ text: body.text }));
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const address = bare.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    axonUrl: axon.url,
    bareUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await Promise.all([axon.close(), bare.close()]);
    },
  };
}

/** One POST over a keep-alive connection of `agent`; resolves with the status once the answer is read. */
function post(
  url: URL,
  agent: Agent,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Requests served per second to `streams` lean clients, each signing and sending one request after another. */
async function leanLoad(args: {
  url: string;
  minerHotkey: string;
  keypairs: readonly Keypair[];
  streams: number;
  text: string;
  ms: number;
}): Promise<{ perSecond: number; failed: Record<string, number> }> {
  const url = new URL(`${args.url}/Echo`);
  const agent = new Agent({ keepAlive: true, maxSockets: args.streams });
  const body = canonicalBody({ text: args.text });
  const failed: Record<string, number> = {};
  let ok = 0;
  const until = performance.now() + args.ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: args.streams }, async (_, i) => {
      const keypair = args.keypairs[i % args.keypairs.length]!;
      const uuid = randomUUID();
      const nextNonce = createNonceClock();
      while (performance.now() < until) {
        const signed = signRequest({
          keypair,
          minerHotkey: args.minerHotkey,
          uuid,
          nonce: nextNonce(),
          body,
        });
        const status = await post(url, agent, signed.headers, signed.body);
        if (status === 200) ok += 1;
        else failed[`HTTP ${status}`] = (failed[`HTTP ${status}`] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  return { perSecond: ok / ((performance.now() - started) / 1000), failed };
}

/** Requests answered per second by `streams` dendrites, each sending one request after another. */
async function load(args: {
  url: string;
  minerHotkey: string;
  keypairs: readonly Keypair[];
  streams: number;
  text: string;
  ms: number;
}): Promise<{ perSecond: number; failed: Record<string, number> }> {
  const target = [{ url: args.url, hotkey: args.minerHotkey }];
  const failed: Record<string, number> = {};
  let ok = 0;
  const until = performance.now() + args.ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: args.streams }, async (_, i) => {
      const dendrite = createDendrite({ keypair: args.keypairs[i % args.keypairs.length]! });
      while (performance.now() < until) {
        const [result] = (await dendrite.query(target, Echo, { text: args.text })) as QueryResult<unknown>[];
        if (result?.ok) ok += 1;
        else if (result !== undefined) failed[result.code] = (failed[result.code] ?? 0) + 1;
      }
    }),
  );
  return { perSecond: ok / ((performance.now() - started) / 1000), failed };
}

/** Per-request costs on one core: the signature check, and the body's canonical form and hash. */
function unitCosts(texts: readonly [string, string][]): string[][] {
  const signer = benchKeypair(0);
  const message = new TextEncoder().encode(
    `${'1'.repeat(19)}.${signer.address}.${signer.address}.${'u'.repeat(36)}.${'0'.repeat(64)}`,
  );
  const signature = signer.sign(message);
  const time = (count: number, f: () => unknown) => {
    for (let i = 0; i < 20; i++) f();
    const t = performance.now();
    for (let i = 0; i < count; i++) f();
    return fmt(count / ((performance.now() - t) / 1000), 0);
  };
  return [
    [
      'sr25519 signature check (schnorrkel, WebAssembly)',
      time(2_000, () => verify('sr25519', signer.publicKey, message, signature)),
    ],
    ...texts.map(([label, text]) => {
      const wire = JSON.stringify({ text });
      return [
        `JSON.parse + RFC 8785 + blake2b-256, ${label} body`,
        time(text.length > 1_000 ? 200 : 20_000, () => canonicalBody(JSON.parse(wire))),
      ];
    }),
  ];
}

/** Run the subnet benchmark and print its tables. */
export async function runSubnetBench(): Promise<void> {
  const minerHotkey = benchKeypair(10_000).address;
  const keypairs = Array.from({ length: 64 }, (_, i) => benchKeypair(i));
  const worker = new Worker(new URL('./subnetMinerThread.mjs', import.meta.url), {
    workerData: { minerHotkey, validators: keypairs.map((k) => k.address) } satisfies MinerSetup,
  });
  const urls = await new Promise<{ axonUrl: string; bareUrl: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const bodies: [string, string][] = [
    ['100 B', 'x'.repeat(88)],
    ['64 KiB', 'x'.repeat(64 * 1024 - 12)],
  ];
  const ms = Number(process.env.TM_BENCH_SUBNET_MS ?? 2_000);
  const failures = (failed: Record<string, number>) =>
    Object.entries(failed)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || '0';
  const servers = [
    ['axon (verified)', urls.axonUrl],
    ['fastify, no checks', urls.bareUrl],
  ] as const;
  const lean: string[][] = [];
  for (const [label, text] of bodies)
    for (const streams of [1, 16, 64])
      for (const [server, url] of servers) {
        const run = await leanLoad({ url, minerHotkey, keypairs, streams, text, ms });
        lean.push([server, label, String(streams), fmt(run.perSecond, 0), failures(run.failed)]);
      }
  const sdk: string[][] = [];
  for (const streams of [1, 16, 64]) {
    const run = await load({ url: urls.axonUrl, minerHotkey, keypairs, streams, text: bodies[0]![1], ms });
    sdk.push([bodies[0]![0], String(streams), fmt(run.perSecond, 0), failures(run.failed)]);
  }
  worker.postMessage('close');
  await new Promise((resolve) => worker.once('exit', resolve));
  const cores = availableParallelism();
  printTable(
    `Verified requests per second one miner serves (miner on its own thread; lean signing clients on the main thread; ${cores} cores)`,
    ['server', 'body', 'streams', 'requests/s', 'failed'],
    lean,
  );
  printTable(
    "End to end through the SDK's dendrite (fetch; signing, canonical body and answer checks on the client)",
    ['body', 'dendrites', 'requests/s', 'failed'],
    sdk,
  );
  printTable('Per-request costs on one core', ['step', 'per second'], unitCosts(bodies));
  await runValidatorRoundBench();
}
