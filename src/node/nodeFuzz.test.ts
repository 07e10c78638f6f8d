/**
 * Fuzzing the node's submission path and its JSON-RPC methods (seeded: the run's fast-check seed).
 * Valid signed envelopes are mutated field by field (replaced by random JSON, removed, edited, joined by
 * an unknown field) and mixed with random values; each goes to `LocalNode.submit`, then mutated
 * requests go to `author_submitExtrinsic` and the `tm_` views over HTTP. Every refusal must be a typed
 * error with a code (no crash, no internal error), the supply must hold after every block, and the node
 * must still include a valid transfer afterwards. Forged, replayed, wrong-genesis, expired and nonce-gap
 * envelopes are counted by the code they get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devGenesis } from '../sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../sdk/keys/keypair.ts';
import type { Envelope, UnsignedEnvelope } from '../sdk/tx/envelope.ts';
import { signEnvelope } from '../sdk/tx/signEnvelope.ts';
import { TransactionError } from '../sdk/tx/transactionError.ts';
import { supplyView } from '../sdk/views/supplyView.ts';
import { createExtrinsicWatch } from './extrinsicWatch.ts';
import { LocalNode } from './localNode.ts';
import { nodeMethods, nodeTopics } from './nodeRpc.ts';
import { post } from './rpc/rpcClients.testkit.ts';
import { RPC_ERRORS } from './rpc/rpcErrors.ts';
import { type RpcServer, startRpcServer } from './rpc/rpcServer.ts';
import { SubmissionError } from './submissionError.ts';

/** Inputs to `LocalNode.submit`, and requests over HTTP. */
const SUBMIT_RUNS = 10_000;
const RPC_RUNS = 4_000;

const alice = keypairFromUri('//Alice');
const bob = keypairFromUri('//Bob');
const dir = mkdtempSync(join(tmpdir(), 'tm-fuzz-'));
let node: LocalNode;
let server: RpcServer<string>;
let internalErrors = 0;

beforeAll(async () => {
  node = LocalNode.open({ dataDir: dir, genesis: devGenesis(), fresh: true });
  server = await startRpcServer({
    port: 0,
    methods: nodeMethods(node),
    subscriptions: nodeTopics(createExtrinsicWatch(node)),
    // Raised so that every request is served; the limits have their own tests.
    limits: { ratePerSecond: Number.POSITIVE_INFINITY, rateBurst: Number.POSITIVE_INFINITY },
    onInternalError: () => {
      internalErrors += 1;
    },
  });
});
afterAll(async () => {
  await server.close();
  node.close();
  rmSync(dir, { recursive: true, force: true });
});

function unsigned(nonce: number, over: Partial<UnsignedEnvelope> = {}): UnsignedEnvelope {
  return {
    version: 1,
    call: { name: 'transfer', args: { dest: bob.address, amount: String(1_000 + nonce) } },
    signer: alice.address,
    scheme: 'sr25519',
    nonce,
    genesisHash: node.genesisHash,
    era: { from: 0, period: 4_096 },
    ...over,
  };
}

/** The code a submission gets: `ok`, a typed error's code, or `UNTYPED …` for anything else. */
function outcome(input: unknown): string {
  try {
    node.submit(input);
    return 'ok';
  } catch (e) {
    if (e instanceof TransactionError || e instanceof SubmissionError) return e.code;
    return `UNTYPED ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

/** Every path to a value inside an envelope, e.g. `['call', 'args', 'amount']`. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

/** `value` with the member at `path` replaced (or removed when `next` is `undefined`). */
function replaced(value: unknown, path: readonly string[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...(value as Record<string, unknown>) };
  const inner = replaced(copy[head], rest, next);
  if (inner === undefined) delete copy[head];
  else copy[head] = inner;
  return copy;
}

function memberAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** One edit of a text: a character changed, dropped or added, the case flipped, or cut short. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.nat(), ch: fc.constantFrom('0', 'f', 'Z', '1', 'x', 'é') }),
  fc.record({ kind: fc.constant('drop'), at: fc.nat() }),
  fc.record({ kind: fc.constant('add'), at: fc.nat(), ch: fc.constantFrom('0', ' ', 'a', '\u0000') }),
  fc.record({ kind: fc.constant('upper') }),
  fc.record({ kind: fc.constant('cut'), at: fc.nat() }),
);

function edit(text: string, e: { kind: string; at?: number; ch?: string }): string {
  const at = text.length === 0 ? 0 : (e.at ?? 0) % text.length;
  switch (e.kind) {
    case 'flip':
      return text.slice(0, at) + e.ch + text.slice(at + 1);
    case 'drop':
      return text.slice(0, at) + text.slice(at + 1);
    case 'add':
      return text.slice(0, at) + e.ch + text.slice(at);
    case 'upper':
      return text.toUpperCase();
    default:
      return text.slice(0, at);
  }
}

/** A mutation of an envelope at a path drawn from its members. */
const mutation = fc.record({
  pathIndex: fc.nat(),
  kind: fc.constantFrom('random', 'remove', 'edit', 'number', 'extra'),
  random: fc.jsonValue({ maxDepth: 2 }),
  edit: textEdit,
  delta: fc.constantFrom(-1, 1, 2 ** 53, -(2 ** 31), 0.5),
  extraKey: fc.constantFrom('tip', 'memo', '__proto__', 'constructor', ''),
});

/** A drawn mutation. */
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(envelope: Envelope, m: Mutation): unknown {
  const all = paths(envelope);
  const path = all[m.pathIndex % all.length]!;
  const current = memberAt(envelope, path);
  switch (m.kind) {
    case 'random':
      return replaced(envelope, path, m.random);
    case 'remove':
      return replaced(envelope, path, undefined);
    case 'edit':
      return replaced(envelope, path, typeof current === 'string' ? edit(current, m.edit) : m.random);
    case 'number':
      return replaced(envelope, path, typeof current === 'number' ? current + m.delta : m.delta);
    default: {
      const target = typeof current === 'object' && current !== null ? current : envelope;
      const at = target === current ? path : [];
      return replaced(envelope, at, { ...(target as object), [m.extraKey]: m.random });
    }
  }
}

describe('fuzzing LocalNode.submit', () => {
  it(`gives a typed error with a code for each of ${SUBMIT_RUNS} mutated and random inputs`, () => {
    const codes = new Map<string, number>();
    const count = (code: string) => codes.set(code, (codes.get(code) ?? 0) + 1);
    // A few valid envelopes to mutate, for the next nonces (one may be accepted as is).
    const bases = Array.from({ length: 8 }, (_, i) => signEnvelope(unsigned(i), alice));
    const mutated = fc.sample(fc.tuple(fc.nat(bases.length - 1), mutation), SUBMIT_RUNS * 0.8);
    const random = fc.sample(
      fc.oneof(
        fc.jsonValue(),
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }),
      ),
      SUBMIT_RUNS * 0.2,
    );
    let blocks = 0;
    mutated.forEach(([b, m], i) => {
      count(outcome(mutate(bases[b]!, m)));
      if (i % 1_000 === 999) {
        node.produceBlock();
        blocks += 1;
        expect(supplyView(node.state).problems).toEqual([]);
      }
    });
    for (const value of random) count(outcome(value));
    const untyped = [...codes.keys()].filter((c) => c.startsWith('UNTYPED'));
    expect(untyped).toEqual([]);
    const total = [...codes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(SUBMIT_RUNS);
    // A mutation of a signed field breaks the signature; the refusals are spread over the checks.
    for (const code of ['MALFORMED', 'BAD_SIGNATURE', 'WRONG_GENESIS', 'STALE_NONCE'])
      expect(`${code}: ${(codes.get(code) ?? 0) > 0}`).toBe(`${code}: true`);
    expect(blocks).toBe(8);
  });

  it('counts forged, replayed, wrong-genesis, expired and nonce-gap envelopes by their code', () => {
    const next = node.nextNonce(alice.address);
    const cases = 20;
    const codes = new Map<string, number>();
    const count = (code: string) => codes.set(code, (codes.get(code) ?? 0) + 1);
    for (let i = 0; i < cases; i++) {
      const good = signEnvelope(unsigned(next), alice);
      const byBob = signEnvelope({ ...unsigned(0), signer: bob.address }, bob);
      count(outcome({ ...good, signature: byBob.signature })); // forged
      count(outcome({ ...good, signer: bob.address })); // claims another signer
      count(outcome(signEnvelope(unsigned(next, { genesisHash: `0x${'ee'.repeat(32)}` }), alice)));
      count(outcome(signEnvelope(unsigned(next, { era: { from: 0, period: 1 } }), alice))); // expired
      count(outcome(signEnvelope(unsigned(next + 1 + i), alice))); // skips a nonce
      count(outcome(signEnvelope(unsigned(next - 1), alice))); // a used nonce
    }
    const replay = signEnvelope(unsigned(next), alice);
    count(outcome(replay));
    for (let i = 0; i < cases; i++) count(outcome(replay)); // replayed while pending
    node.produceBlock();
    for (let i = 0; i < cases; i++) count(outcome(replay)); // replayed after inclusion
    expect(Object.fromEntries(codes)).toEqual({
      BAD_SIGNATURE: 2 * cases,
      WRONG_GENESIS: cases,
      EXPIRED: cases,
      NONCE_GAP: cases,
      STALE_NONCE: 2 * cases,
      DUPLICATE: cases,
      ok: 1,
    });
    expect(node.receipt(`0x${'00'.repeat(32)}`)).toBeUndefined();
  });
});

describe('fuzzing the JSON-RPC methods over HTTP', () => {
  const METHODS = [
    'author_submitExtrinsic',
    'tm_balance',
    'tm_stake',
    'tm_metagraph',
    'tm_hyperparameters',
    'tm_simulateSwap',
    'tm_supply',
    'tm_receipt',
    'tm_subnets',
    'tm_stateRoot',
    'chain_getHeader',
    'chain_getBlock',
    'system_accountNextIndex',
  ];
  const KNOWN_CODES = new Set<number>(Object.values(RPC_ERRORS).map((e) => e.code));

  it(`answers ${RPC_RUNS} mutated requests with a result or a typed error, and keeps serving`, async () => {
    const base = signEnvelope(unsigned(node.nextNonce(alice.address)), alice);
    const params = fc.oneof(
      fc.tuple(mutation).map(([m]) => [mutate(base, m)]),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.tuple(fc.integer({ min: -2, max: 3 }), fc.jsonValue({ maxDepth: 2 })),
      fc.tuple(fc.constantFrom(0, 1, 2, 65_535), fc.record({ taoIn: fc.jsonValue({ maxDepth: 1 }) })),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const requests = fc.sample(fc.tuple(fc.constantFrom(...METHODS), params), RPC_RUNS);
    const codes = new Map<string, number>();
    for (let i = 0; i < requests.length; i += 100) {
      const batch = requests
        .slice(i, i + 100)
        .map(([method, p], k) => ({ jsonrpc: '2.0', id: i + k, method, params: p }));
      const answer = await post(server.url, JSON.stringify(batch));
      expect(answer.status).toBe(200);
      for (const a of answer.body as {
        result?: unknown;
        error?: { code: number; data?: { code?: string } };
      }[]) {
        if (a.error === undefined) {
          codes.set('result', (codes.get('result') ?? 0) + 1);
          continue;
        }
        expect(KNOWN_CODES.has(a.error.code)).toBe(true);
        const name = a.error.data?.code ?? String(a.error.code);
        codes.set(name, (codes.get(name) ?? 0) + 1);
      }
    }
    expect(internalErrors).toBe(0);
    expect(codes.has(String(RPC_ERRORS.INTERNAL_ERROR.code))).toBe(false);
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(RPC_RUNS);
    expect((codes.get(String(RPC_ERRORS.INVALID_PARAMS.code)) ?? 0) > 0).toBe(true);
    // Still serving: a valid transfer is accepted over HTTP and included.
    node.produceBlock();
    const nonce = node.nextNonce(alice.address);
    const valid = signEnvelope(unsigned(nonce), alice);
    const sent = (
      await post(
        server.url,
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'author_submitExtrinsic', params: [valid] }),
      )
    ).body as { result: string };
    node.produceBlock();
    expect(node.receipt(sent.result)).toMatchObject({ status: 'included', receipt: { ok: true } });
    expect(supplyView(node.state).conserved).toBe(true);
  });
});
