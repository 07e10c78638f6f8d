/**
 * A dendrite against real axons and plain HTTP servers: results in order, one per miner, each failure a
 * value with its code; bounded concurrency; per-request deadlines; caller mistakes thrown before sending.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { aborted, CALLERS, deferred, Echo, Hold, MINER, VALIDATOR } from '../axon/axon.testkit.ts';
import { serveSynapse } from '../axon/serveSynapse.ts';
import { type Axon, startAxon } from '../axon/startAxon.ts';
import { keypairFromUri } from '../keys/keypair.ts';
import { createDendrite } from './createDendrite.ts';
import type { AxonTarget, QueryResult } from './queryResult.ts';

const axons: Axon[] = [];
let inFlight = 0;
let mostInFlight = 0;
/** While set, each Echo handler waits until this many are in flight: overlap without timing. */
let waitForInFlight = 0;
const waiting: (() => void)[] = [];
let plain: Server;
let plainUrl: string;
let closedUrl: string;

beforeAll(async () => {
  for (let i = 0; i < 6; i++)
    axons.push(
      await startAxon({
        hotkey: MINER.address,
        port: 0,
        callers: CALLERS,
        synapses: [
          serveSynapse(Echo, async ({ body, caller }) => {
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            if (inFlight >= waitForInFlight) for (const go of waiting.splice(0)) go();
            else await new Promise<void>((resolve) => waiting.push(resolve));
            inFlight -= 1;
            return { text: `${body.text}@${i}`, uid: caller.uid };
          }),
          serveSynapse(Hold, async (_request, signal) => {
            await aborted(signal);
            return { done: true };
          }),
        ],
      }),
    );
  // A server that is not an axon: wrong shapes, oversize answers.
  plain = createServer((req, res) => {
    if (req.url === '/Echo' && req.headers['x-big'] === undefined) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":1}');
      return;
    }
    res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  const closed = await startAxon({ hotkey: MINER.address, port: 0, callers: CALLERS, synapses: [] });
  closedUrl = closed.url;
  await closed.close();
});

afterAll(async () => {
  await Promise.all(axons.map((a) => a.close()));
  await new Promise((resolve) => plain.close(resolve));
});

const at = (axon: Axon): AxonTarget => ({ url: axon.url, hotkey: MINER.address });
const summary = <T>(r: QueryResult<T> | undefined) =>
  r === undefined
    ? undefined
    : r.ok
      ? { ok: true, body: r.body }
      : { ok: false, status: r.status, code: r.code };

describe('dendrite', () => {
  it('answers in the order of the axons, a value for every miner, failures included', async () => {
    const dendrite = createDendrite({ keypair: VALIDATOR });
    const results = await dendrite.query(
      [
        at(axons[0]!),
        { url: closedUrl, hotkey: MINER.address },
        at(axons[1]!),
        { url: plainUrl, hotkey: MINER.address },
        { url: 'not a url', hotkey: MINER.address },
      ],
      Echo,
      { text: 'hi' },
    );
    expect(results.map(summary)).toEqual([
      { ok: true, body: { text: 'hi@0', uid: 0 } },
      { ok: false, status: 503, code: 'UNREACHABLE' },
      { ok: true, body: { text: 'hi@1', uid: 0 } },
      { ok: false, status: 200, code: 'BAD_RESPONSE' },
      { ok: false, status: 503, code: 'UNREACHABLE' },
    ]);
    for (const r of results) expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    mostInFlight = 0;
    waitForInFlight = 2;
    const dendrite = createDendrite({ keypair: VALIDATOR });
    // Each handler waits for a second one: two in flight at once, and a third never joins them.
    const results = await dendrite.query(axons.map(at), Echo, { text: 'c' }, { concurrency: 2 });
    waitForInFlight = 0;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(mostInFlight).toBe(2);
  });

  it('gives up on a miner at its deadline: TIMEOUT (408), the others still answer', async () => {
    const dendrite = createDendrite({ keypair: VALIDATOR });
    const results = await dendrite.query([at(axons[2]!)], Hold, {}, { timeoutMs: 100 });
    expect(results.map(summary)).toEqual([{ ok: false, status: 408, code: 'TIMEOUT' }]);
    const [after] = await dendrite.query([at(axons[2]!)], Echo, { text: 'next' });
    expect(summary(after)).toEqual({ ok: true, body: { text: 'next@2', uid: 0 } });
  });

  it('reads no more than maxResponseBytes of an answer', async () => {
    const dendrite = createDendrite({ keypair: VALIDATOR, maxResponseBytes: 8 });
    const [result] = await dendrite.query([at(axons[3]!)], Echo, { text: 'a longer answer' });
    expect(summary(result)).toEqual({ ok: false, status: 200, code: 'RESPONSE_TOO_LARGE' });
  });

  it('reports a refusal without an axon error body as BAD_RESPONSE with its status', async () => {
    const dendrite = createDendrite({ keypair: VALIDATOR });
    const [result] = await dendrite.query([{ url: plainUrl, hotkey: MINER.address }], Hold, {});
    expect(summary(result)).toEqual({ ok: false, status: 502, code: 'BAD_RESPONSE' });
  });

  it("throws for the caller's own mistakes, before sending anything", async () => {
    const dendrite = createDendrite({ keypair: VALIDATOR });
    const wrongBody = { text: 5 } as unknown as { text: string };
    await expect(dendrite.query([at(axons[0]!)], Echo, wrongBody)).rejects.toThrow(
      new InputError('body.text', 'not a Echo request: Invalid input: expected string, received number'),
    );
    await expect(
      dendrite.query([at(axons[0]!)], Echo, { text: 'x' }, { timeoutMs: 0 }),
    ).rejects.toBeInstanceOf(InputError);
    expect(() => createDendrite({ keypair: keypairFromUri('//Alice', 'ed25519') })).toThrow(InputError);
  });

  it('has one stream per dendrite', () => {
    const a = createDendrite({ keypair: VALIDATOR });
    const b = createDendrite({ keypair: VALIDATOR });
    expect(a.uuid).not.toBe(b.uuid);
    expect(a.hotkey).toBe(VALIDATOR.address);
  });

  it('an empty list of axons is an empty list of results', async () => {
    expect(await createDendrite({ keypair: VALIDATOR }).query([], Echo, { text: 'x' })).toEqual([]);
  });

  it('still answers for every miner when some are held', async () => {
    const gate = deferred();
    const held = await startAxon({
      hotkey: MINER.address,
      port: 0,
      callers: CALLERS,
      synapses: [
        serveSynapse(Echo, async ({ body, caller }) => {
          await gate.promise;
          return { text: body.text, uid: caller.uid };
        }),
      ],
    });
    try {
      const dendrite = createDendrite({ keypair: VALIDATOR });
      const pending = dendrite.query([at(held), at(axons[4]!)], Echo, { text: 'h' }, { timeoutMs: 5_000 });
      gate.resolve();
      expect((await pending).map((r) => r.ok)).toEqual([true, true]);
    } finally {
      await held.close();
    }
  });
});
