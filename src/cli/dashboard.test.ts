import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from './dashboard.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function start(wsUrl: string): Promise<DashboardServer> {
  const dir = await mkdtemp(join(tmpdir(), 'tm-dashboard-cli-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<head><meta name="tensormarket-network" content="" /></head><script src="./assets/a.js"></script>',
  );
  await writeFile(join(dir, 'assets', 'a.js'), 'export {}');
  const server = await serveDashboard({ dir, wsUrl, host: '127.0.0.1', port: 0 });
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
});
