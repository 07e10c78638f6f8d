/**
 * Chain constants read on more than one layer of the engine: units of time and money, and the storage
 * defaults that both a low-level module (the pool) and the chain's parameter table (`state/defaults.ts`)
 * need. Every other chain parameter is defined once in `state/defaults.ts`.
 */

/** Target block time in seconds. */
export const BLOCK_SECONDS = 12;
/** Blocks per day at {@link BLOCK_SECONDS} (7,200). */
export const BLOCKS_PER_DAY = (24 * 60 * 60) / BLOCK_SECONDS;
/** 1 TAO in rao. */
export const RAO_PER_TAO = 1_000_000_000n;
/** Runtime `SwapMinimumReserve`: the output-side reserve must hold at least this much (rao). */
export const MINIMUM_RESERVE = 1_000_000n;
/** Default `FeeRate` of a new subnet's pool (u16: 33/65535, about 0.05%). */
export const DEFAULT_FEE_RATE = 33;
