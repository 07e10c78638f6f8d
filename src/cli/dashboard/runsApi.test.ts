/**
 * The runs API on a real dashboard server (port 0): the shipped scenarios, refusals naming the field,
 * a tiny real run followed to its end over Server-Sent Events, one run at a time, a stop, and a close
 * that stops the run going.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import type {
  RunListJson,
  RunProgressJson,
  RunStartedJson,
  RunsApiErrorJson,
  ScenarioListJson,
} from '../../sdk/dashboard/runsApi.ts';
import { type DashboardServer, serveDashboard } from '../dashboard.ts';

const tempDir = createTempDirs('tm-dashboard-runs-');
const servers: DashboardServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function start(): Promise<{ server: DashboardServer; runsDir: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.html'), '<head><meta name="tensormarket-runs" content="" /></head>');
  const runsDir = join(tempDir(), 'runs');
  const server = await serveDashboard({ dir, runsDir, workers: 1, host: '127.0.0.1', port: 0 });
  servers.push(server);
  return { server, runsDir };
}

function post(server: DashboardServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Every event of a run's stream until it ends. */
async function events(server: DashboardServer, id: string): Promise<RunProgressJson[]> {
  const response = await fetch(`${server.url}api/runs/${id}/events`);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)) as RunProgressJson);
}

/** The first event of a run's stream (its current state), the stream then dropped. */
async function firstEvent(server: DashboardServer, id: string): Promise<RunProgressJson> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}api/runs/${id}/events`, { signal: controller.signal });
  const reader = response.body?.getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  controller.abort();
  return JSON.parse(text.slice('data: '.length, text.indexOf('\n\n'))) as RunProgressJson;
}

describe('dashboard runs API', () => {
  it('lists the shipped scenarios with their defaults and variants, and tells the page where the API is', async () => {
    const { server } = await start();
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('<meta name="tensormarket-runs" content="api/" />');
    const { scenarios } = (await (await fetch(`${server.url}api/scenarios`)).json()) as ScenarioListJson;
    const byFile = new Map(scenarios.map((s) => [s.file, s]));
    expect(byFile.get('steady-state.yaml')).toMatchObject({
      name: 'steady-state',
      runs: 20,
      horizon: '90d',
      seed: 1,
      variants: [],
    });
    expect(byFile.get('rule-packs.yaml')?.variants.length).toBeGreaterThan(1);
    expect([...byFile.keys()].every((f) => f.endsWith('.yaml') && !f.includes('/'))).toBe(true);
  });

  it('refuses bad requests with the field at fault and the fix', async () => {
    const { server, runsDir } = await start();
    const refusal = async (response: Response) => [
      response.status,
      ((await response.json()) as RunsApiErrorJson).error,
    ];
    const [status, error] = await refusal(await post(server, { scenario: '../scenarios/default.yaml' }));
    expect(status).toBe(400);
    expect(error).toMatchObject({ field: 'scenario' });
    expect(JSON.stringify(error)).toContain('default.yaml');
    expect(await refusal(await post(server, { scenario: 'steady-state.yaml', runs: 0 }))).toEqual([
      400,
      expect.objectContaining({ field: 'runs', message: expect.stringMatching(/^runs: expected/) }),
    ]);
    expect(await refusal(await post(server, { scenario: 'steady-state.yaml', horizon: 'soon' }))).toEqual([
      400,
      expect.objectContaining({ field: 'horizon' }),
    ]);
    expect(await refusal(await post(server, { scenario: 'steady-state.yaml', workers: 64 }))).toEqual([
      400,
      expect.objectContaining({ field: 'workers' }),
    ]);
    const plain = await fetch(`${server.url}api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"scenario":"steady-state.yaml"}',
    });
    expect((await refusal(plain))[0]).toBe(415);
    const foreign = await post(server, { scenario: 'steady-state.yaml' }, { origin: 'http://example.com' });
    expect((await refusal(foreign))[0]).toBe(403);
    const own = new URL(server.url).origin;
    const rebound = await post(
      server,
      { scenario: 'steady-state.yaml', runs: 'x' },
      {
        origin: own.replace('127.0.0.1', 'attacker.example'),
        host: own.replace('http://127.0.0.1', 'attacker.example'),
      },
    );
    expect((await refusal(rebound))[0]).toBe(403);
    expect((await refusal(await fetch(`${server.url}api/runs/nope/events`)))[0]).toBe(404);
    expect((await refusal(await fetch(`${server.url}api/runs/%E0%A4%A/events`)))[0]).toBe(404);
    // Nothing was started, so nothing was written.
    expect(existsSync(runsDir)).toBe(false);
  });

  it('runs a tiny scenario to the end, one run at a time, its folder served read-only', async () => {
    const { server, runsDir } = await start();
    const own = new URL(server.url).origin;
    const started = await post(
      server,
      { scenario: 'steady-state.yaml', runs: 2, horizon: '14d', seed: '3' },
      { origin: own },
    );
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as RunStartedJson;
    expect(id).toMatch(/^steady-state-\d{8}-\d{6}$/);
    const second = await post(server, { scenario: 'steady-state.yaml' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as RunsApiErrorJson).error.message).toContain(id);

    const seen = await events(server, id);
    expect(seen.at(-1)).toEqual({ done: 2, total: 2, state: 'done' });
    expect(seen.slice(0, -1).every((e) => e.state === 'running')).toBe(true);
    const summary = JSON.parse(readFileSync(join(runsDir, id, 'summary.json'), 'utf8')) as {
      runs: { completed: number };
    };
    expect(summary.runs.completed).toBe(2);
    const manifest = JSON.parse(readFileSync(join(runsDir, id, 'manifest.json'), 'utf8')) as { seed: number };
    expect(manifest.seed).toBe(3);
    // A late subscriber gets the final state at once.
    expect(await events(server, id)).toEqual([{ done: 2, total: 2, state: 'done' }]);
    const served = await fetch(`${server.url}runs/${id}/summary.json`);
    expect([served.status, (await served.json()) as unknown]).toEqual([200, summary]);
    const listing = (await (await fetch(`${server.url}runs/${id}/`)).json()) as { files: string[] };
    expect(listing.files).toContain('summary.json');
    expect((await fetch(`${server.url}runs/${id}/report.html`)).status).toBe(404);
    const { runs } = (await (await fetch(`${server.url}api/runs`)).json()) as RunListJson;
    expect(runs).toEqual([{ id, scenario: 'steady-state.yaml', done: 2, total: 2, state: 'done' }]);
  });

  it('stops a run on DELETE and keeps its partial results; closing the server stops the run going', async () => {
    const { server, runsDir } = await start();
    const { id } = (await (
      await post(server, { scenario: 'steady-state.yaml', runs: 400, horizon: '90d' })
    ).json()) as RunStartedJson;
    const stopped = await fetch(`${server.url}api/runs/${id}`, { method: 'DELETE' });
    const progress = (await stopped.json()) as RunProgressJson;
    expect([stopped.status, progress.state, progress.total]).toEqual([200, 'stopped', 400]);
    expect(progress.done).toBeLessThan(400);
    const manifest = JSON.parse(readFileSync(join(runsDir, id, 'manifest.json'), 'utf8')) as {
      status: string;
    };
    expect(manifest.status).toBe('partial');
    expect(await firstEvent(server, id)).toEqual(progress);

    const next = (await (
      await post(server, { scenario: 'steady-state.yaml', runs: 400, horizon: '90d' })
    ).json()) as RunStartedJson;
    expect(next.id).not.toBe(id);
    await server.close();
    const closed = JSON.parse(readFileSync(join(runsDir, next.id, 'manifest.json'), 'utf8')) as {
      status: string;
    };
    expect(closed.status).toBe('partial');
  });
});
