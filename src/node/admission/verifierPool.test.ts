import { afterAll, describe, expect, it } from 'vitest';
import { keypairFromUri } from '../../sdk/keys/keypair.ts';
import type { Hex } from '../../sdk/tx/envelope.ts';
import { signEnvelope } from '../../sdk/tx/signEnvelope.ts';
import { inlineVerifier } from './envelopeVerifier.ts';
import { createVerifierPool, MIN_POOLED_BATCH } from './verifierPool.ts';

const alice = keypairFromUri('//Alice');
const bob = keypairFromUri('//Bob');
const genesisHash: Hex = `0x${'12'.repeat(32)}`;
const chain = { genesisHash, block: 5 };

function transfer(nonce: number, dest: string = bob.address) {
  return signEnvelope(
    {
      version: 1,
      call: { name: 'transfer', args: { dest, amount: String(1000 + nonce) } },
      signer: alice.address,
      scheme: 'sr25519',
      nonce,
      genesisHash,
      era: { from: 0, period: 64 },
    },
    alice,
  );
}

const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
});

describe('the verifier pool', () => {
  it('gives what the inline checks give, in input order, for a batch cut across threads', async () => {
    const pool = await createVerifierPool({ threads: 2 });
    pools.push(pool);
    const inputs: unknown[] = Array.from({ length: 3 * MIN_POOLED_BATCH }, (_, i) => transfer(i));
    inputs[3] = { ...transfer(3), signature: transfer(4).signature };
    inputs[7] = { ...transfer(7), genesisHash: `0x${'34'.repeat(32)}` };
    inputs[11] = 42;
    inputs[17] = transfer(17, 'nobody');
    const pooled = await pool.check(inputs, chain);
    expect(pooled).toEqual(await inlineVerifier.check(inputs, chain));
    const codes = pooled.map((r, i) => (r.ok ? 'ok' : `${i} ${r.code} ${r.field}`)).filter((c) => c !== 'ok');
    expect(codes).toEqual([
      '3 BAD_SIGNATURE signature',
      '7 WRONG_GENESIS genesisHash',
      '11 MALFORMED envelope',
      '17 MALFORMED call.args.dest',
    ]);
    expect(pooled[0]).toMatchObject({ ok: true, extrinsic: { call: 'transfer', amount: 1000n } });
  });
});
