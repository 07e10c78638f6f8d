/**
 * Slippage protection of the value-moving stake commands, as btcli's safe staking: from the pool's
 * current price and `--tolerance` (default 0.05), a buy may not lift the price above price × (1 +
 * tolerance) and a sell may not push it below price × (1 − tolerance); the chain enforces these as the
 * limit price of `add_stake_limit` / `remove_stake_limit`. Prices are rao per alpha (u64), as the chain
 * takes them; a tolerance is held exactly, in parts per billion.
 */
import { RAO_PER_TAO } from '../engine/chainConstants.ts';
import { InputError } from '../engine/errors.ts';

/** btcli's default rate tolerance. */
export const DEFAULT_TOLERANCE = '0.05';

/** Parts per billion in one: a tolerance of 1 (100 %). */
const PPB = 10n ** 9n;

/** A tolerance in parts per billion (0 to 1e9). */
export type TolerancePpb = bigint & { readonly __brand: 'TolerancePpb' };

/**
 * `--tolerance`: a fraction from 0 to 1 with at most 9 decimals.
 * @example parseTolerance('0.05') // 50_000_000n
 */
export function parseTolerance(text: string): TolerancePpb {
  const m = /^(0|1)(?:\.(\d{1,9}))?$/.exec(text.trim());
  const ppb = m === null ? -1n : BigInt(m[1]!) * PPB + BigInt((m[2] ?? '').padEnd(9, '0'));
  if (ppb < 0n || ppb > PPB)
    throw new InputError(
      '--tolerance',
      `expected a fraction from 0 to 1 (0.05 is 5 %) with at most 9 decimals, got "${text}"`,
    );
  return ppb as TolerancePpb;
}

/** A tolerance as a number, for output (0.05). */
export const toleranceNumber = (tolerance: TolerancePpb): number => Number(tolerance) / Number(PPB);

/**
 * A price in rao per alpha from TAO per alpha as the node lists it (a float for display; rounded to the
 * nearest rao).
 * @example priceRao(1.25) // 1_250_000_000n
 */
export function priceRao(taoPerAlpha: number): bigint {
  if (!Number.isFinite(taoPerAlpha) || taoPerAlpha < 0)
    throw new RangeError(`a price is a finite number ≥ 0, got ${taoPerAlpha}`);
  return BigInt(Math.round(taoPerAlpha * Number(RAO_PER_TAO)));
}

/**
 * The limit price of a buy (`add_stake_limit`): price × (1 + tolerance), rounded up (the order is never
 * refused for less than the tolerance).
 * @example buyLimitPrice(10n ** 9n, parseTolerance('0.05')) // 1_050_000_000n
 */
export function buyLimitPrice(price: bigint, tolerance: TolerancePpb): bigint {
  const scaled = price * (PPB + tolerance);
  return (scaled + PPB - 1n) / PPB;
}

/**
 * The limit price of a sell (`remove_stake_limit`): price × (1 − tolerance), rounded down.
 * @example sellLimitPrice(10n ** 9n, parseTolerance('0.05')) // 950_000_000n
 */
export function sellLimitPrice(price: bigint, tolerance: TolerancePpb): bigint {
  return (price * (PPB - tolerance)) / PPB;
}

/**
 * The share lost to the pools (price impact and fees) when `alpha` on a subnet at `originPrice` becomes
 * `alphaOut` on a subnet at `destinationPrice`, against the same value at the spot prices: 0 for none,
 * negative when the quote beats the spot prices.
 * @example moveSlippage({ alpha: 100n, originPrice: 2_000_000_000n, destinationPrice: 10n ** 9n, alphaOut: 190n }) // 0.05
 */
export function moveSlippage(input: {
  readonly alpha: bigint;
  readonly originPrice: bigint;
  readonly destinationPrice: bigint;
  readonly alphaOut: bigint;
}): number {
  const atSpot = Number(input.alpha) * (Number(input.originPrice) / Number(input.destinationPrice));
  return atSpot === 0 ? 0 : 1 - Number(input.alphaOut) / atSpot;
}

/** Whether a slippage (a share, see {@link moveSlippage}) is within `tolerance`. */
export const withinTolerance = (slippage: number, tolerance: TolerancePpb): boolean =>
  slippage <= toleranceNumber(tolerance);
