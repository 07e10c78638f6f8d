import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRpcMethod } from './rpcMethod.ts';
import { type RpcServer, startRpcServer } from './rpcServer.ts';

let dir: string;
let server: RpcServer<never>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-static-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(join(dir, 'assets', 'app-1a2b.css'), 'body{}');
  await writeFile(join(dir, 'secret.txt'), 'not served');
  server = await startRpcServer({
    port: 0,
    staticDir: dir,
    methods: {
      add: defineRpcMethod({ params: z.tuple([z.number(), z.number()]), handler: ([a, b]) => a + b }),
    },
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A GET with the path sent as written (fetch would normalise `..` away). */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files on the RPC port', () => {
  it('answers GET / with the page and /assets/ with typed files', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    const js = await fetch(`${server.url}assets/app-1a2b.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await fetch(`${server.url}assets/app-1a2b.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 outside / and /assets/, for missing files and for paths that leave the folder', async () => {
    for (const path of [
      '/secret.txt',
      '/assets/missing.js',
      '/assets/../secret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/..%2fsecret.txt',
      '/assets/',
      '/other',
    ])
      expect({ path, status: await rawGet(path) }).toEqual({ path, status: 404 });
  });

  it('keeps POST / for JSON-RPC', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'add', params: [2, 3] }),
    });
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 1, result: 5 });
  });
});
