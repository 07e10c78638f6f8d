/** The validator's side of requests between neurons: signed, concurrent, bounded queries to miners. */
export {
  createDendrite,
  DEFAULT_QUERY_CONCURRENCY,
  DEFAULT_QUERY_TIMEOUT_MS,
  type Dendrite,
  type DendriteOptions,
  type QueryOptions,
} from './createDendrite.ts';
export { createNonceClock, MAX_DRIFT_NS } from './nonceClock.ts';
export type {
  AxonTarget,
  DendriteErrorCode,
  QueryErrorCode,
  QueryFailure,
  QueryResult,
  QuerySuccess,
} from './queryResult.ts';
export { type RequestToSign, type SignedRequest, signRequest } from './signRequest.ts';
