/** Sign an envelope with a keypair. */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Keypair } from '../keys/keypair.ts';
import type { Envelope, Hex, UnsignedEnvelope } from './envelope.ts';
import { signingPayload } from './signingPayload.ts';
import { TransactionError } from './transactionError.ts';

/**
 * The envelope with the keypair's signature of its payload. Throws `MALFORMED` when the keypair is not
 * the envelope's signer or scheme, or when a value has no canonical form.
 * @example
 * const alice = keypairFromUri('//Alice');
 * signEnvelope({ version: 1, call: { name: 'add_stake', args: { netuid: 1, amount: '1000000000' } },
 *   signer: alice.address, scheme: alice.scheme, nonce: 0, genesisHash, era: { from: 100, period: 64 } }, alice);
 */
export function signEnvelope(unsigned: UnsignedEnvelope, keypair: Keypair): Envelope {
  if (unsigned.signer !== keypair.address)
    throw new TransactionError(
      'MALFORMED',
      'signer',
      `${unsigned.signer} is not the keypair's address ${keypair.address}; set signer to keypair.address`,
    );
  if (unsigned.scheme !== keypair.scheme)
    throw new TransactionError(
      'MALFORMED',
      'scheme',
      `the keypair is ${keypair.scheme}, the envelope says ${unsigned.scheme}; set scheme to keypair.scheme`,
    );
  const signature = keypair.sign(signingPayload(unsigned));
  const { version, call, signer, scheme, nonce, genesisHash, era } = unsigned;
  return {
    version,
    call,
    signer,
    scheme,
    nonce,
    genesisHash,
    era,
    signature: `0x${bytesToHex(signature)}` as Hex,
  };
}
