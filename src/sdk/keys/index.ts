/** Account keys: Substrate-compatible sr25519 and ed25519 keypairs, secret URIs, SS58 addresses. */
export { type Junction, junctionChainCode } from './junction.ts';
export { KeyError, type KeyErrorCode } from './keyError.ts';
export {
  type Keypair,
  keypairFromSecretKey,
  keypairFromSeed,
  keypairFromUri,
  sr25519SecretKeyFromUri,
} from './keypair.ts';
export {
  DEV_PHRASE,
  generateMnemonic,
  type MnemonicLength,
  miniSecretFromMnemonic,
  mnemonicEntropy,
} from './mnemonic.ts';
export { parseSecretUri, type SecretUri } from './secretUri.ts';
export { SIGNATURE_SCHEMES, type SignatureScheme } from './signatureScheme.ts';
export { type DecodedSs58, decodeSs58, encodeSs58, SS58_PREFIX, type Ss58Address } from './ss58.ts';
export { Ss58Error, type Ss58ErrorCode } from './ss58Error.ts';
export { ss58AddressSchema } from './ss58Schema.ts';
export { verify } from './verify.ts';
