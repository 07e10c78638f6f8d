/**
 * The miner's side of requests between neurons: an HTTP server of typed synapses that verifies every
 * request (signature, nonce, body hash, caller's registration and permit) before any work.
 */
export {
  AXON_ERROR_CODES,
  AXON_ERROR_STATUS,
  AxonError,
  type AxonErrorBody,
  type AxonErrorCode,
} from './axonError.ts';
export { type AxonLimits, DEFAULT_AXON_LIMITS, resolveAxonLimits } from './axonLimits.ts';
export { type Caller, type CallerInfo, type CallerRegistry, callerRegistryFrom } from './callerRegistry.ts';
export { type BodyHash, type CanonicalBody, canonicalBody } from './canonicalBody.ts';
export { jcs } from './jcs.ts';
export {
  createNonceMemory,
  type NonceMemory,
  type NonceMemoryOptions,
  type NonceVerdict,
} from './nonceMemory.ts';
export { type AxonRoute, type SynapseHandler, serveSynapse } from './serveSynapse.ts';
export { type SignedFields, signingMessage } from './signingMessage.ts';
export { type Axon, type AxonOptions, type AxonStats, startAxon } from './startAxon.ts';
export { defineSynapse, type Synapse, type SynapseRequest, type SynapseResponse } from './synapse.ts';
export {
  type ArrivedRequest,
  VERIFY_STEPS,
  type VerifiedRequest,
  type VerifyContext,
  type VerifyOutcome,
  type VerifyStep,
  verifyRequest,
} from './verifyRequest.ts';
export { REQUEST_HEADERS, RESPONSE_HEADERS } from './wireHeaders.ts';
export { createWorkQueue, type WorkQueue, type WorkQueueOptions } from './workQueue.ts';
