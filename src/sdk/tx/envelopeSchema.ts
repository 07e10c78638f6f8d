/**
 * The schema of an envelope read from untrusted JSON: exact fields (unknown ones refused, since they
 * would travel unsigned), lowercase hex of the right length, an SS58 signer of this network, integer
 * nonce and era. The arguments' canonical form is checked by {@link decodeEnvelope}.
 */
import { z } from 'zod';
import { SIGNATURE_SCHEMES } from '../keys/signatureScheme.ts';
import { decodeSs58, type Ss58Address } from '../keys/ss58.ts';
import { Ss58Error } from '../keys/ss58Error.ts';
import { type ArgValue, ENVELOPE_VERSION, type Envelope, MAX_ERA_PERIOD } from './envelope.ts';

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string')
    return input.length > 40 ? `a ${input.length}-character string` : `"${input}"`;
  if (typeof input === 'object') return 'an object';
  return `${typeof input} ${String(input)}`;
}

/** A zod error option: "missing; expected …" or "expected …, got …". */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `missing; expected ${what}`
      : `expected ${what}, got ${describeInput(issue.input)}`,
});

const safeInteger = (what: string, min: number, max: number = Number.MAX_SAFE_INTEGER) =>
  z.number(expected(what)).int(expected(what)).min(min, expected(what)).max(max, expected(what));

const hex = (bytes: number) => {
  const what = `0x followed by ${bytes * 2} lowercase hex digits (${bytes} bytes)`;
  return z
    .string(expected(what))
    .regex(new RegExp(`^0x[0-9a-f]{${bytes * 2}}$`), expected(what)) as z.ZodType<`0x${string}`>;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const signer = z.string(expected('an SS58 address')).transform((address, ctx): Ss58Address => {
  try {
    decodeSs58(address);
  } catch (e) {
    if (!(e instanceof Ss58Error)) throw e;
    ctx.addIssue({ code: 'custom', message: `${e.code}: ${e.message.replace(/^address: /, '')}` });
    return z.NEVER;
  }
  return address as Ss58Address;
});

/** The envelope schema; its output type is {@link Envelope}. */
export const envelopeSchema: z.ZodType<Envelope, unknown> = z.strictObject(
  {
    version: z.literal(ENVELOPE_VERSION, expected(`the envelope version ${ENVELOPE_VERSION}`)),
    call: z.strictObject(
      {
        name: z
          .string(expected('a call name'))
          .regex(
            /^[A-Za-z][A-Za-z0-9_.]{0,63}$/,
            expected('a call name: a letter, then letters, digits, _ or ., at most 64 characters'),
          ),
        args: z.custom<{ readonly [name: string]: ArgValue }>(
          isPlainObject,
          expected('an object of named arguments ({} for none)'),
        ),
      },
      expected('an object { name, args }'),
    ),
    signer,
    scheme: z.enum(SIGNATURE_SCHEMES, expected(`one of ${SIGNATURE_SCHEMES.join(', ')}`)),
    nonce: safeInteger('an integer ≥ 0 (the signer’s transaction count)', 0),
    genesisHash: hex(32),
    era: z.strictObject(
      {
        from: safeInteger('a block number ≥ 0', 0),
        period: safeInteger(`a number of blocks from 1 to ${MAX_ERA_PERIOD}`, 1, MAX_ERA_PERIOD),
      },
      expected('an object { from, period }'),
    ),
    signature: hex(64),
  },
  expected('an envelope object'),
);
