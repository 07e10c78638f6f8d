/** The model's starting figures taken from a starting-state file's gaps instead of the parameters' defaults. */
import type { GapName, StartingState } from '../../start/startingState.ts';
import type { ModelParams } from './params.ts';

/** The gaps the model reads, by name; a file without one leaves the model's own parameter. */
function gapValue(start: StartingState, name: GapName): number | undefined {
  const gap = start.gaps.find((g) => g.name === name);
  return gap?.value ?? undefined;
}

/** Gaps the file fills that the model does not use: they are printed, marked as not modelled. */
export const UNMODELLED_GAPS: ReadonlySet<GapName> = new Set<GapName>(['minerBurningSubnets']);

/**
 * `params` with the network and TAO/USD at the start taken from `start` (subnet count, TAO issued, root
 * stake, the price rule's two shares, emission-off count as a share, TAO/USD); `params` itself without one.
 * @example withStartingState(params, state).network.rootStakeTao // 5_481_210
 */
export function withStartingState(params: ModelParams, start: StartingState | undefined): ModelParams {
  if (start === undefined) return params;
  // One object per (params, start), shared by every future that starts there: the parameters are read,
  // never written, and a fresh spread per future gets a new hidden class once V8's spread fast path warms
  // up (about the tenth future), which sends every optimised reader of the parameters back to deoptimise.
  let byStart = filled.get(params);
  if (byStart === undefined) {
    byStart = new WeakMap();
    filled.set(params, byStart);
  }
  const known = byStart.get(start);
  if (known !== undefined) return known;
  const made = fill(params, start);
  byStart.set(start, made);
  return made;
}

const filled = new WeakMap<ModelParams, WeakMap<StartingState, ModelParams>>();

function fill(params: ModelParams, start: StartingState): ModelParams {
  const n = start.subnets.length;
  const net = params.network;
  const disabled = gapValue(start, 'emissionDisabledSubnets');
  return {
    ...params,
    network: {
      ...net,
      subnets: n,
      issuanceTao: gapValue(start, 'taoIssued') ?? net.issuanceTao,
      rootStakeTao: gapValue(start, 'rootStakeTao') ?? net.rootStakeTao,
      alphaMarketCapShare: gapValue(start, 'alphaMarketCapShare') ?? net.alphaMarketCapShare,
      top10EmissionShare: gapValue(start, 'top10EmissionShare') ?? net.top10EmissionShare,
      emissionDisabledShare: disabled === undefined ? net.emissionDisabledShare : disabled / n,
    },
    market: { ...params.market, taoPriceUsd: gapValue(start, 'taoUsd') ?? params.market.taoPriceUsd },
  };
}
