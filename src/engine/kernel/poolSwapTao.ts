/**
 * The float Balancer pool of a kernel slot, in TAO units, through the float64 twin of the exact pool
 * (`pool/balancerF64.ts`, which works in rao). Outputs and fees are floored to the rao as on chain.
 * The pool objects here are scratch: each call overwrites them, so the hot loops allocate nothing.
 */
import { MINIMUM_RESERVE, RAO_PER_TAO } from '../chainConstants.ts';
import { U16_MAX } from '../fixed/format.ts';
import {
  buyOutputF64,
  type PoolF64,
  sellOutputF64,
  sellOutputOf,
  spotPriceF64,
  swapFeeF64,
} from '../pool/balancerF64.ts';
import { MIN_WEIGHT, PERQUINTILL_ONE } from '../pool/perquintill.ts';
import { MAX_SWAP_INPUT_RESERVE_MULTIPLIER } from '../pool/swap.ts';
import type { KernelColumns } from './types.ts';

const RAO = Number(RAO_PER_TAO);
const U16_MAX_F64 = Number(U16_MAX);
/** Output-side reserve a swap needs (TAO or alpha; the chain's `MinimumReserve`). */
export const MIN_RESERVE_TAO = Number(MINIMUM_RESERVE) / RAO;
/** Largest net swap input as a multiple of the input-side reserve. */
export const MAX_INPUT_MULTIPLE = Number(MAX_SWAP_INPUT_RESERVE_MULTIPLIER);
/** Smallest quote weight (`MIN_WEIGHT`, 0.01): an injection that would go below it is refused. */
export const MIN_QUOTE_WEIGHT = Number(MIN_WEIGHT) / Number(PERQUINTILL_ONE);
/** Largest quote weight (1 − `MIN_WEIGHT`). */
export const MAX_QUOTE_WEIGHT = 1 - MIN_QUOTE_WEIGHT;

/** A float pool whose fields the kernel overwrites in place (TAO units). */
export interface MutablePool {
  taoReserve: number;
  alphaReserve: number;
  wQuote: number;
}

const slotPool: MutablePool = { taoReserve: 0, alphaReserve: 0, wQuote: 0.5 };
const raoPool: MutablePool = { taoReserve: 0, alphaReserve: 0, wQuote: 0.5 };

/** The pool of `slot` as a (scratch) float pool in TAO units; valid until the next call. */
export function poolAt(columns: KernelColumns, slot: number): PoolF64 {
  slotPool.taoReserve = columns.taoReserve[slot]!;
  slotPool.alphaReserve = columns.alphaIn[slot]!;
  slotPool.wQuote = columns.wQuote[slot]!;
  return slotPool;
}

/** Spot price of a slot's pool, TAO per alpha (0 for an empty alpha reserve). */
export function spotAt(columns: KernelColumns, slot: number): number {
  return spotPriceF64(poolAt(columns, slot));
}

function toRao(pool: PoolF64): PoolF64 {
  raoPool.taoReserve = pool.taoReserve * RAO;
  raoPool.alphaReserve = pool.alphaReserve * RAO;
  raoPool.wQuote = pool.wQuote;
  return raoPool;
}

/** Alpha out of a fee-free buy with `tao` net TAO in (floored to the rao). */
export function buyAlphaTao(pool: PoolF64, tao: number): number {
  if (!(tao > 0)) return 0;
  return buyOutputF64(toRao(pool), Math.floor(tao * RAO)) / RAO;
}

/** TAO out of a fee-free sell of `alpha` net alpha in (floored to the rao). */
export function sellAlphaTao(pool: PoolF64, alpha: number): number {
  if (!(alpha > 0)) return 0;
  return sellOutputF64(toRao(pool), Math.floor(alpha * RAO)) / RAO;
}

/** {@link sellAlphaTao} on the pool of `slot` (same arithmetic, without the scratch pools). */
export function sellAlphaTaoAt(columns: KernelColumns, slot: number, alpha: number): number {
  if (!(alpha > 0)) return 0;
  const y = columns.taoReserve[slot]! * RAO;
  const x = columns.alphaIn[slot]! * RAO;
  return sellOutputOf(y, x, columns.wQuote[slot]!, Math.floor(alpha * RAO)) / RAO;
}

/** Swap fee on a gross input (TAO or alpha), floored to the rao; `feeRate` as a proportion. */
export function swapFeeTao(amount: number, feeRate: number): number {
  return swapFeeF64(Math.floor(amount * RAO), Math.round(feeRate * U16_MAX_F64)) / RAO;
}
