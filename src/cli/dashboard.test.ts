import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from './dashboard.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function start(wsUrl: string | undefined, results?: string): Promise<DashboardServer> {
  const dir = await mkdtemp(join(tmpdir(), 'tm-dashboard-cli-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<head><meta name="tensormarket-network" content="" /><meta name="tensormarket-results" content="" /></head><script src="./assets/a.js"></script>',
  );
  await writeFile(join(dir, 'assets', 'a.js'), 'export {}');
  const server = await serveDashboard({ dir, wsUrl, results, host: '127.0.0.1', port: 0 });
  cleanups.push(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  return server;
}

describe('serveDashboard', () => {
  it('tells the page which node to read, escaped, and serves its assets', async () => {
    const server = await start('ws://10.0.0.2:9944/?a="b"&c');
    const page = await (await fetch(server.url)).text();
    expect(page).toContain(
      '<meta name="tensormarket-network" content="ws://10.0.0.2:9944/?a=&quot;b&quot;&amp;c" />',
    );
    const js = await fetch(`${server.url}assets/a.js`);
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('answers only GET and HEAD, and 404 for anything but the page and its assets', async () => {
    const server = await start('ws://127.0.0.1:9944/');
    expect((await fetch(server.url, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await fetch(`${server.url}results`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'HEAD' })).status).toBe(200);
  });

  it('serves a results folder read-only under /results/ and tells the page, with no node when none is given', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'tm-dashboard-outside-'));
    const results = await mkdtemp(join(tmpdir(), 'tm-dashboard-results-'));
    cleanups.push(() => rm(outside, { recursive: true, force: true }));
    cleanups.push(() => rm(results, { recursive: true, force: true }));
    await writeFile(join(outside, 'secret.json'), '{"secret":true}');
    await mkdir(join(results, 'variants'));
    await writeFile(join(results, 'summary.json'), '{"headline":["h"]}');
    await writeFile(join(results, 'variants', 'runs.csv'), 'run,x\n0,1\n');
    await writeFile(join(results, 'report.html'), '<script>alert(1)</script>');
    await symlink(join(outside, 'secret.json'), join(results, 'link.json'));
    const server = await start(undefined, results);
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('<meta name="tensormarket-network" content="none" />');
    expect(page).toContain('<meta name="tensormarket-results" content="results/" />');
    const summary = await fetch(`${server.url}results/summary.json`);
    expect([summary.status, summary.headers.get('content-type'), await summary.text()]).toEqual([
      200,
      'application/json; charset=utf-8',
      '{"headline":["h"]}',
    ]);
    const csv = await fetch(`${server.url}results/variants/runs.csv`);
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const refused = [
      'report.html',
      'link.json',
      'missing.json',
      '..%2F..%2Fetc%2Fpasswd',
      'variants/..%2F..%2Fx.json',
      'variants/',
    ];
    const statuses = await Promise.all(
      refused.map(async (p) => [p, (await fetch(`${server.url}results/${p}`)).status]),
    );
    expect(statuses).toEqual(refused.map((p) => [p, 404]));
    expect((await fetch(`${server.url}results/summary.json`, { method: 'PUT', body: '{}' })).status).toBe(
      405,
    );
  });

  it('leaves the results meta empty when no folder is given', async () => {
    const server = await start('ws://127.0.0.1:9944/');
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('<meta name="tensormarket-results" content="" />');
    expect((await fetch(`${server.url}results/summary.json`)).status).toBe(404);
  });
});
