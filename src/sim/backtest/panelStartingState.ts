/**
 * A starting state for a backtest, built from a recorded price panel's day. The panel records each
 * subnet's alpha price and whether it emits; what it lacks is derived by one rule, the launch terms
 * of dTAO run forward from the migration (rulepacks.md §2.2 and §2.4), with stakers' own trades left out:
 *
 * - TAO issued: the monthly issuance table's total at the end of the last month before the day, plus
 *   7,200 TAO (one per block) for each day since.
 * - Pools: each subnet emitting that day started at the migration with 1 TAO and 1 alpha, then received
 *   every block its share of the 1 TAO emission, all injected (launch terms), the share being its price
 *   over the sum of prices (the moving price tracks the spot price). So pool TAO = 1 + 7,200 × days since
 *   the launch × p / Σp, and alpha in the pool = pool TAO / p, which holds the recorded price p.
 * - Alpha out: 1 alpha per block since the launch (the alpha emission below 10.5M issued), held 18 % by
 *   the owner (the owner cut) and the rest by wallets; nothing protocol-owned or burned yet.
 * - Root stake: the staked share of TAO at the launch (all stake moved to root at the migration).
 * - TAO/USD: the recorded close of the day.
 * Subnets not yet emitting that day (`glitch = 1`) are left out: their recorded prices are not market
 * prices, and the model's own registrations bring new subnets in.
 */
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import { halvingThreshold } from '../../engine/kernel/blockEmissionF64.ts';
import { DEFAULT_KERNEL_PARAMS } from '../../engine/kernel/defaultKernelParams.ts';
import { RULE_PACK_TRAITS } from '../../engine/rules/rulePack.ts';
import type { DailyPrices } from '../calibration/parseDailyPrices.ts';
import type { SnapshotGap, SnapshotSourceFile, StartingState, StartSubnet } from '../start/startingState.ts';
import { STARTING_STATE_FORMAT, STARTING_STATE_VERSION } from '../start/startingState.ts';
import type { PricePanel } from './parseAlphaPricePanel.ts';
import type { TaoMonthly } from './parseTaoMonthly.ts';
import { PriceDataError } from './priceDataError.ts';

/** The dTAO migration: the first day of pack dtao-2025-02 (its launch variant). */
export const DTAO_LAUNCH_DATE = RULE_PACK_TRAITS['dtao-2025-02'].variants[0]!.from;

/** Share of TAO staked when dTAO launched, all of it moved to root by the migration. */
export const STAKED_SHARE_AT_LAUNCH = 0.75;
const STAKED_SHARE_SOURCE =
  'third-party: staking rate "between 70% and 90%" historically (gate.com post, 2025); the low end of the range';

/** TAO emitted per day before the first halving (1 per block). */
const TAO_PER_DAY = BLOCKS_PER_DAY;
/** TAO issued at the first halving, where the emission per block halves. */
const FIRST_HALVING_TAO = halvingThreshold(1);
const MS_PER_DAY = 86_400_000;

/** Whole days from `a` to `b` (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * TAO issued at 00:00 UTC of `date`: the table's total at the end of the last month before it, plus
 * 7,200 TAO a day since. The emission schedule gives 7,200 a day until the first halving, so the table
 * may end months before the date; throws when that total would pass the halving or the table starts
 * after the date.
 * @example taoIssuedOn(table, '2025-02-20') // 8_383_490 + 19 × 7_200
 */
export function taoIssuedOn(table: TaoMonthly, date: string, file = 'issuance table'): number {
  const month = date.slice(0, 7);
  const before = table.months.filter((m) => m.month < month).at(-1);
  if (before === undefined)
    throw new PriceDataError('INVALID_ISSUANCE_TABLE', [
      { file, line: 0, column: 'Month', message: `has no month before ${date}; use a later start date` },
    ]);
  const [y, m] = before.month.split('-').map(Number) as [number, number];
  const nextMonth = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const issued = before.cumulativeTao + TAO_PER_DAY * daysBetween(nextMonth, date);
  if (issued >= FIRST_HALVING_TAO)
    throw new PriceDataError('INVALID_ISSUANCE_TABLE', [
      {
        file,
        line: 0,
        column: 'Month',
        message: `ends in ${before.month}; at 7,200 TAO a day from then, issuance reaches the first halving (${FIRST_HALVING_TAO / 1e6}M TAO) by ${date}, after which that rate no longer holds: use a start date before the halving`,
      },
    ]);
  return issued;
}

/** One source file as the starting state records it. */
type SourceFile = Omit<SnapshotSourceFile, 'kind'>;

/**
 * The starting state on `date` by the rule above.
 * @example panelStartingState({ panel, issuance, taoUsd, date: '2025-02-20', files }).subnets.length // 67
 */
export function panelStartingState(args: {
  panel: PricePanel;
  issuance: TaoMonthly;
  taoUsd: DailyPrices;
  date: string;
  files: { readonly panel: SourceFile; readonly issuance: SourceFile; readonly taoUsd: SourceFile };
}): StartingState {
  const { panel, date, files } = args;
  const day = panel.days.find((d) => d.date === date);
  const first = panel.days[0]?.date ?? '';
  const last = panel.days.at(-1)?.date ?? '';
  if (day === undefined)
    throw new PriceDataError('INVALID_PRICE_PANEL', [
      {
        file: files.panel.name,
        line: 0,
        column: 'date',
        message: `has no rows on ${date}; choose a start date from ${first} to ${last}`,
      },
    ]);
  const closeAt = args.taoUsd.dates.indexOf(date);
  if (closeAt < 0)
    throw new PriceDataError('INVALID_PRICE_PANEL', [
      {
        file: files.taoUsd.name,
        line: 0,
        column: 'date',
        message: `has no TAO/USD close on ${date}; choose a start date the file covers`,
      },
    ]);
  const days = daysBetween(DTAO_LAUNCH_DATE, date);
  if (days < 0)
    throw new PriceDataError('INVALID_PRICE_PANEL', [
      {
        file: files.panel.name,
        line: 0,
        column: 'date',
        message: `${date} is before dTAO launched (${DTAO_LAUNCH_DATE}); choose a later start date`,
      },
    ]);
  const priced = day.rows.flatMap((r) => {
    const price = r.priceFirst ?? r.priceMedian;
    return !r.glitch && price > 0 ? [{ netuid: r.netuid, price }] : [];
  });
  const sumPrices = priced.reduce((s, r) => s + r.price, 0);
  const issued = taoIssuedOn(args.issuance, date, files.issuance.name);
  const issuedAtLaunch = taoIssuedOn(args.issuance, DTAO_LAUNCH_DATE, files.issuance.name);
  const alphaOut = BLOCKS_PER_DAY * days;
  const owner = alphaOut * DEFAULT_KERNEL_PARAMS.ownerCut;
  const subnets: StartSubnet[] = priced.map(({ netuid, price }) => {
    const poolTao = 1 + TAO_PER_DAY * days * (price / sumPrices);
    const alphaInPool = poolTao / price;
    return {
      netuid,
      name: null,
      registeredBlock: 0,
      firstEmissionBlock: day.block,
      tempo: DEFAULT_KERNEL_PARAMS.tempo,
      price,
      ownerColdkey: '',
      alphaIssued: alphaInPool + alphaOut,
      alphaInPool,
      alphaStakedByWallets: alphaOut,
      alphaStakedTotal: null,
      alphaProtocolOwned: 0,
      alphaBurned: 0,
      ownerAlpha: owner,
      ownerLockedAlpha: 0,
      ownerHotkeyLockedAlpha: 0,
      ownerValidatorStakeShare: null,
      ownerValidatorDividendShare: null,
      validators: 0,
      validatorStakeHhi: null,
      mechanisms: 1,
      maxNeurons: 256,
      uidsRegistered: 0,
      uidsImmuneShare: null,
      raoRecycledCumulative: '0',
      flags: {
        ownerLockPerpetual: false,
        ownerCutAutolock: false,
        commitReveal: false,
        yuma3: false,
        liquidAlpha: false,
        startupMode: false,
      },
    };
  });
  const alphaCap = priced.reduce((s, r) => s + r.price * alphaOut, 0);
  const sorted = priced.map((r) => r.price).sort((a, b) => b - a);
  const top10 = sorted.slice(0, 10).reduce((s, p) => s + p, 0) / sumPrices;
  const gaps: SnapshotGap[] = [
    {
      kind: 'parameter',
      name: 'rootStakeTao',
      what: `TAO staked on root: ${STAKED_SHARE_AT_LAUNCH} of the TAO issued at the launch (${DTAO_LAUNCH_DATE}), all stake moved to root by the migration`,
      value: STAKED_SHARE_AT_LAUNCH * issuedAtLaunch,
      unit: 'TAO',
      source: STAKED_SHARE_SOURCE,
      date: DTAO_LAUNCH_DATE,
    },
    {
      kind: 'rule',
      name: 'taoIssued',
      what: 'TAO issued on the day',
      rule: `the issuance table's total at the end of the last month before ${date}, plus 7,200 TAO per day since`,
      value: issued,
      unit: 'TAO',
    },
    {
      kind: 'rule',
      name: 'alphaMarketCapShare',
      what: 'alpha market cap (price × alpha out) as a share of TAO issued',
      rule: 'from the derived alpha out and the recorded prices',
      value: alphaCap / issued,
      unit: 'share',
    },
    {
      kind: 'rule',
      name: 'top10EmissionShare',
      what: 'the ten highest prices’ share of the sum of prices (emission shares follow prices)',
      rule: 'from the recorded prices of the day',
      value: top10,
      unit: 'share',
    },
    {
      kind: 'rule',
      name: 'poolTaoAndPrices',
      what: 'pool reserves at the recorded prices',
      rule: `pool TAO = 1 + 7,200 × ${days} days since ${DTAO_LAUNCH_DATE} × p / Σp (launch terms: all TAO injected, shares by price); alpha in = pool TAO / p; alpha out = 7,200 alpha per day since the launch, 18 % the owner's`,
      value: null,
      unit: 'TAO',
    },
    {
      kind: 'parameter',
      name: 'emissionDisabledSubnets',
      what: 'subnets whose TAO emission root switched off (no such switch in 2025)',
      value: 0,
      unit: 'subnets',
      source: 'rulepacks.md §2 (pack dtao-2025-02 has no emission switch)',
      date,
    },
    {
      kind: 'parameter',
      name: 'taoUsd',
      what: 'TAO price in USD at 00:00 UTC',
      value: args.taoUsd.prices[closeAt]!,
      unit: 'USD',
      source: files.taoUsd.name,
      date,
    },
  ];
  return {
    format: STARTING_STATE_FORMAT,
    version: STARTING_STATE_VERSION,
    description: `The recorded network on ${date}: ${subnets.length} emitting subnets at their recorded alpha prices, the rest derived by the launch-terms rule`,
    snapshot: { label: 'day', block: day.block, date: `${date}T00:00:00Z`, source: files.panel.name },
    files: [
      { ...files.panel, kind: 'alpha-prices' },
      { ...files.issuance, kind: 'issuance' },
      { ...files.taoUsd, kind: 'tao-usd' },
    ],
    units: 'alpha amounts in alpha, TAO in TAO, prices in TAO per alpha',
    gaps,
    subnets,
  };
}
