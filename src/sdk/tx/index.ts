/** Signed transaction envelopes: the payload rule, signing, decoding untrusted JSON, and checks. */
export {
  decodeEnvelope,
  decodeSignedEnvelope,
  type SignedEnvelope,
  type TransactionResult,
} from './decodeEnvelope.ts';
export {
  type ArgValue,
  type Call,
  ENVELOPE_VERSION,
  type Envelope,
  type Era,
  type Hex,
  MAX_ERA_PERIOD,
  type UnsignedEnvelope,
} from './envelope.ts';
export { envelopeSchema } from './envelopeSchema.ts';
export { signEnvelope } from './signEnvelope.ts';
export { SIGNING_DOMAIN, signingPayload } from './signingPayload.ts';
export { TransactionError, type TransactionErrorCode } from './transactionError.ts';
export {
  type ChainContext,
  checkChainWindow,
  type VerifiedEnvelope,
  verifyEnvelope,
} from './verifyEnvelope.ts';
