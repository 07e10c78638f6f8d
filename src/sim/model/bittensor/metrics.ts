/**
 * What the Bittensor model records: time series, final outcomes and events, each declared once with its
 * meaning and how it is computed from the future's context. Key lists fix the output order (the columns
 * of runs.csv and the entries of summary.json).
 */
import { defineMetrics } from '../../contract/defineMetrics.ts';
import type { MetricInfo, ModelShape } from '../../contract/types.ts';
import type { FutureContext } from './createFutureContext.ts';
import { basketValueTao, outsideWealth } from './holderReturns.ts';
import { bestMechanismAdversary } from './mechanismAgents.ts';
import type { NeuronOutcomes } from './neuronAgents.ts';
import { countLeft, countRetained, countStatus, sum } from './tally.ts';
import { attributeTaoReturn } from './taoMarket.ts';
import { currentUsefulSum, scaledUsefulOutput } from './usefulOutput.ts';
import { ON_NETWORK } from './world.ts';

const info = (label: string, unit: MetricInfo['unit'], description: string): Omit<MetricInfo, 'key'> => ({
  label,
  unit,
  description,
});

const returnRatio = (c: FutureContext): number => {
  const col = c.state.columns;
  const emitted = sum(col.emittedTao);
  return emitted > 0 ? (sum(col.burnedValueTao) + sum(col.mechRecycledTao)) / emitted : 0;
};

/** Sum of the active subnets' spot prices (TAO per alpha). */
const sumAlphaPrices = (c: FutureContext): number => {
  let total = 0;
  for (let i = 0; i < c.spot.length; i++) if (c.state.columns.active[i] === 1) total += c.spot[i]!;
  return total;
};

/** Σ `column` over active subnets as a share of their alpha issued (in the pools and out). */
const alphaShare = (c: FutureContext, column: Float64Array): number => {
  const col = c.state.columns;
  let part = 0;
  let issued = 0;
  for (let i = 0; i < col.active.length; i++) {
    if (col.active[i] !== 1) continue;
    part += column[i]!;
    issued += col.alphaIn[i]! + col.alphaOut[i]!;
  }
  return issued > 0 ? part / issued : 0;
};

/** The last sorted prices: of which context and step, in a buffer reused from record to record. */
const sortedPrices = {
  context: null as FutureContext | null,
  step: -1,
  buffer: new Float64Array(0),
  length: 0,
};

/**
 * The active subnets' spot prices, ascending: sorted once per recorded step for the two series that
 * read them (spot prices change only in the step's slot-prices phase, before the record).
 */
const activePrices = (c: FutureContext): Float64Array => {
  const cached = sortedPrices;
  if (cached.context !== c || cached.step !== c.step) {
    if (cached.buffer.length < c.spot.length) cached.buffer = new Float64Array(c.spot.length);
    const active = c.state.columns.active;
    let n = 0;
    for (let i = 0; i < c.spot.length; i++) if (active[i] === 1) cached.buffer[n++] = c.spot[i]!;
    cached.buffer.subarray(0, n).sort();
    cached.context = c;
    cached.step = c.step;
    cached.length = n;
  }
  return cached.buffer.subarray(0, cached.length);
};

/** The ten highest prices' share of their sum (as the recorded panel's metric of the same name). */
const top10PriceShare = (c: FutureContext): number => {
  const prices = activePrices(c);
  let total = 0;
  for (let i = 0; i < prices.length; i++) total += prices[i]!;
  let top = 0;
  for (let i = Math.max(0, prices.length - 10); i < prices.length; i++) top += prices[i]!;
  return total > 0 ? top / total : 0;
};

/** Median of the active subnets' prices (0 with none). */
const medianAlphaPrice = (c: FutureContext): number => {
  const prices = activePrices(c);
  const m = prices.length >> 1;
  if (prices.length === 0) return 0;
  return prices.length % 2 === 1 ? prices[m]! : (prices[m - 1]! + prices[m]!) / 2;
};

/** The unstaked holder's USD return: the TAO price's. */
const unstakedReturn = (c: FutureContext): number => c.taoUsd / c.price0 - 1;

const chainBuyShare = (c: FutureContext): number => {
  const emitted = sum(c.state.columns.emittedTao);
  return emitted > 0 ? sum(c.state.columns.chainBuyTao) / emitted : 0;
};

const leftEmissionShare = (c: FutureContext): number => {
  let leftEmission = 0;
  let totalEmission = 0;
  for (let id = 0; id < c.world.nextTeamId; id++) {
    totalEmission += c.world.teamEmission[id]!;
    if (c.world.teamLeftDay[id]! >= 0) leftEmission += c.world.teamEmission[id]!;
  }
  return totalEmission > 0 ? leftEmission / totalEmission : 0;
};

const emissionPerUsefulWork = (c: FutureContext): number => {
  const emitted = sum(c.state.columns.emittedTao);
  const mintedTao = sum(c.state.columns.computeMintTao);
  return c.usefulWork > 0 ? (emitted + mintedTao) / c.usefulWork : 0;
};

const farmAndLeave = (c: FutureContext): number => {
  let n = 0;
  for (let id = 0; id < c.world.nextTeamId; id++)
    if (c.world.teamLeftDay[id]! >= 0 && c.world.teamEmission[id]! > 0) n += 1;
  return n;
};

/** Keys of time series, recorded at each recorded step, in output order. */
export const SERIES_KEYS = [
  'taoPriceUsd',
  'holderReturn',
  'sumAlphaPrices',
  'top10PriceShare',
  'medianAlphaPrice',
  'activeSubnets',
  'usefulOutput',
  'returnRatio',
  'subnetsOnNetwork',
  'subnetsLeft',
  'issuance',
  'chainBuyShare',
  'emissionGini',
  'miners',
] as const;

/** A key of {@link SERIES_KEYS}. */
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** Time series, recorded at each recorded step. */
export const SERIES_METRICS = defineMetrics<SeriesKey, FutureContext>(SERIES_KEYS, {
  taoPriceUsd: {
    info: info('TAO price', 'USD', 'Market price of TAO.'),
    compute: (c) => c.taoUsd,
  },
  holderReturn: {
    info: info(
      'TAO holder return',
      'return',
      'Return of holding unstaked TAO since the start, in USD, net of dilution.',
    ),
    compute: unstakedReturn,
  },
  sumAlphaPrices: {
    info: info('Sum of alpha prices', 'ratio', 'Sum of the subnets’ alpha spot prices (TAO per alpha).'),
    compute: sumAlphaPrices,
  },
  top10PriceShare: {
    info: info(
      'Top-10 price share',
      'share',
      'The ten highest alpha prices’ share of the sum of alpha prices (the concentration of value across subnets).',
    ),
    compute: top10PriceShare,
  },
  medianAlphaPrice: {
    info: info(
      'Median alpha price',
      'ratio',
      'Median alpha spot price over the active subnets (TAO per alpha).',
    ),
    compute: medianAlphaPrice,
  },
  activeSubnets: {
    info: info('Active subnets', 'count', 'Subnets registered on the chain (emitting).'),
    compute: (c) => countStatus(c.state.columns.active, 1),
  },
  usefulOutput: {
    info: info(
      'Useful output',
      'ratio',
      'Useful output of the products on the network relative to the start (quality, outside value and miners; AI demand over competition).',
    ),
    compute: (c) =>
      c.startOutput > 0
        ? scaledUsefulOutput(currentUsefulSum(c), c.market.aiDemand, c.market.competition) / c.startOutput
        : 0,
  },
  returnRatio: {
    info: info(
      'Return ratio',
      'ratio',
      'Value returned to holders (burns and buybacks) per TAO emitted, so far.',
    ),
    compute: returnRatio,
  },
  subnetsOnNetwork: {
    info: info('Subnets with their team', 'count', 'Subnets whose team is still on the network.'),
    compute: (c) => countStatus(c.world.status, ON_NETWORK),
  },
  subnetsLeft: {
    info: info('Teams that left', 'count', 'Teams that took their product off the network, so far.'),
    compute: (c) => countLeft(c.world),
  },
  issuance: {
    info: info('TAO issued', 'TAO', 'Total TAO issuance.'),
    compute: (c) => c.state.issuance,
  },
  chainBuyShare: {
    info: info('Chain-buy share', 'share', 'Share of TAO emission spent on chain buys, so far.'),
    compute: chainBuyShare,
  },
  emissionGini: {
    info: info('Emission Gini', 'ratio', 'Gini coefficient of cumulative emission across subnets.'),
    compute: (c) => gini(c.world.teamEmission, c.world.nextTeamId),
  },
  miners: {
    info: info('Miners', 'count', 'Miners across all subnets.'),
    compute: (c) => sum(c.world.miners),
  },
});

/** Time series: their infos in output order. */
export const SERIES: readonly MetricInfo[] = SERIES_METRICS.infos;

/** Keys of final outcomes of a future, measured at the horizon, in output order. */
export const OUTCOME_KEYS = [
  'finalTaoPriceUsd',
  'holderReturnUnstaked',
  'holderReturn',
  'holderReturnRoot',
  'holderReturnAlphaBasket',
  'outsideHolderWealthReturn',
  'returnFromDemand',
  'returnFromDilution',
  'returnFromValueReturned',
  'returnFromOther',
  'demandFromExogenous',
  'demandFromUsefulOutput',
  'demandFromOutsideMoney',
  'returnRatio',
  'subnetsRetained',
  'subnetsLeft',
  'subnetsDeregistered',
  'leftEmissionShare',
  'emissionGini',
  'chainBuyShare',
  'topQualityRetained',
  'pumpProfitTao',
  'selfMiningTao',
  'emissionPerUsefulWork',
  'farmAndLeave',
  'bestAdversaryProfitTao',
  'underReportProfitTao',
  'washProfitTao',
  'cliffExitProfitTao',
  'griefProfitTao',
  'mechanismBurnTao',
  'defaults',
  'registrationsPerYear',
  'poolAlphaShare',
  'protocolOwnedAlphaShare',
  'burnedAlphaShare',
] as const;

/** A key of {@link OUTCOME_KEYS}. */
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** Final outcomes of a future, measured at the horizon. */
export const OUTCOME_METRICS = defineMetrics<OutcomeKey, FutureContext>(OUTCOME_KEYS, {
  finalTaoPriceUsd: {
    info: info('Final TAO price', 'USD', 'TAO price at the horizon.'),
    compute: (c) => c.taoUsd,
  },
  holderReturnUnstaked: {
    info: info(
      'Unstaked TAO holder return',
      'return',
      'Return in USD of holding unstaked TAO over the horizon (the TAO price’s return).',
    ),
    compute: unstakedReturn,
  },
  holderReturn: {
    info: info(
      'TAO holder return',
      'return',
      'Same value as holderReturnUnstaked, kept for readers of earlier outputs.',
    ),
    compute: unstakedReturn,
  },
  holderReturnRoot: {
    info: info(
      'Root staker return',
      'return',
      'Return in USD of TAO staked on root with dividends sold and restaked (the default claim).',
    ),
    compute: (c) => (c.rootGrowth * c.taoUsd) / c.price0 - 1,
  },
  holderReturnAlphaBasket: {
    info: info(
      'Alpha basket return',
      'return',
      'Return in USD of alpha bought at the start across subnets weighted by their alpha market cap, held to the horizon (spot prices; dissolved subnets at their last price).',
    ),
    compute: (c) => (basketValueTao(c.basket, c.state, c.world) * c.taoUsd) / c.price0 - 1,
  },
  outsideHolderWealthReturn: {
    info: info(
      'Outside holders’ wealth return',
      'return',
      'Return in USD of everything held outside the protocol: TAO outside the pools (root stake, balances) plus wallets’ alpha at the TAO it fetches sold through its pool, new emission included.',
    ),
    compute: (c) => (outsideWealth(c.state) * c.taoUsd) / (c.outsideWealthStart * c.price0) - 1,
  },
  returnFromDemand: {
    info: info(
      'Return from demand',
      'ratio',
      'Part of the unstaked holder’s log return from outside demand: the reference value’s move (demand, the crypto market, useful output) and the TAO outside investors and alpha holders bought or sold.',
    ),
    compute: (c) => attributeTaoReturn(c.taoMarket, c.params.taoMarket).demand,
  },
  returnFromDilution: {
    info: info(
      'Return from dilution',
      'ratio',
      'Part of the unstaked holder’s log return from TAO actually sold by emission recipients (miners, validators, owners, leaving teams).',
    ),
    compute: (c) => attributeTaoReturn(c.taoMarket, c.params.taoMarket).dilution,
  },
  returnFromValueReturned: {
    info: info(
      'Return from value returned',
      'ratio',
      'Part of the unstaked holder’s log return from TAO bought with revenue for buybacks and mechanism burns.',
    ),
    compute: (c) => attributeTaoReturn(c.taoMarket, c.params.taoMarket).valueReturned,
  },
  returnFromOther: {
    info: info(
      'Return from other',
      'ratio',
      'Part of the unstaked holder’s log return no flow class explains: the transient impact still in the price.',
    ),
    compute: (c) => attributeTaoReturn(c.taoMarket, c.params.taoMarket).other,
  },
  demandFromExogenous: {
    info: info(
      'Demand: exogenous',
      'ratio',
      'Of returnFromDemand, the exogenous demand index’s log change (its drift, diffusion and jumps, the crypto market included).',
    ),
    compute: (c) => Math.log(c.market.demand),
  },
  demandFromUsefulOutput: {
    info: info(
      'Demand: useful output',
      'ratio',
      'Of returnFromDemand, the reference value’s move with the network’s useful output against its expected path (teams leaving with their products, miners leaving).',
    ),
    compute: (c) => c.taoMarket.logReference - c.taoMarket.logStart - Math.log(c.market.demand),
  },
  demandFromOutsideMoney: {
    info: info(
      'Demand: outside money',
      'ratio',
      'Of returnFromDemand, the TAO bought (less sold) for USD by baseline investors and alpha holders: −M × their cumulated net flow.',
    ),
    compute: (c) => -c.params.taoMarket.impactMultiplier * c.taoMarket.cumulated.demand,
  },
  returnRatio: {
    info: info('Return ratio', 'ratio', 'Value returned to holders by burns and buybacks per TAO emitted.'),
    compute: returnRatio,
  },
  subnetsRetained: {
    info: info(
      'Starting subnets retained',
      'share',
      'Share of the starting teams still on the network at the horizon.',
    ),
    compute: (c) => countRetained(c.world, c.initialTeams) / Math.max(1, c.initialTeams),
  },
  subnetsLeft: {
    info: info('Teams that left', 'count', 'Teams that took their product elsewhere during the run.'),
    compute: (c) => countLeft(c.world),
  },
  subnetsDeregistered: {
    info: info('Subnets deregistered', 'count', 'Subnets pruned to make room for new ones.'),
    compute: (c) => c.deregistered,
  },
  leftEmissionShare: {
    info: info(
      'Emission to leavers',
      'share',
      'Share of all TAO emission captured by subnets whose team later left.',
    ),
    compute: leftEmissionShare,
  },
  emissionGini: {
    info: info('Emission Gini', 'ratio', 'Gini coefficient of cumulative TAO emission across subnets.'),
    compute: (c) => gini(c.world.teamEmission, c.world.nextTeamId),
  },
  chainBuyShare: {
    info: info('Chain-buy share', 'share', 'Share of TAO emission spent on chain buys.'),
    compute: chainBuyShare,
  },
  topQualityRetained: {
    info: info(
      'Best subnets retained',
      'share',
      'Share of the starting top-decile subnets whose team stayed.',
    ),
    compute: (c) =>
      c.topDecile.filter((id) => c.world.teamLeftDay[id]! < 0).length / Math.max(1, c.topDecile.length),
  },
  pumpProfitTao: {
    info: info('Pump-for-share profit', 'TAO', 'Total profit of pump-for-share adversaries.'),
    compute: (c) => c.wallets.pumpProfitTao,
  },
  selfMiningTao: {
    info: info(
      'Self-mining extraction',
      'TAO',
      'TAO value owners extracted by mining their own subnets undetected.',
    ),
    compute: (c) => c.wallets.selfMiningTao,
  },
  emissionPerUsefulWork: {
    info: info(
      'Emission per useful work',
      'ratio',
      'TAO emitted (subnet emission plus compute-market mint) per unit of useful output delivered (useful-output index × days).',
    ),
    compute: emissionPerUsefulWork,
  },
  farmAndLeave: {
    info: info('Farm and leave', 'count', 'Teams that received TAO emission and then left the network.'),
    compute: farmAndLeave,
  },
  bestAdversaryProfitTao: {
    info: info(
      'Best adversary profit',
      'TAO',
      'Largest profit among the adversaries active in the scenario (pumpers, self-miners and each enabled mechanism’s adversary).',
    ),
    compute: (c) =>
      Math.max(c.wallets.pumpProfitTao, c.wallets.selfMiningTao, ...bestMechanismAdversary(c.params, c.book)),
  },
  underReportProfitTao: {
    info: info(
      'Under-reporting profit',
      'TAO',
      'Covenant payments avoided by under-reporting teams, less their slashed bonds.',
    ),
    compute: (c) => c.book.underReportProfitTao,
  },
  washProfitTao: {
    info: info(
      'Wash-usage profit',
      'TAO',
      'Emission drawn to wash traders’ subnets by their self-paid usage, less the fees they burned (an upper bound).',
    ),
    compute: (c) => c.book.washProfitTao,
  },
  cliffExitProfitTao: {
    info: info(
      'Cliff-exit take',
      'TAO',
      'TAO value of owner alpha vested to teams that leave right after the vesting cliff.',
    ),
    compute: (c) => c.book.cliffExitProfitTao,
  },
  griefProfitTao: {
    info: info(
      'Redemption-griefing profit',
      'TAO',
      'Service received by griefers at the credit price, less the TAO they spent on credits.',
    ),
    compute: (c) => c.book.griefProfitTao,
  },
  mechanismBurnTao: {
    info: info(
      'Mechanism burns',
      'TAO',
      'TAO taken out of supply by usage fees, compute burns and slashed bonds.',
    ),
    compute: (c) => sum(c.state.columns.mechRecycledTao),
  },
  defaults: {
    info: info(
      'Covenant defaults',
      'count',
      'Times a subnet entered default (bond slashed, emission share zeroed).',
    ),
    compute: (c) => sum(c.state.columns.defaults),
  },
  registrationsPerYear: {
    info: info('Registrations a year', 'count', 'New subnets registered per year of the horizon.'),
    compute: (c) => ((c.world.nextTeamId - c.initialTeams) * 365) / c.scenario.horizonDays,
  },
  poolAlphaShare: {
    info: info('Alpha in pools', 'share', 'Alpha in the pools as a share of alpha issued, at the horizon.'),
    compute: (c) => alphaShare(c, c.state.columns.alphaIn),
  },
  protocolOwnedAlphaShare: {
    info: info(
      'Protocol-owned alpha',
      'share',
      'Alpha the protocol owns (kept chain buys) as a share of alpha issued, at the horizon.',
    ),
    compute: (c) => alphaShare(c, c.state.columns.protocolAlpha),
  },
  burnedAlphaShare: {
    info: info('Burned alpha', 'share', 'Alpha burned as a share of alpha issued, at the horizon.'),
    compute: (c) => alphaShare(c, c.state.columns.burnedAlpha),
  },
});

/** Final outcomes of a future: their infos in output order. */
export const OUTCOMES: readonly MetricInfo[] = OUTCOME_METRICS.infos;

/** Keys of yes/no events of a future, in output order. */
export const EVENT_KEYS = [
  'topDecileLeavesWithinYear',
  'priceHalves',
  'quarterOfTeamsLeave',
  'alphaCapAboveTao',
] as const;

/** A key of {@link EVENT_KEYS}. */
export type EventKey = (typeof EVENT_KEYS)[number];

/** Yes/no events of a future. */
export const EVENT_METRICS = defineMetrics<EventKey, FutureContext, boolean>(EVENT_KEYS, {
  topDecileLeavesWithinYear: {
    info: info(
      'A top-decile subnet leaves within a year',
      'boolean',
      'At least one of the starting top 10% subnets by emission loses its team within 365 days.',
    ),
    compute: (c) => c.topDecile.some((id) => c.world.teamLeftDay[id]! >= 0 && c.world.teamLeftDay[id]! < 365),
  },
  priceHalves: {
    info: info(
      'TAO price halves',
      'boolean',
      'The TAO price falls below half its starting value at some point.',
    ),
    compute: (c) => c.priceHalved,
  },
  quarterOfTeamsLeave: {
    info: info(
      'A quarter of teams leave',
      'boolean',
      'At least 25% of the starting teams leave by the horizon.',
    ),
    compute: (c) => c.initialTeams - countRetained(c.world, c.initialTeams) >= 0.25 * c.initialTeams,
  },
  alphaCapAboveTao: {
    info: info(
      'A subnet’s alpha is worth more than TAO',
      'boolean',
      'Some subnet’s alpha market cap (its issued alpha at its pool price) exceeds TAO’s own market cap at some step.',
    ),
    compute: (c) => c.alphaCapAboveTao,
  },
});

/** Yes/no events of a future: their infos in output order. */
export const EVENTS: readonly MetricInfo[] = EVENT_METRICS.infos;

/** Keys of outcomes added when a scenario turns neurons mode on (after the other outcomes, in this order), in output order. */
export const NEURON_OUTCOME_KEYS = [
  'lazyValidatorYieldRatio',
  'minerIncentiveGini',
  'topQualityMinerShare',
] as const satisfies readonly (keyof NeuronOutcomes)[];

/** A key of {@link NEURON_OUTCOME_KEYS}. */
export type NeuronOutcomeKey = (typeof NEURON_OUTCOME_KEYS)[number];

/** Outcomes added when a scenario turns neurons mode on (after the other outcomes, in this order). */
export const NEURON_METRICS = defineMetrics<NeuronOutcomeKey, NeuronOutcomes>(NEURON_OUTCOME_KEYS, {
  lazyValidatorYieldRatio: {
    info: info(
      'Lazy validator yield',
      'ratio',
      'Dividends per unit of stake of validators that stopped setting weights, over those of honest validators (detailed subnets).',
    ),
    compute: (n) => n.lazyValidatorYieldRatio,
  },
  minerIncentiveGini: {
    info: info(
      'Miner incentive Gini',
      'ratio',
      'Gini coefficient of the alpha earned by the miners of the detailed subnets.',
    ),
    compute: (n) => n.minerIncentiveGini,
  },
  topQualityMinerShare: {
    info: info(
      'Best miners’ share',
      'share',
      'Share of the detailed subnets’ miner alpha earned by their best-quality quarter of miners.',
    ),
    compute: (n) => n.topQualityMinerShare,
  },
});

/** Outcomes added when a scenario turns neurons mode on (after the other outcomes: their infos in output order. */
export const NEURON_OUTCOMES: readonly MetricInfo[] = NEURON_METRICS.infos;

/** What each kind of holder got, in the order the report lists them. */
const HOLDER_CLASSES = [
  { key: 'holderReturnUnstaked', label: 'Unstaked TAO' },
  { key: 'holderReturnRoot', label: 'TAO staked on root' },
  { key: 'holderReturnAlphaBasket', label: 'Alpha basket (weighted like the start)' },
  { key: 'outsideHolderWealthReturn', label: 'All outside holders’ wealth' },
] as const satisfies readonly { key: OutcomeKey; label: string }[];

/** The unstaked holder's log return and its parts, each accumulated from its own flows. */
const ATTRIBUTION = {
  of: 'holderReturnUnstaked',
  parts: ['returnFromDemand', 'returnFromDilution', 'returnFromValueReturned', 'returnFromOther'],
  label: 'Unstaked TAO holder’s log return',
} as const satisfies { of: OutcomeKey; parts: readonly OutcomeKey[]; label: string };

/** The model's shape without neurons mode. */
export const SHAPE: ModelShape = {
  series: SERIES,
  outcomes: OUTCOMES,
  events: EVENTS,
  holderClasses: HOLDER_CLASSES,
  attribution: ATTRIBUTION,
};

/** The model's shape with neurons mode on. */
export const SHAPE_WITH_NEURONS: ModelShape = { ...SHAPE, outcomes: [...OUTCOMES, ...NEURON_OUTCOMES] };

let sorted = new Float64Array(0);

/** Gini coefficient of non-negative values (0 = equal, 1 = all to one). */
export function gini(values: ArrayLike<number>, count: number): number {
  if (sorted.length < count) sorted = new Float64Array(count);
  const xs = sorted.subarray(0, count);
  for (let i = 0; i < count; i++) xs[i] = Math.max(0, values[i] ?? 0);
  xs.sort();
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < count; i++) {
    const x = xs[i]!;
    sum += x;
    weighted += (i + 1) * x;
  }
  return sum <= 0 ? 0 : (2 * weighted) / (count * sum) - (count + 1) / count;
}
