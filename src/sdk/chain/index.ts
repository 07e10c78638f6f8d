/** A chain as subnet code uses it: over a node's JSON-RPC, or in-process on the engine for tests. */

export type { Chain, ChainHead, HeadSubscription, SendOptions } from './chain.ts';
export { CHAIN_BLOCK_OPTIONS } from './chainBlockOptions.ts';
export { connectChain } from './connectChain.ts';
export { MockChain } from './mockChain.ts';
