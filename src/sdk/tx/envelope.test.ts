import { hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keypairFromUri } from '../keys/keypair.ts';
import { verify } from '../keys/verify.ts';
import { decodeEnvelope } from './decodeEnvelope.ts';
import type { ArgValue, Envelope, Hex, UnsignedEnvelope } from './envelope.ts';
import { signEnvelope } from './signEnvelope.ts';
import { signingPayload } from './signingPayload.ts';
import { TransactionError } from './transactionError.ts';
import { verifyEnvelope } from './verifyEnvelope.ts';

const alice = keypairFromUri('//Alice');
const bob = keypairFromUri('//Bob');
const GENESIS: Hex = '0x4e8a8b0c3a4f3b1d9f2e7c6a5b4d3c2b1a0f9e8d7c6b5a493827161504f3e2d1';
const OTHER_GENESIS: Hex = '0x0000000000000000000000000000000000000000000000000000000000000001';

const unsigned: UnsignedEnvelope = {
  version: 1,
  call: {
    name: 'add_stake',
    args: { netuid: 1, hotkey: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', amount: '1000000000' },
  },
  signer: alice.address,
  scheme: 'sr25519',
  nonce: 7,
  genesisHash: GENESIS,
  era: { from: 100, period: 64 },
};
const chain = { genesisHash: GENESIS, block: 120 };

/** The rejection of `input` at `at`, as code and field; 'ok' when accepted. */
function outcome(input: unknown, at: { genesisHash: Hex; block: number } = chain): string {
  const r = verifyEnvelope(input, at);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.field}`;
}

describe('signing payload', () => {
  it('is the domain line then the canonical JSON of the seven signed fields', () => {
    // Written by hand from the rule: keys sorted at every level, no whitespace, amounts as strings.
    const expected =
      'tensormarket/tx/v1\n' +
      '{"call":{"args":{"amount":"1000000000","hotkey":"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",' +
      '"netuid":1},"name":"add_stake"},"era":{"from":100,"period":64},' +
      '"genesisHash":"0x4e8a8b0c3a4f3b1d9f2e7c6a5b4d3c2b1a0f9e8d7c6b5a493827161504f3e2d1","nonce":7,' +
      '"scheme":"sr25519","signer":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","version":1}';
    expect(new TextDecoder().decode(signingPayload(unsigned))).toBe(expected);
  });

  it('leaves out the signature and any field that is not signed', () => {
    const signed = signEnvelope(unsigned, alice);
    const extra = { ...signed, note: 'x', era: { ...signed.era, extra: 1 } } as unknown as Envelope;
    expect(signingPayload(signed)).toEqual(signingPayload(unsigned));
    expect(signingPayload(extra)).toEqual(signingPayload(unsigned));
  });
});

describe('signed envelopes', () => {
  for (const scheme of ['sr25519', 'ed25519'] as const) {
    it(`${scheme}: sign, send as JSON, verify`, () => {
      const pair = keypairFromUri('//Alice', scheme);
      const envelope = signEnvelope({ ...unsigned, signer: pair.address, scheme }, pair);
      expect(envelope.signature).toMatch(/^0x[0-9a-f]{128}$/);
      const received = JSON.parse(JSON.stringify(envelope));
      const checked = verifyEnvelope(received, chain);
      expect(checked.ok ? checked.value.publicKey : checked.error.message).toEqual(pair.publicKey);
      expect(checked.ok && checked.value.envelope).toEqual(envelope);
      // The signature is the signer's over the payload, checkable without the SDK's envelope code.
      const raw = hexToBytes(envelope.signature.slice(2));
      expect(verify(scheme, pair.publicKey, signingPayload(withoutSignature(envelope)), raw)).toBe(true);
    });
  }

  it('is valid from era.from up to, not including, era.from + era.period', () => {
    const envelope = signEnvelope(unsigned, alice);
    expect(outcome(envelope, { genesisHash: GENESIS, block: 100 })).toBe('ok');
    expect(outcome(envelope, { genesisHash: GENESIS, block: 163 })).toBe('ok');
    expect(outcome(envelope, { genesisHash: GENESIS, block: 99 })).toBe('NOT_YET_VALID era');
    expect(outcome(envelope, { genesisHash: GENESIS, block: 164 })).toBe('EXPIRED era');
  });

  it('is refused on another chain, and by its signature when signed by someone else', () => {
    const envelope = signEnvelope(unsigned, alice);
    expect(outcome(envelope, { genesisHash: OTHER_GENESIS, block: 120 })).toBe('WRONG_GENESIS genesisHash');
    expect(
      outcome(envelope, { genesisHash: GENESIS.toUpperCase().replace('0X', '0x') as Hex, block: 120 }),
    ).toBe('ok');
    const byBob = signEnvelope({ ...unsigned, signer: bob.address }, bob);
    expect(outcome({ ...envelope, signature: byBob.signature })).toBe('BAD_SIGNATURE signature');
  });

  it('fails its signature when any signed field changes', () => {
    const envelope = signEnvelope(unsigned, alice);
    const mutations: Record<string, [unknown, { genesisHash: Hex; block: number }?]> = {
      'call.name': [{ ...envelope, call: { ...envelope.call, name: 'remove_stake' } }],
      'call.args value': [
        { ...envelope, call: { ...envelope.call, args: { ...envelope.call.args, amount: '1000000001' } } },
      ],
      'call.args added': [
        { ...envelope, call: { ...envelope.call, args: { ...envelope.call.args, limit: '1' } } },
      ],
      'call.args removed': [
        { ...envelope, call: { ...envelope.call, args: { netuid: 1, amount: '1000000000' } } },
      ],
      signer: [{ ...envelope, signer: bob.address }],
      scheme: [{ ...envelope, scheme: 'ed25519' }],
      nonce: [{ ...envelope, nonce: 8 }],
      genesisHash: [
        { ...envelope, genesisHash: OTHER_GENESIS },
        { genesisHash: OTHER_GENESIS, block: 120 },
      ],
      'era.from': [{ ...envelope, era: { from: 101, period: 64 } }],
      'era.period': [{ ...envelope, era: { from: 100, period: 65 } }],
    };
    expect(outcome(envelope)).toBe('ok');
    for (const [field, [mutated, at]] of Object.entries(mutations))
      expect(`${field}: ${outcome(mutated, at)}`).toBe(`${field}: BAD_SIGNATURE signature`);
  });

  it('verifies for any canonical arguments after a JSON round trip', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/);
    const arg: fc.Arbitrary<ArgValue> = fc.letrec<{ value: ArgValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant(null),
        fc.boolean(),
        fc.maxSafeInteger(),
        fc.string({ unit: 'grapheme' }),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(key, arg, { maxKeys: 5 }), fc.nat(1_000_000), (args, nonce) => {
        const envelope = signEnvelope({ ...unsigned, nonce, call: { name: 'set_weights', args } }, alice);
        expect(outcome(JSON.parse(JSON.stringify(envelope)))).toBe('ok');
      }),
      { numRuns: 40 },
    );
  });
});

describe('malformed envelopes', () => {
  const envelope = signEnvelope(unsigned, alice);
  const { nonce: _nonce, ...withoutNonce } = envelope;
  const cases: readonly [string, unknown, string][] = [
    ['not an object', 'tx', 'MALFORMED envelope'],
    ['missing nonce', withoutNonce, 'MALFORMED nonce'],
    ['version 2', { ...envelope, version: 2 }, 'MALFORMED version'],
    ['unknown field', { ...envelope, tip: '5' }, 'MALFORMED tip'],
    ['unknown era field', { ...envelope, era: { ...envelope.era, mortal: true } }, 'MALFORMED era.mortal'],
    ['bad call name', { ...envelope, call: { ...envelope.call, name: 'add stake' } }, 'MALFORMED call.name'],
    ['args an array', { ...envelope, call: { ...envelope.call, args: [] } }, 'MALFORMED call.args'],
    [
      'fractional amount',
      { ...envelope, call: { ...envelope.call, args: { amount: 1.5 } } },
      'MALFORMED call.args.amount',
    ],
    ['mistyped signer', { ...envelope, signer: `${envelope.signer.slice(0, -1)}Z` }, 'MALFORMED signer'],
    [
      'signer of another network',
      { ...envelope, signer: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5' },
      'MALFORMED signer',
    ],
    ['unknown scheme', { ...envelope, scheme: 'ecdsa' }, 'MALFORMED scheme'],
    ['negative nonce', { ...envelope, nonce: -1 }, 'MALFORMED nonce'],
    ['fractional nonce', { ...envelope, nonce: 1.5 }, 'MALFORMED nonce'],
    [
      'uppercase genesis hash',
      { ...envelope, genesisHash: envelope.genesisHash.toUpperCase() },
      'MALFORMED genesisHash',
    ],
    ['short genesis hash', { ...envelope, genesisHash: '0x1234' }, 'MALFORMED genesisHash'],
    ['zero period', { ...envelope, era: { from: 100, period: 0 } }, 'MALFORMED era.period'],
    ['period too long', { ...envelope, era: { from: 100, period: 65_537 } }, 'MALFORMED era.period'],
    ['short signature', { ...envelope, signature: envelope.signature.slice(0, -2) }, 'MALFORMED signature'],
  ];
  for (const [name, input, expected] of cases)
    it(`refuses ${name} as ${expected}`, () => {
      expect(outcome(input)).toBe(expected);
    });

  it('says what was expected and what came', () => {
    const r = decodeEnvelope(withoutNonce);
    expect(r.ok ? 'accepted' : r.error.message).toBe(
      'nonce: missing; expected an integer ≥ 0 (the signer’s transaction count)',
    );
    const s = decodeEnvelope({ ...envelope, era: { from: 100, period: 0 } });
    expect(s.ok ? 'accepted' : s.error.message).toBe(
      'era.period: expected a number of blocks from 1 to 65536, got number 0',
    );
    const t = decodeEnvelope({ ...envelope, signer: `${envelope.signer.slice(0, -1)}Z` });
    expect(t.ok ? 'accepted' : t.error.message).toMatch(/^signer: SS58_BAD_CHECKSUM: /);
  });

  it('throws from signEnvelope when the keypair is not the signer', () => {
    expect(() => signEnvelope(unsigned, bob)).toThrow(TransactionError);
    expect(() => signEnvelope(unsigned, bob)).toThrow(/^signer: .* set signer to keypair.address$/);
    const edAlice = keypairFromUri('//Alice', 'ed25519');
    expect(() => signEnvelope({ ...unsigned, signer: edAlice.address }, edAlice)).toThrow(/^scheme: /);
    const float = { ...unsigned, call: { name: 'x', args: { amount: 0.5 } } };
    expect(() => signEnvelope(float, alice)).toThrow(/^call\.args\.amount: 0\.5 is not a safe integer/);
  });
});

/** The unsigned part of an envelope. */
function withoutSignature({ signature: _signature, ...rest }: Envelope): UnsignedEnvelope {
  return rest;
}
