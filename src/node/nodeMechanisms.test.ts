import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RAO_PER_TAO } from '../engine/chainConstants.ts';
import type { MechanismsState } from '../engine/mechanisms/config.ts';
import type { NetUid } from '../engine/types.ts';
import { devGenesis, type MechanismName } from '../sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../sdk/keys/keypair.ts';
import type { ArgValue } from '../sdk/tx/envelope.ts';
import { signEnvelope } from '../sdk/tx/signEnvelope.ts';
import { supplyView } from '../sdk/views/supplyView.ts';
import { LocalNode } from './localNode.ts';

const alice = keypairFromUri('//Alice');
const aliceHot = keypairFromUri('//Alice//hot');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(mechanisms: readonly MechanismName[], dir = mkdtempSync(join(tmpdir(), 'tm-mech-'))) {
  dirs.push(dir);
  return { node: LocalNode.open({ dataDir: dir, genesis: devGenesis({ mechanisms }) }), dir };
}

/** Submit `name(args)` signed by //Alice, produce a block, and return what became of it. */
function run(node: LocalNode, name: string, args: Record<string, ArgValue>) {
  const envelope = signEnvelope(
    {
      version: 1,
      call: { name, args },
      signer: alice.address,
      scheme: 'sr25519',
      nonce: node.nextNonce(alice.address),
      genesisHash: node.genesisHash,
      era: { from: node.head.number, period: 64 },
    },
    alice,
  );
  const { id } = node.submit(envelope);
  node.produceBlock();
  return node.receipt(id);
}

/** A subnet of //Alice's, registered and started; its netuid. */
function aliceSubnet(node: LocalNode): number {
  expect(run(node, 'register_network', { hotkey: aliceHot.address })).toMatchObject({
    receipt: { ok: true },
  });
  const netuid = Math.max(...node.state.subnets.keys());
  expect(run(node, 'start_call', { netuid })).toMatchObject({ receipt: { ok: true } });
  return netuid;
}

const covenantTerms = (netuid: number) => ({
  netuid,
  share: '100000',
  bond: String(5n * RAO_PER_TAO),
  period: 2,
  gracePeriods: 1,
});

describe('a node with binding mechanisms on its genesis', () => {
  it("applies a signed covenant_open: the owner's bond is escrowed and the covenant persists across a restart", () => {
    const { node, dir } = open(['covenant']);
    const netuid = aliceSubnet(node);
    const before = node.state.balances.get(alice.address as never) ?? 0n;
    expect(run(node, 'covenant_open', covenantTerms(netuid))).toMatchObject({
      status: 'included',
      receipt: { ok: true, call: 'covenant_open' },
    });
    expect(before - (node.state.balances.get(alice.address as never) ?? 0n)).toBe(5n * RAO_PER_TAO);
    const covenant = (node.state.addOn!.data as MechanismsState).covenants.get(netuid as NetUid);
    expect(covenant).toMatchObject({ share: 100_000n, bondTerms: 5n * RAO_PER_TAO });
    expect(supplyView(node.state)).toMatchObject({ conserved: true, mechanisms: { tao: '5' } });
    const head = node.head;
    node.close();
    const again = LocalNode.open({ dataDir: dir, genesis: devGenesis({ mechanisms: ['covenant'] }) });
    expect(again.head).toStrictEqual(head);
    expect((again.state.addOn!.data as MechanismsState).covenants.get(netuid as NetUid)).toStrictEqual(
      covenant,
    );
    again.close();
  });

  it('refuses a mechanism call with a receipt on a chain whose genesis left that mechanism off', () => {
    const { node } = open([]);
    const netuid = aliceSubnet(node);
    expect(run(node, 'covenant_open', covenantTerms(netuid))).toMatchObject({
      status: 'included',
      receipt: { ok: false, error: { code: 'MechanismDisabled' } },
    });
    node.close();
  });

  it("checks a mechanism call's arguments at submission, naming the argument", () => {
    const { node } = open(['covenant']);
    expect(() => run(node, 'covenant_open', { ...covenantTerms(1), share: 0.1 })).toThrow(
      expect.objectContaining({ code: 'MALFORMED', field: 'call.args.share' }),
    );
    node.close();
  });
});
