/** The SDK: account keys and signed transaction envelopes, shared by the CLI, the node and clients. */
export * from './keys/index.ts';
export * from './tx/index.ts';
