/**
 * The argument types signed calls share: accounts are SS58 addresses with prefix 42, amounts (rao, alpha
 * units, limit prices, u64 proportions) whole decimal strings read as bigint, netuids and UIDs integers.
 */
import { z } from 'zod';
import { ss58AddressSchema } from '../keys/ss58Schema.ts';

/** An SS58 account (prefix 42), checked. */
export const account = ss58AddressSchema;

/** A non-negative integer amount written as a decimal string, read as bigint. */
export const amount = z
  .string()
  .regex(/^(0|[1-9]\d{0,29})$/, 'expected a whole amount as a decimal string, e.g. "1000000000"')
  .transform((s) => BigInt(s));

export const netuid = z.int().min(0).max(65_535);
export const u16 = z.int().min(0).max(65_535);
export const u32 = z.int().min(0).max(4_294_967_295);
