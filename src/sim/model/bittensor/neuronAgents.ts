/**
 * Neurons mode's agents: in the largest subnets, miners of uneven quality and validators that score
 * them. Honest validators re-score every miner each step (quality plus noise) and keep their weights
 * fresh; lazy validators set weights once and never again, so their weights go stale and, past the
 * activity cutoff, Yuma stops paying them. The kernel's fast epoch does the rest.
 */
import {
  createNeuronSubnet,
  createNeuronsMode,
  type NeuronSubnet,
  setNeuronWeights,
} from '../../../engine/kernel/neurons/index.ts';
import { HOLDER_INDEX, type KernelState } from '../../../engine/kernel/types.ts';
import type { Rng } from '../../rng/stream.ts';
import { gini } from './metrics.ts';
import type { ModelParams } from './params.ts';

/** The detailed subnets and their agents' fixed traits. */
export interface NeuronBook {
  readonly subnets: readonly NeuronSubnet[];
  /** Miner quality per detailed subnet (one entry per miner). */
  readonly quality: readonly Float64Array[];
  /** 1 for a lazy validator, per detailed subnet. */
  readonly lazy: readonly Uint8Array[];
  /** Validators' stake at the start, per detailed subnet. */
  readonly startStake: readonly Float64Array[];
  readonly weights: Float64Array;
  readonly fresh: Uint8Array;
  steps: number;
}

/**
 * Detail the largest subnets (by TAO reserve) and switch the kernel to neurons mode; null when the
 * scenario leaves neurons mode off. Validator stakes split the subnet's staked alpha by a Zipf law.
 */
export function setupNeurons(state: KernelState, params: ModelParams, rng: Rng): NeuronBook | null {
  const p = params.neurons;
  if (!p.enabled) return null;
  const c = state.columns;
  const slots = c.active.length;
  const order = Array.from({ length: slots }, (_, i) => i)
    .filter((i) => c.active[i] === 1)
    .sort((a, b) => c.taoReserve[b]! - c.taoReserve[a]! || a - b)
    .slice(0, p.subnets);
  state.neurons = createNeuronsMode(slots, p.epochsPerStep);
  const zipf = Array.from({ length: p.validators }, (_, v) => 1 / (v + 1));
  const zipfSum = zipf.reduce((a, b) => a + b, 0);
  const subnets: NeuronSubnet[] = [];
  const quality: Float64Array[] = [];
  const lazy: Uint8Array[] = [];
  const startStake: Float64Array[] = [];
  for (const slot of order) {
    const staked = Math.max(1, c.holdings[HOLDER_INDEX.staker * slots + slot]!);
    const subnet = createNeuronSubnet({
      validatorStake: zipf.map((z) => (staked * z) / zipfSum),
      miners: p.miners,
      block: state.block,
    });
    state.neurons.subnets[slot] = subnet;
    subnets.push(subnet);
    quality.push(
      Float64Array.from({ length: p.miners }, () => Math.exp(p.minerQualitySpread * rng.normal())),
    );
    lazy.push(
      Uint8Array.from({ length: p.validators }, () => (rng.uniform() < p.lazyValidatorShare ? 1 : 0)),
    );
    startStake.push(subnet.stake.slice(0, p.validators));
  }
  return {
    subnets,
    quality,
    lazy,
    startStake,
    weights: new Float64Array(p.validators * p.miners),
    fresh: new Uint8Array(p.validators),
    steps: 0,
  };
}

/**
 * Validators set this step's weights, stamped at the step's last block (`blockEnd`): honest ones score
 * each miner as quality × (1 + noise), on the u16 scale of the best score; lazy ones only in the first step.
 */
export function neuronsAct(book: NeuronBook, params: ModelParams, rng: Rng, blockEnd: number): void {
  const { validators, miners, weightNoise } = params.neurons;
  book.steps += 1;
  book.subnets.forEach((subnet, k) => {
    const q = book.quality[k]!;
    const lazy = book.lazy[k]!;
    for (let v = 0; v < validators; v++) {
      const fresh = book.steps === 1 || lazy[v] === 0;
      book.fresh[v] = fresh ? 1 : 0;
      if (!fresh) continue;
      let top = 0;
      for (let m = 0; m < miners; m++) {
        const score = Math.max(0, q[m]! * (1 + weightNoise * rng.normal()));
        book.weights[v * miners + m] = score;
        if (score > top) top = score;
      }
      for (let m = 0; m < miners; m++) {
        const i = v * miners + m;
        book.weights[i] = top > 0 ? Math.round((65_535 * book.weights[i]!) / top) : 0;
      }
    }
    setNeuronWeights(subnet, { weights: book.weights, fresh: book.fresh, block: blockEnd });
  });
}

/** Neurons mode's outcomes over every detailed subnet. */
export interface NeuronOutcomes {
  /** Lazy validators' dividends per unit of starting stake over honest ones' (NaN without both kinds). */
  readonly lazyValidatorYieldRatio: number;
  /** Gini of miners' alpha across all detailed subnets' miners. */
  readonly minerIncentiveGini: number;
  /** Share of miners' alpha earned by the best-quality quarter of miners. */
  readonly topQualityMinerShare: number;
}

/** Measure {@link NeuronOutcomes} at the end of a run. */
export function neuronOutcomes(book: NeuronBook): NeuronOutcomes {
  let lazyPaid = 0;
  let lazyStake = 0;
  let honestPaid = 0;
  let honestStake = 0;
  const minerAlpha: number[] = [];
  let topPaid = 0;
  let allPaid = 0;
  book.subnets.forEach((s, k) => {
    const lazy = book.lazy[k]!;
    const start = book.startStake[k]!;
    for (let v = 0; v < s.validators; v++) {
      if (lazy[v] === 1) {
        lazyPaid += s.validatorAlpha[v]!;
        lazyStake += start[v]!;
      } else {
        honestPaid += s.validatorAlpha[v]!;
        honestStake += start[v]!;
      }
    }
    const q = book.quality[k]!;
    const cut = [...q].sort((a, b) => b - a)[Math.max(0, Math.floor(q.length / 4) - 1)]!;
    for (let m = 0; m < s.miners; m++) {
      const paid = s.minerAlpha[s.validators + m]!;
      minerAlpha.push(paid);
      allPaid += paid;
      if (q[m]! >= cut) topPaid += paid;
    }
  });
  const honestYield = honestStake > 0 ? honestPaid / honestStake : Number.NaN;
  const lazyYield = lazyStake > 0 ? lazyPaid / lazyStake : Number.NaN;
  return {
    lazyValidatorYieldRatio: honestYield > 0 ? lazyYield / honestYield : Number.NaN,
    minerIncentiveGini: gini(Float64Array.from(minerAlpha), minerAlpha.length),
    topQualityMinerShare: allPaid > 0 ? topPaid / allPaid : Number.NaN,
  };
}
