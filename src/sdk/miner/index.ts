/** A miner's runtime: its axon announced on the chain, serving the callers the metagraph lists. */
export { type ChainCallers, DEFAULT_CALLERS_REFRESH_MS, followCallers } from './chainCallers.ts';
export { localAxonAddress } from './localAxonAddress.ts';
export { type Miner, type MinerOptions, startMiner } from './startMiner.ts';
