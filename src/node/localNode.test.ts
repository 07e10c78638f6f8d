import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RAO_PER_TAO } from '../engine/chainConstants.ts';
import type { Coldkey } from '../engine/types.ts';
import { DEV_ACCOUNTS } from '../sdk/devnet/devAccounts.ts';
import { devGenesis } from '../sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../sdk/keys/keypair.ts';
import type { Envelope, Hex, UnsignedEnvelope } from '../sdk/tx/envelope.ts';
import { signEnvelope } from '../sdk/tx/signEnvelope.ts';
import { LocalNode } from './localNode.ts';

const alice = keypairFromUri('//Alice');
const bob = DEV_ACCOUNTS[1]!.address;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dir?: string, fresh = false): { node: LocalNode; dir: string } {
  const d = dir ?? mkdtempSync(join(tmpdir(), 'tm-node-'));
  if (dir === undefined) dirs.push(d);
  let t = 1_000;
  return {
    node: LocalNode.open({ dataDir: d, genesis: devGenesis(), fresh, now: () => (t += 250) }),
    dir: d,
  };
}

function transfer(
  node: LocalNode,
  nonce: number,
  rao: bigint,
  over: Partial<UnsignedEnvelope> = {},
): Envelope {
  return signEnvelope(
    {
      version: 1,
      call: { name: 'transfer', args: { dest: bob, amount: String(rao) } },
      signer: alice.address,
      scheme: 'sr25519',
      nonce,
      genesisHash: node.genesisHash,
      era: { from: node.head.number, period: 64 },
      ...over,
    },
    alice,
  );
}

const balance = (node: LocalNode, who: string) => node.state.balances.get(who as Coldkey) ?? 0n;

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('the local node', () => {
  it('includes a signed transfer in the next block, with its receipt', () => {
    const { node } = open();
    const before = balance(node, bob);
    const { id } = node.submit(transfer(node, 0, 5n * RAO_PER_TAO));
    expect(node.receipt(id)).toEqual({ status: 'pending' });
    const header = node.produceBlock();
    expect(header.number).toBe(1);
    expect(balance(node, bob) - before).toBe(5n * RAO_PER_TAO);
    expect(node.receipt(id)).toMatchObject({ status: 'included', block: 1, receipt: { ok: true } });
    expect(node.nextNonce(alice.address)).toBe(1);
    node.close();
  });

  it('refuses forged signatures, other chains, expired eras, replays and nonce gaps, each with its code', () => {
    const { node } = open();
    const good = transfer(node, 0, RAO_PER_TAO);
    const forged = { ...good, call: { ...good.call, args: { ...good.call.args, amount: '999' } } };
    expect(codeOf(() => node.submit(forged))).toBe('BAD_SIGNATURE');
    const otherChain = transfer(node, 0, RAO_PER_TAO, { genesisHash: `0x${'ab'.repeat(32)}` as Hex });
    expect(codeOf(() => node.submit(otherChain))).toBe('WRONG_GENESIS');
    node.produceBlock();
    node.produceBlock();
    const expired = transfer(node, 0, RAO_PER_TAO, { era: { from: 0, period: 2 } });
    expect(codeOf(() => node.submit(expired))).toBe('EXPIRED');
    expect(codeOf(() => node.submit(transfer(node, 1, RAO_PER_TAO)))).toBe('NONCE_GAP');
    const first = transfer(node, 0, RAO_PER_TAO);
    node.submit(first);
    expect(codeOf(() => node.submit(first))).toBe('DUPLICATE');
    node.produceBlock();
    expect(codeOf(() => node.submit(first))).toBe('STALE_NONCE');
    const badArgs = signEnvelope(
      { ...transfer(node, 1, 1n), call: { name: 'transfer', args: { dest: bob, amount: '1.5' } } },
      alice,
    );
    expect(codeOf(() => node.submit(badArgs))).toBe('MALFORMED');
    node.close();
  });

  it('restarts to the same head and state root, with pending submissions kept and later included', () => {
    const { node, dir } = open();
    node.submit(transfer(node, 0, RAO_PER_TAO));
    node.produceBlock();
    const { id } = node.submit(transfer(node, 1, 2n * RAO_PER_TAO));
    const head = node.head;
    node.close();
    const again = open(dir).node;
    expect(again.head).toEqual(head);
    expect(again.nextNonce(alice.address)).toBe(2);
    expect(again.receipt(id)).toEqual({ status: 'pending' });
    again.produceBlock();
    expect(again.receipt(id)).toMatchObject({ status: 'included', block: 2 });
    again.close();
    const fresh = open(dir, true).node;
    expect(fresh.head.number).toBe(0);
    fresh.close();
  });

  it('rejects with a receipt a pending transaction that expired before a block took it, and the ones after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-node-'));
    dirs.push(dir);
    const node = LocalNode.open({ dataDir: dir, genesis: devGenesis(), maxBlockTransactions: 1 });
    const first = node.submit(transfer(node, 0, RAO_PER_TAO)).id;
    const short = node.submit(transfer(node, 1, RAO_PER_TAO, { era: { from: 0, period: 2 } })).id;
    const after = node.submit(transfer(node, 2, RAO_PER_TAO)).id;
    node.produceBlock(); // takes only the first
    node.produceBlock(); // block 2: the second has expired
    expect(node.receipt(first)).toMatchObject({ status: 'included', block: 1 });
    expect(node.receipt(short)).toMatchObject({ status: 'rejected', block: 2, receipt: { code: 'EXPIRED' } });
    expect(node.receipt(after)).toMatchObject({
      status: 'rejected',
      block: 2,
      receipt: { code: 'NONCE_GAP' },
    });
    expect(node.nextNonce(alice.address)).toBe(1);
    expect(node.mempool.size).toBe(0);
    node.close();
  });

  it('admits a batch in order with one journal write, refusing the bad entries each with its code', async () => {
    const { node, dir } = open();
    const batch: unknown[] = [
      transfer(node, 0, RAO_PER_TAO),
      transfer(node, 1, RAO_PER_TAO),
      { ...transfer(node, 2, RAO_PER_TAO), signature: transfer(node, 3, 1n).signature },
      transfer(node, 2, 2n),
      transfer(node, 5, RAO_PER_TAO),
      'not an envelope',
    ];
    batch.push(batch[3]);
    const outcomes = await node.submitMany(batch);
    const codes = outcomes.map((o) => (o.ok ? 'ok' : o.error.code));
    expect(codes).toEqual(['ok', 'ok', 'BAD_SIGNATURE', 'ok', 'NONCE_GAP', 'MALFORMED', 'DUPLICATE']);
    const ids = outcomes.flatMap((o) => (o.ok ? [o.id] : []));
    node.close();
    const again = open(dir).node;
    expect(ids.map((id) => again.receipt(id)?.status)).toEqual(['pending', 'pending', 'pending']);
    expect(again.nextNonce(alice.address)).toBe(3);
    again.produceBlock();
    expect(ids.map((id) => again.receipt(id)?.status)).toEqual(['included', 'included', 'included']);
    again.close();
  });

  it('groups submissions of one turn into one batch, answering each in order', async () => {
    const { node } = open();
    const acks = await Promise.allSettled([0, 1, 1, 2].map((n) => node.submitAsync(transfer(node, n, 7n))));
    expect(acks.map((a) => (a.status === 'fulfilled' ? 'ok' : (a.reason as { code: string }).code))).toEqual([
      'ok',
      'ok',
      'STALE_NONCE',
      'ok',
    ]);
    node.produceBlock();
    expect(node.nextNonce(alice.address)).toBe(3);
    node.close();
  });
});
