/** Events of the mechanism add-ons (appended to the block's events like the chain's own). */
import type { ChainEvent } from '../chain/events.ts';

/** An event of a chain running the mechanisms: one of the chain's own or a mechanism event. */
export type MechanismChainEvent = ChainEvent<MechanismEvent>;

/** One mechanism event; amounts in rao (TAO), raw alpha, or credits as named. */
export type MechanismEvent =
  | {
      readonly type: 'CovenantOpened';
      readonly netuid: number;
      readonly share: bigint;
      readonly bond: bigint;
      readonly period: number;
      readonly gracePeriods: number;
    }
  | {
      readonly type: 'CovenantAttested';
      readonly netuid: number;
      readonly hotkey: string;
      readonly revenue: bigint;
    }
  | {
      readonly type: 'CovenantPaid';
      readonly netuid: number;
      readonly tao: bigint;
      readonly alphaBurned: bigint;
      readonly toStakers: bigint;
    }
  | {
      readonly type: 'CovenantPeriodClosed';
      readonly netuid: number;
      readonly revenue: bigint;
      readonly due: bigint;
      readonly paid: bigint;
      readonly arrears: bigint;
    }
  | {
      readonly type: 'CovenantDefaulted';
      readonly netuid: number;
      readonly reason: 'short' | 'unpaid' | 'credits' | 'dissolved';
      readonly slashed: bigint;
      readonly burned: bigint;
      readonly toStakers: bigint;
    }
  | {
      readonly type: 'CovenantCured';
      readonly netuid: number;
      readonly arrearsPaid: bigint;
      readonly bond: bigint;
    }
  | { readonly type: 'EmissionCut'; readonly netuid: number; readonly reason: 'covenant' | 'credits' }
  | { readonly type: 'EmissionRestored'; readonly netuid: number }
  | { readonly type: 'VestingAccrued'; readonly netuid: number; readonly alpha: bigint }
  | {
      readonly type: 'VestingClaimed';
      readonly netuid: number;
      readonly coldkey: string;
      readonly alpha: bigint;
    }
  | {
      readonly type: 'VestingBurned';
      readonly netuid: number;
      readonly reason: 'dark' | 'dissolved';
      readonly alpha: bigint;
    }
  | {
      readonly type: 'CreditSaleCreated';
      readonly saleId: number;
      readonly netuid: number;
      readonly supply: bigint;
    }
  | {
      readonly type: 'CreditsBought';
      readonly saleId: number;
      readonly buyer: string;
      readonly credits: bigint;
      readonly tao: bigint;
    }
  | {
      readonly type: 'CreditsRedeemed';
      readonly saleId: number;
      readonly redemptionId: number;
      readonly holder: string;
      readonly credits: bigint;
      readonly deadline: number;
    }
  | { readonly type: 'CreditsServed'; readonly saleId: number; readonly redemptionId: number }
  | {
      readonly type: 'CreditsUnserved';
      readonly saleId: number;
      readonly redemptionId: number;
      readonly unserved: number;
    }
  | {
      readonly type: 'UsagePaid';
      readonly netuid: number;
      readonly payer: string;
      readonly tao: bigint;
      readonly burned: boolean;
    }
  | { readonly type: 'ComputePriceSet'; readonly raoPerUsd: bigint }
  | {
      readonly type: 'ComputeBought';
      readonly buyer: string;
      readonly usdMicros: bigint;
      readonly burned: bigint;
      readonly fee: bigint;
    }
  | {
      readonly type: 'ComputeReported';
      readonly validator: string;
      readonly provider: string;
      readonly units: bigint;
    }
  | {
      readonly type: 'ComputeMinted';
      readonly epoch: number;
      readonly minted: bigint;
      readonly providers: number;
    };
