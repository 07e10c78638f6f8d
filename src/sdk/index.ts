/**
 * The SDK: account keys, amounts, signed transaction envelopes, the node client and wallets on disk,
 * shared by the CLI, the node and clients.
 */
export * from './amount/index.ts';
export * from './chain/index.ts';
export * from './client/index.ts';
export * from './keys/index.ts';
export * from './tx/index.ts';
export * from './wallet/index.ts';
