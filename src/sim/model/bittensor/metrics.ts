/** What the Bittensor model records: time series, final outcomes and events, with their meaning. */
import type { MetricInfo, ModelShape } from '../types.ts';

const m = (key: string, label: string, unit: MetricInfo['unit'], description: string): MetricInfo => ({
  key,
  label,
  unit,
  description,
});

export const SERIES = [
  m('taoPriceUsd', 'TAO price', 'USD', 'Market price of TAO.'),
  m(
    'holderReturn',
    'TAO holder return',
    'return',
    'Return of holding unstaked TAO since the start, in USD, net of dilution.',
  ),
  m(
    'returnRatio',
    'Return ratio',
    'ratio',
    'Value returned to holders (burns and buybacks) per TAO emitted, so far.',
  ),
  m('subnetsOnNetwork', 'Subnets with their team', 'count', 'Subnets whose team is still on the network.'),
  m('subnetsLeft', 'Teams that left', 'count', 'Teams that took their product off the network, so far.'),
  m('issuance', 'TAO issued', 'TAO', 'Total TAO issuance.'),
  m('chainBuyShare', 'Chain-buy share', 'share', 'Share of TAO emission spent on chain buys, so far.'),
  m('emissionGini', 'Emission Gini', 'ratio', 'Gini coefficient of cumulative emission across subnets.'),
  m('miners', 'Miners', 'count', 'Miners across all subnets.'),
] as const;

export const OUTCOMES = [
  m('finalTaoPriceUsd', 'Final TAO price', 'USD', 'TAO price at the horizon.'),
  m(
    'holderReturn',
    'TAO holder return',
    'return',
    'Return of holding unstaked TAO over the horizon, net of dilution.',
  ),
  m(
    'rootStakerReturn',
    'Root staker return',
    'return',
    'Return of TAO staked on root with dividends sold and restaked (the default claim), in USD.',
  ),
  m(
    'returnRatio',
    'Return ratio',
    'ratio',
    'Value returned to holders by burns and buybacks per TAO emitted.',
  ),
  m(
    'subnetsRetained',
    'Starting subnets retained',
    'share',
    'Share of the starting teams still on the network at the horizon.',
  ),
  m('subnetsLeft', 'Teams that left', 'count', 'Teams that took their product elsewhere during the run.'),
  m('subnetsDeregistered', 'Subnets deregistered', 'count', 'Subnets pruned to make room for new ones.'),
  m(
    'leftEmissionShare',
    'Emission to leavers',
    'share',
    'Share of all TAO emission captured by subnets whose team later left.',
  ),
  m('emissionGini', 'Emission Gini', 'ratio', 'Gini coefficient of cumulative TAO emission across subnets.'),
  m('chainBuyShare', 'Chain-buy share', 'share', 'Share of TAO emission spent on chain buys.'),
  m(
    'topQualityRetained',
    'Best subnets retained',
    'share',
    'Share of the starting top-decile subnets whose team stayed.',
  ),
  m('pumpProfitTao', 'Pump-for-share profit', 'TAO', 'Total profit of pump-for-share adversaries.'),
  m(
    'selfMiningTao',
    'Self-mining extraction',
    'TAO',
    'TAO value owners extracted by mining their own subnets undetected.',
  ),
  m(
    'emissionPerUsefulWork',
    'Emission per useful work',
    'ratio',
    'TAO emitted (subnet emission plus compute-market mint) per unit of useful output delivered (useful-output index × days).',
  ),
  m('farmAndLeave', 'Farm and leave', 'count', 'Teams that received TAO emission and then left the network.'),
  m(
    'bestAdversaryProfitTao',
    'Best adversary profit',
    'TAO',
    'Largest profit among the adversaries active in the scenario (pumpers, self-miners and each enabled mechanism’s adversary).',
  ),
  m(
    'underReportProfitTao',
    'Under-reporting profit',
    'TAO',
    'Covenant payments avoided by under-reporting teams, less their slashed bonds.',
  ),
  m(
    'washProfitTao',
    'Wash-usage profit',
    'TAO',
    'Emission drawn to wash traders’ subnets by their self-paid usage, less the fees they burned (an upper bound).',
  ),
  m(
    'cliffExitProfitTao',
    'Cliff-exit take',
    'TAO',
    'TAO value of owner alpha vested to teams that leave right after the vesting cliff.',
  ),
  m(
    'griefProfitTao',
    'Redemption-griefing profit',
    'TAO',
    'Service received by griefers at the credit price, less the TAO they spent on credits.',
  ),
  m(
    'mechanismBurnTao',
    'Mechanism burns',
    'TAO',
    'TAO taken out of supply by usage fees, compute burns and slashed bonds.',
  ),
  m(
    'defaults',
    'Covenant defaults',
    'count',
    'Times a subnet entered default (bond slashed, emission share zeroed).',
  ),
] as const;

export const EVENTS = [
  m(
    'topDecileLeavesWithinYear',
    'A top-decile subnet leaves within a year',
    'boolean',
    'At least one of the starting top 10% subnets by emission loses its team within 365 days.',
  ),
  m(
    'priceHalves',
    'TAO price halves',
    'boolean',
    'The TAO price falls below half its starting value at some point.',
  ),
  m(
    'quarterOfTeamsLeave',
    'A quarter of teams leave',
    'boolean',
    'At least 25% of the starting teams leave by the horizon.',
  ),
] as const;

/** Outcomes added when a scenario turns neurons mode on (after {@link OUTCOMES}, in this order). */
export const NEURON_OUTCOMES = [
  m(
    'lazyValidatorYieldRatio',
    'Lazy validator yield',
    'ratio',
    'Dividends per unit of stake of validators that stopped setting weights, over those of honest validators (detailed subnets).',
  ),
  m(
    'minerIncentiveGini',
    'Miner incentive Gini',
    'ratio',
    'Gini coefficient of the alpha earned by the miners of the detailed subnets.',
  ),
  m(
    'topQualityMinerShare',
    'Best miners’ share',
    'share',
    'Share of the detailed subnets’ miner alpha earned by their best-quality quarter of miners.',
  ),
] as const;

/** The model's shape without neurons mode. */
export const SHAPE: ModelShape = { series: SERIES, outcomes: OUTCOMES, events: EVENTS };

/** The model's shape with neurons mode on. */
export const SHAPE_WITH_NEURONS: ModelShape = {
  series: SERIES,
  outcomes: [...OUTCOMES, ...NEURON_OUTCOMES],
  events: EVENTS,
};

/** Index of a key in a list of metrics. */
export const indexOf = (list: readonly MetricInfo[], key: string): number =>
  list.findIndex((x) => x.key === key);

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
