/**
 * What the chain snapshot does not record, each filled by a named parameter with its source and date
 * or by one stated derivation rule (the figures are those of spec/history.md and spec/market.md).
 */
import { BLOCKS_PER_DAY, RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { blockEmissionForIssuance } from '../../engine/emission/blockEmission.ts';
import type { SnapshotGap } from './startingState.ts';

/** Root stake (netuid 0) in TAO, read at block 9,059,355. */
export const ROOT_STAKE_TAO = 5_481_210;
/** TAO issued at the first halving. */
const HALVING_ISSUED_TAO = 10_500_000;
/** The first halving's date as the issuance rule counts it (UTC midnight). */
const HALVING_DATE = '2025-12-15';
/** TAO issued per day after the first halving: the chain's block emission there (0.5 TAO) for a day of blocks. */
const TAO_PER_DAY_AFTER_HALVING =
  (Number(blockEmissionForIssuance(BigInt(HALVING_ISSUED_TAO) * RAO_PER_TAO)) / Number(RAO_PER_TAO)) *
  BLOCKS_PER_DAY;
/** Subnet tokens' market cap as a share of TAO's. */
const ALPHA_MARKET_CAP_SHARE = 0.27;
/** Share of emission going to the 10 largest subnets. */
const TOP10_EMISSION_SHARE = 0.56;
/** TAO/USD of the latest dated public quote on record before the snapshot. */
export const TAO_USD = 218.09;

const DAY_MS = 86_400_000;

/**
 * TAO issued at `date` (ISO 8601): 10.5M at the first halving plus 3,600 TAO for each whole day since.
 * @example taoIssuedAt('2026-09-30T23:59:48Z') // 11_540_400
 */
export function taoIssuedAt(date: string): number {
  const days = Math.floor((Date.parse(date) - Date.parse(`${HALVING_DATE}T00:00:00Z`)) / DAY_MS);
  return HALVING_ISSUED_TAO + TAO_PER_DAY_AFTER_HALVING * Math.max(0, days);
}

/** The gaps of a snapshot dated `date` (null when no blocks file dated it), in the order they are printed. */
export function snapshotGaps(date: string | null): SnapshotGap[] {
  const issued = date === null ? null : taoIssuedAt(date);
  return [
    {
      kind: 'parameter',
      name: 'rootStakeTao',
      what: 'TAO staked on root (netuid 0); the snapshot has subnets 1-128 only',
      value: ROOT_STAKE_TAO,
      unit: 'TAO',
      source: 'subtensor issue 3157 (root stake read at block 9,059,355), spec/history.md',
      date: '2026-09-14',
    },
    {
      kind: 'rule',
      name: 'taoIssued',
      what: 'TAO issued (supply) at the snapshot; no issuance column in the snapshot',
      rule: `${HALVING_ISSUED_TAO.toLocaleString('en-US')} TAO at the first halving (${HALVING_DATE}, spec/history.md) plus ${TAO_PER_DAY_AFTER_HALVING.toLocaleString('en-US')} TAO per whole day since (0.5 TAO per block x 7,200 blocks) to the snapshot date`,
      value: issued,
      unit: 'TAO',
    },
    {
      kind: 'parameter',
      name: 'alphaMarketCapShare',
      what: "subnet tokens' market cap as a share of TAO's; sets the level of the pool prices",
      value: ALPHA_MARKET_CAP_SHARE,
      unit: 'share',
      source: 'PANews (third-party), spec/history.md',
      date: '2026-03',
    },
    {
      kind: 'parameter',
      name: 'top10EmissionShare',
      what: 'share of emission to the 10 largest subnets; sets the spread of the pool prices',
      value: TOP10_EMISSION_SHARE,
      unit: 'share',
      source: 'PANews (third-party), spec/history.md',
      date: '2026-03',
    },
    {
      kind: 'rule',
      name: 'poolTaoAndPrices',
      what: 'pool TAO reserves (SubnetTAO), spot and EMA prices; the snapshot has none',
      rule: 'spot price p_i proportional to rank^-a, a fitted so the top 10 ranks take top10EmissionShare, ranks in descending order of alpha_staked_by_wallets (assumption: what wallets hold follows demand), scaled so that the sum of p_i x (alpha_issued_i - alpha_burned_i) = alphaMarketCapShare x taoIssued; pool TAO = p_i x alpha_in_pool_i; EMA price starts at min(p_i, 1). Value: the alpha market cap in TAO',
      value: issued === null ? null : ALPHA_MARKET_CAP_SHARE * issued,
      unit: 'TAO',
    },
    {
      kind: 'parameter',
      name: 'emissionDisabledSubnets',
      what: 'subnets whose TAO emission root has switched off (SubnetEmissionEnabled = false); which ones is not recorded, so the model picks them among the weaker subnets',
      value: 47,
      unit: 'subnets',
      source: 'governance decision, spec/history.md',
      date: '2026-07',
    },
    {
      kind: 'parameter',
      name: 'minerBurningSubnets',
      what: 'subnets burning miner emission (MinerBurned > 0); which ones and how much is not recorded',
      value: 68,
      unit: 'subnets',
      source: 'JSONbored/metagraphed issue 8740, spec/history.md',
      date: '2026-07',
    },
    {
      kind: 'parameter',
      name: 'taoUsd',
      what: 'TAO price in USD at the start; ../shared/data/tao_usd_daily.csv ends on 2025-06-30 and no quote dated September 2026 is on record, so this is the latest dated public quote before the snapshot',
      value: TAO_USD,
      unit: 'USD',
      source: 'Synthos (third-party), quoted in spec/market.md (TAO/USD model, P0)',
      date: '2026-07-04',
    },
  ];
}
