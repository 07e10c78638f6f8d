/**
 * How the binding mechanisms' calls travel in a signed envelope: one zod schema per call, keyed by the
 * mechanism call names so the type checker sees every call covered. Units are the engine's: TAO and
 * revenue in rao, credits whole, shares and fees in ppm, USD in micro-dollars, all as decimal strings.
 * On a chain whose genesis switched a mechanism off, its calls are refused in the block with
 * `MechanismDisabled`.
 */
import { z } from 'zod';
import type { MechanismExtrinsic } from '../../engine/mechanisms/extrinsics.ts';
import { account, amount, netuid, u32 } from './argTypes.ts';

/** Every mechanism call's arguments. */
export const MECHANISM_CALL_ARGS = {
  covenant_open: z.strictObject({ netuid, share: amount, bond: amount, period: u32, gracePeriods: u32 }),
  covenant_attest: z.strictObject({ netuid, revenue: amount }),
  covenant_pay: z.strictObject({ netuid, amount }),
  covenant_cure: z.strictObject({ netuid }),
  vesting_claim: z.strictObject({ netuid }),
  credits_create_sale: z.strictObject({
    netuid,
    tranches: z
      .array(z.strictObject({ amount, price: amount }))
      .min(1)
      .max(64),
  }),
  credits_buy: z.strictObject({ saleId: u32, amount }),
  credits_redeem: z.strictObject({ saleId: u32, amount }),
  credits_serve: z.strictObject({ saleId: u32, redemptionId: u32 }),
  usage_pay: z.strictObject({ netuid, amount }),
  compute_set_price: z.strictObject({ raoPerUsd: amount }),
  compute_buy: z.strictObject({ usdMicros: amount }),
  compute_report: z.strictObject({ provider: account, units: amount }),
} as const satisfies Record<MechanismExtrinsic['call'], z.ZodType>;
