/**
 * Numbers as the CLI prints them: amounts from the API's exact `{ rao, tao }` strings (no float
 * rounding, no grouping: the same text as `tensormarket subnets` and `stake`), with `τ` for TAO and `α`
 * for alpha; floats only for prices and proportions.
 */
import type { AmountJson } from '../../src/sdk/amount/amount.ts';

/** An amount of TAO, exact: `1.5 τ`. */
export const tao = (amount: AmountJson): string => `${amount.tao} τ`;

/** An amount of alpha, exact: `1.5 α`. */
export const alpha = (amount: AmountJson): string => `${amount.tao} α`;

/** A spot price in TAO per alpha. */
export const price = (value: number): string => `${value.toPrecision(6).replace(/\.?0+$/, '')} τ/α`;

/** A proportion in [0, 1] as a percentage with two decimals. */
export const percent = (value: number): string => `${(value * 100).toFixed(2)} %`;

/** A proportion in [0, 1] with four decimals (as bittensor prints metagraph fields). */
export const proportion = (value: number): string => value.toFixed(4);

/** An address shortened to its start and end, for narrow cells (the full one is in the title). */
export const shortAddress = (address: string): string =>
  address.length <= 14 ? address : `${address.slice(0, 6)}…${address.slice(-6)}`;

/** A float of a results file to four significant figures, without trailing zeros: `0.3610`→`0.361`. */
export const figure = (value: number): string => String(Number(value.toPrecision(4)));
