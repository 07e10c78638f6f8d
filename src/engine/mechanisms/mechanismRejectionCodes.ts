/**
 * The mechanisms' own rejection codes (their calls also reject with the chain's, e.g.
 * `SubnetNotExists`), declared once so a misspelt code is a compile error.
 */

import type { ChainRejectionCode } from '../chain/chainRejectionCodes.ts';
import type { Rejection } from '../errors.ts';

/** Every code only a mechanism call rejects with. */
export const MECHANISM_REJECTION_CODES = [
  'AlreadyAttested',
  'BondTooLow',
  'CovenantAlreadyOpen',
  'InvalidPeriod',
  'InvalidSale',
  'InvalidShare',
  'MechanismDisabled',
  'NoCovenant',
  'NoSuchRedemption',
  'NoSuchSale',
  'NoVestingEscrow',
  'NotBeneficiary',
  'NotDefaulted',
  'NotEnoughCredits',
  'NotValidator',
  'PriceNotSet',
  'SoldOut',
] as const;

/** A code only a mechanism call rejects with. */
export type MechanismRejectionCode = (typeof MECHANISM_REJECTION_CODES)[number];

/** A rejection of a mechanism call: one of its own codes or the chain's. */
export type MechanismRejection = Rejection<MechanismRejectionCode | ChainRejectionCode>;

/** Build a mechanism call's rejection naming the field (as the chain's `rejection`). */
export function rejection(
  code: MechanismRejectionCode | ChainRejectionCode,
  field: string,
  message: string,
): MechanismRejection {
  return { code, field, message: `${field}: ${message}` };
}
