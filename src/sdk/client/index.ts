/** The node client: typed JSON-RPC over HTTP, new heads over WebSocket, signing and submitting. */
export {
  type BlockRef,
  type ChainClient,
  type ConnectOptions,
  connect,
  DEFAULT_ERA_PERIOD,
  type SignRequest,
  type Submitted,
  type WaitOptions,
} from './chainClient.ts';
export { DEFAULT_CALL_TIMEOUT_MS } from './httpRpc.ts';
export { type AxonEntry, type Metagraph, metagraphSchema, stakeOf, uidOf } from './metagraph.ts';
export { LOCAL_NETWORK_URL, type NodeEndpoints, nodeEndpoints } from './nodeEndpoints.ts';
export {
  type NodeViews,
  nodeViews,
  type StakePositionView,
  type SwapOrder,
  type SwapQuote,
} from './nodeViews.ts';
export { RECEIPT_EVENTS, type ReceiptEvent, type ReceiptEventType, receiptEvent } from './receiptEvents.ts';
export { RpcCallError, type RpcCallErrorCode, type RpcCallErrorInfo } from './rpcCallError.ts';
export type { BlockHeaderView, BlockView, ReceiptView, RejectionView, SubnetView } from './rpcResults.ts';
export {
  expectIncluded,
  TransactionFailure,
  type TransactionFailureCode,
} from './transactionFailure.ts';
export type { TransactionOutcome } from './transactionOutcome.ts';
export type { Subscription } from './wsSubscriptions.ts';
