/**
 * `tensormarket localnet` end to end: the real command in a child process serving JSON-RPC, a transfer
 * signed by //Alice submitted over HTTP and included, then the node killed with SIGKILL and restarted
 * on the same folder, with the chain and the receipt kept.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import type { Hex } from '../src/sdk/tx/envelope.ts';
import { signEnvelope } from '../src/sdk/tx/signEnvelope.ts';
import { REPO_ROOT } from './support/runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tm-localnet-'));
const children: ChildProcess[] = [];
/** Signal the whole process group: the command and anything it started. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, name);
  } catch {
    // Already gone.
  }
}

afterAll(() => {
  for (const c of children) signal(c, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Start the node on a free port; resolves with its HTTP URL once it prints it. */
function startNode(args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'bin', 'tensormarket.js'),
      'localnet',
      '--port',
      '0',
      '--block-time',
      '100ms',
      '--data',
      dir,
      ...args,
    ],
    { cwd: dir, detached: true },
  );
  children.push(child);
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /local network at (http:\/\/[^\s]+)/.exec(out);
      if (m !== null) done({ child, url: m[1]! });
    });
    child.on('exit', (code) => fail(new Error(`localnet exited with ${code} before serving: ${out}`)));
  });
}

/** A JSON-RPC answer as the tests read it. */
interface Answer {
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field by the assertions
  readonly result?: any;
  readonly error?: {
    readonly code: number;
    readonly data?: { readonly code?: string; readonly field?: string };
  };
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return (await res.json()) as Answer;
}

async function until<T>(f: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let k = 0; k < 200; k++) {
    const v = await f();
    if (v !== null && v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('tensormarket localnet', () => {
  it('serves the chain, includes a signed transfer, and keeps both across a kill -9', async () => {
    const alice = keypairFromUri('//Alice');
    const bob = keypairFromUri('//Bob').address;
    const first = await startNode(['--fresh']);
    expect((await rpc(first.url, 'system_chain')).result).toBe('Tensormarket local network');
    const genesisHash = (await rpc(first.url, 'tm_genesisHash')).result as Hex;
    const before = (await rpc(first.url, 'tm_balance', [bob])).result;
    expect(before).toEqual({ rao: '1000000000000000', tao: '1000000' });
    const head = (await rpc(first.url, 'chain_getHeader')).result;
    const nonce = (await rpc(first.url, 'system_accountNextIndex', [alice.address])).result as number;
    const envelope = signEnvelope(
      {
        version: 1,
        call: { name: 'transfer', args: { dest: bob, amount: '2500000000' } },
        signer: alice.address,
        scheme: 'sr25519',
        nonce,
        genesisHash,
        era: { from: head.number, period: 64 },
      },
      alice,
    );
    const id = (await rpc(first.url, 'author_submitExtrinsic', [envelope])).result as string;
    expect(id).toMatch(/^0x[0-9a-f]{64}$/);
    const replay = await rpc(first.url, 'author_submitExtrinsic', [envelope]);
    expect(replay.error?.data?.code).toMatch(/DUPLICATE|STALE_NONCE/);
    const receipt = await until(async () => {
      const r = (await rpc(first.url, 'tm_receipt', [id])).result;
      return r?.status === 'included' ? r : null;
    }, 'the transfer to be included');
    expect((await rpc(first.url, 'tm_balance', [bob])).result).toEqual({
      rao: '1000002500000000',
      tao: '1000002.5',
    });
    const lastHead = (await rpc(first.url, 'chain_getHeader')).result;

    signal(first.child, 'SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await startNode();
    const restarted = (await rpc(second.url, 'chain_getHeader', [lastHead.number])).result;
    expect(restarted).toEqual(lastHead);
    expect((await rpc(second.url, 'tm_receipt', [id])).result).toEqual(receipt);
    expect((await rpc(second.url, 'system_accountNextIndex', [alice.address])).result).toBe(nonce + 1);
    signal(second.child, 'SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
