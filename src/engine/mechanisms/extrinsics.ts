/**
 * Extrinsics of the mechanism add-ons. Amounts: TAO in rao, revenue in rao, credits in whole credits,
 * shares and fees in ppm, USD in micro-dollars. Each is rejected with `MechanismDisabled` on a chain
 * whose genesis did not switch its mechanism on.
 */
import type { Extrinsic } from '../chain/extrinsics.ts';

interface Signed {
  readonly signer: string;
}

/** A mechanism call. */
export type MechanismExtrinsic =
  | (Signed & {
      readonly call: 'covenant_open';
      readonly netuid: number;
      readonly share: bigint;
      readonly bond: bigint;
      readonly period: number;
      readonly gracePeriods: number;
    })
  /** Signed by a validator hotkey of the subnet: the call is the attestation of the period's revenue. */
  | (Signed & { readonly call: 'covenant_attest'; readonly netuid: number; readonly revenue: bigint })
  | (Signed & { readonly call: 'covenant_pay'; readonly netuid: number; readonly amount: bigint })
  | (Signed & { readonly call: 'covenant_cure'; readonly netuid: number })
  | (Signed & { readonly call: 'vesting_claim'; readonly netuid: number })
  | (Signed & {
      readonly call: 'credits_create_sale';
      readonly netuid: number;
      /** One tranche = fixed price; several = rising tranches. The amounts sum to the supply S. */
      readonly tranches: ReadonlyArray<{ readonly amount: bigint; readonly price: bigint }>;
    })
  | (Signed & { readonly call: 'credits_buy'; readonly saleId: number; readonly amount: bigint })
  | (Signed & { readonly call: 'credits_redeem'; readonly saleId: number; readonly amount: bigint })
  | (Signed & { readonly call: 'credits_serve'; readonly saleId: number; readonly redemptionId: number })
  | (Signed & { readonly call: 'usage_pay'; readonly netuid: number; readonly amount: bigint })
  | (Signed & { readonly call: 'compute_set_price'; readonly raoPerUsd: bigint })
  | (Signed & { readonly call: 'compute_buy'; readonly usdMicros: bigint })
  /** Signed by a validator hotkey (a permit on any subnet): `units` of verified work by `provider`. */
  | (Signed & { readonly call: 'compute_report'; readonly provider: string; readonly units: bigint });

/** Every mechanism call name. */
export const MECHANISM_CALL_NAMES = [
  'covenant_open',
  'covenant_attest',
  'covenant_pay',
  'covenant_cure',
  'vesting_claim',
  'credits_create_sale',
  'credits_buy',
  'credits_redeem',
  'credits_serve',
  'usage_pay',
  'compute_set_price',
  'compute_buy',
  'compute_report',
] as const satisfies readonly MechanismExtrinsic['call'][];

/** An extrinsic of a chain running the mechanisms: one of the chain's own calls or a mechanism call. */
export type MechanismChainExtrinsic = Extrinsic<MechanismExtrinsic>;
