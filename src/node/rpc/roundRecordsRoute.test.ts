import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundRecordsJson } from '../../sdk/client/roundRecordsApi.ts';
import { appendRoundRecord, type RoundRecord } from '../../sdk/validator/roundRecord.ts';
import { createRoundRecordsRoute } from './roundRecordsRoute.ts';

const record = (netuid: number, round: number, block: number, validator = 'v1'): RoundRecord => ({
  round,
  block,
  time: '2026-12-07T00:00:00.000Z',
  netuid,
  validator,
  task: { difficulty: 0.25 },
  miners: [
    { uid: 1, hotkey: 'hk1', ok: true, status: 200, code: null, latencyMs: 3, score: 0.75, average: 0.5 },
  ],
  weights: [],
});

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tm-rounds-'));
  // Two validators' data folders, one a level deeper, and a cut line in the middle of one file.
  appendRoundRecord(join(dir, 'validator'), record(1, 1, 10));
  appendRoundRecord(join(dir, 'validator'), record(2, 1, 11));
  appendFileSync(join(dir, 'validator', 'rounds.jsonl'), '{"round": 2, "blo\n');
  appendRoundRecord(join(dir, 'validator'), record(1, 2, 30));
  appendRoundRecord(join(dir, 'team', 'other'), record(1, 1, 20, 'v2'));
  mkdirSync(join(dir, 'empty'));
  const route = createRoundRecordsRoute({ dir, prefix: '/rounds/' });
  server = createServer((req, res) => {
    route(req, res).then((answered) => {
      if (!answered) res.writeHead(418).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
};

describe('round records route', () => {
  it("answers a subnet's rounds from every validator's file, oldest block first, counting unreadable lines", async () => {
    const { status, text } = await get('/rounds/1');
    expect(status).toBe(200);
    const answer = JSON.parse(text) as RoundRecordsJson;
    expect(answer.files).toEqual(['team/other/rounds.jsonl', 'validator/rounds.jsonl']);
    expect(answer.rounds.map((r) => [r.validator, r.round, r.block])).toEqual([
      ['v1', 1, 10],
      ['v2', 1, 20],
      ['v1', 2, 30],
    ]);
    expect(answer.skipped).toBe(1);
    expect(answer.rounds[0]?.miners[0]?.score).toBe(0.75);
  });

  it('keeps only the newest rounds when asked for fewer', async () => {
    const answer = JSON.parse((await get('/rounds/1?limit=2')).text) as RoundRecordsJson;
    expect(answer.rounds.map((r) => r.block)).toEqual([20, 30]);
  });

  it('answers no rounds for a subnet no validator wrote about', async () => {
    const answer = JSON.parse((await get('/rounds/7')).text) as RoundRecordsJson;
    expect(answer.rounds).toEqual([]);
  });

  it('refuses a path that is not a netuid, or a limit out of range, saying what it expects', async () => {
    for (const path of ['/rounds/abc', '/rounds/1?limit=0', '/rounds/1?limit=9999', '/rounds/1/2']) {
      const { status, text } = await get(path);
      expect(`${path}: ${status}`).toBe(`${path}: 404`);
      expect(text).toContain('/rounds/<netuid>');
    }
  });

  it('leaves other paths to the next handler', async () => {
    expect((await get('/assets/x.js')).status).toBe(418);
  });
});
