/**
 * The bytes a signer signs: UTF-8 of `"tensormarket/tx/v1\n"` then the canonical JSON of the envelope's
 * seven signed fields (`call`, `era`, `genesisHash`, `nonce`, `scheme`, `signer`, `version`). The prefix
 * keeps an envelope signature from being valid as any other message.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson.ts';
import type { UnsignedEnvelope } from './envelope.ts';

/** Domain prefix of every envelope payload, including the newline. */
export const SIGNING_DOMAIN = 'tensormarket/tx/v1\n';

/**
 * The payload of an envelope (a `signature` field, if present, is left out, as is anything else not
 * signed). Throws `MALFORMED` for values outside the canonical form.
 * @example new TextDecoder().decode(signingPayload(unsigned)) // 'tensormarket/tx/v1\n{"call":{...},...}'
 */
export function signingPayload(unsigned: UnsignedEnvelope): Uint8Array {
  const { version, call, signer, scheme, nonce, genesisHash, era } = unsigned;
  const signed = {
    version,
    call: { name: call.name, args: call.args },
    signer,
    scheme,
    nonce,
    genesisHash,
    era: { from: era.from, period: era.period },
  };
  return utf8ToBytes(SIGNING_DOMAIN + canonicalJson(signed, ''));
}
