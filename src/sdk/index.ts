/**
 * The SDK: account keys, amounts, signed transaction envelopes, the node client, wallets on disk, and
 * signed requests between validators and miners (dendrite and axon), shared by the CLI, the node and
 * clients.
 */
export * from './amount/index.ts';
export * from './axon/index.ts';
export * from './chain/index.ts';
export * from './client/index.ts';
export * from './dendrite/index.ts';
export * from './keys/index.ts';
export * from './miner/index.ts';
export * from './tx/index.ts';
export * from './validator/index.ts';
export * from './wallet/index.ts';
