/**
 * Conformance handlers for coinbase.json (spec §4). `coinbase_block` needs the whole chain and is handled
 * with the chain state machine.
 */
import {
  dividendDistribution,
  inheritedStake,
  parentChildDividends,
  takeSplit,
} from '../../engine/coinbase/dividends.ts';
import { scheduleEpochs } from '../../engine/coinbase/epochSchedule.ts';
import { movingAlphaPrice, updateMovingPrice } from '../../engine/coinbase/movingPrice.ts';
import { ownerCutFraction, pendingSplit } from '../../engine/coinbase/pendingSplit.ts';
import { rootProportion, taoWeight } from '../../engine/coinbase/rootProportion.ts';
import { emissionShares } from '../../engine/coinbase/shares.ts';
import { subnetTerms } from '../../engine/coinbase/subnetTerms.ts';
import {
  add,
  convert,
  floorToInt,
  fromF64,
  fromInt,
  I32F32,
  I64F64,
  I96F32,
  mul,
  safeDiv,
  toF64,
  U64_MAX,
  U64F64,
  U96F32,
} from '../../engine/fixed/index.ts';
import { big, list, num, object, toBig, toNum } from '../read.ts';
import type { Handler } from '../registry.ts';

const u96 = (x: number) => fromF64(U96F32, x);
const floats = (xs: readonly U96F32[]) => xs.map((x) => toF64(U96F32, x));

// `set_full_injection_root_stake()` of the chain's test mock: 1e18 rao on root at tao weight 1.0.
const FULL_INJECTION = { rootTao: 10n ** 18n, taoWeight: taoWeight(U64_MAX) };

/**
 * Dividends of an epoch in which no validator has weights (§7.7, total emission 0): the validator emission
 * follows the normalised stake weight S = alpha + tw * root (I64F64 normalised, narrowed to I32F32), times the
 * epoch's alpha, floored. This is the epoch's arithmetic for that case, not a call into the epoch module.
 */
function stakeWeightedDividends(weights: readonly I64F64[], emission: bigint): bigint[] {
  const total = weights.reduce((s, w) => add(I64F64, s, w), 0n as I64F64);
  return weights.map((w) => {
    const share = convert(I64F64, I32F32, safeDiv(I64F64, w, total));
    return floorToInt(I96F32, mul(I96F32, convert(I32F32, I96F32, share), fromInt(I96F32, emission)));
  });
}

export const coinbaseHandlers: Record<string, Handler> = {
  coinbase_owner_cut_full: (v) => {
    let issuance = big(v.inputs, 'alpha_issuance_rao');
    const cuts = list(v.inputs, 'owner_cut_u16').map((c) => {
      // No TAO emission and no root stake (mock tao weight 0): alpha_out is the whole block alpha.
      const terms = subnetTerms({
        taoEmission: fromInt(U96F32, big(v.inputs, 'block_tao_emission')),
        price: U64F64.one,
        alphaIssuance: issuance,
        rootProportion: 0n as U96F32,
      });
      const split = pendingSplit({
        alphaOut: terms.alphaOut,
        ownerCut: ownerCutFraction(toNum(c, 'owner_cut_u16')),
        ownerCutEnabled: true,
        rootProportion: 0n as U96F32,
        rootSell: false,
      });
      issuance += split.minted;
      return split.ownerCut;
    });
    return { actual: { pending_owner_cut: cuts } };
  },

  coinbase_pending_split_with_root_proportion: (v) => {
    const rp = rootProportion({
      rootTao: big(v.inputs, 'root_tao'),
      taoWeight: u96(num(v.inputs, 'tao_weight')),
      alphaIssuance: big(v.inputs, 'alpha_issuance_after_mint'),
    });
    const split = pendingSplit({
      alphaOut: fromInt(U96F32, big(v.inputs, 'alpha_out')),
      ownerCut: ownerCutFraction(num(v.inputs, 'owner_cut')),
      ownerCutEnabled: true,
      rootProportion: rp,
      rootSell: v.inputs.root_sell === true,
    });
    return {
      actual: {
        pending_server: split.server,
        pending_validator: split.validator,
        pending_root_alpha: split.rootAlpha,
      },
    };
  },

  shares_equal_prices_ignore_root_prop: (v) => {
    // Stored RootProp is deliberately not an input of the share rule on main.
    const prices = list(v.inputs, 'moving_price').map((p) => fromF64(U64F64, toNum(p, 'moving_price')));
    const burned = list(v.inputs, 'miner_burned').map((b) => u96(toNum(b, 'miner_burned')));
    const shares = emissionShares(
      prices.map((movingPrice, i) => ({ movingPrice, minerBurned: burned[i] ?? (0n as U96F32) })),
    );
    return { actual: { shares: shares.map((s) => toF64(U64F64, s)) } };
  },

  root_proportion_formula: (v) => ({
    actual: {
      root_proportion: toF64(
        U96F32,
        rootProportion({
          rootTao: big(v.inputs, 'root_tao'),
          taoWeight: taoWeight(big(v.inputs, 'tao_weight_raw')),
          alphaIssuance: big(v.inputs, 'alpha_issuance'),
        }),
      ),
    },
  }),

  subnet_terms_uncapped: (v) => {
    // Pool 1e15/1e15 from the description: alpha issuance 1e15, full-injection root stake.
    const alphaIssuance = 10n ** 15n;
    const terms = subnetTerms({
      taoEmission: fromInt(U96F32, big(v.inputs, 'tao_emission')),
      price: fromF64(U64F64, num(v.inputs, 'price')),
      alphaIssuance,
      rootProportion: rootProportion({ ...FULL_INJECTION, alphaIssuance }),
    });
    const [taoIn, alphaIn, excess] = floats([terms.taoIn, terms.alphaIn, terms.excessTao]);
    return { actual: { tao_in: taoIn ?? null, alpha_in: alphaIn ?? null, excess_tao: excess ?? null } };
  },

  subnet_terms_capped: (v) => {
    const alphaIssuance = big(v.inputs, 'alpha_issuance');
    const rp = rootProportion({
      rootTao: big(v.inputs, 'root_tao'),
      taoWeight: u96(num(v.inputs, 'tao_weight')),
      alphaIssuance,
    });
    const alphaIn = list(v.inputs, 'tao_emissions').map((t, i) => {
      const terms = subnetTerms({
        taoEmission: fromInt(U96F32, toBig(t, `tao_emissions[${i}]`)),
        price: fromF64(U64F64, num(v.inputs, 'price')),
        alphaIssuance,
        rootProportion: rp,
      });
      return terms.alphaIn;
    });
    return { actual: { alpha_in: floats(alphaIn) } };
  },

  dividend_split: (v) => {
    const tw = u96(num(v.inputs, 'tao_weight'));
    const alpha = list(v.inputs, 'alpha_stake').map((x) => toBig(x, 'alpha_stake'));
    const root = list(v.inputs, 'root_stake').map((x) => toBig(x, 'root_stake'));
    const server = big(v.inputs, 'pending_server');
    const validator = big(v.inputs, 'pending_validator');
    const pendingRoot = big(v.inputs, 'pending_root');
    // Epoch stake weight S = inherited alpha + tw * inherited root in I64F64 (§6.3; no parents or children).
    const tw64 = convert(U96F32, I64F64, tw);
    const weights = alpha.map((a, i) => {
      const ownAlpha = inheritedStake({ own: a, childProportions: [], parents: [] });
      const ownRoot = inheritedStake({ own: root[i] ?? 0n, childProportions: [], parents: [] });
      return add(I64F64, fromInt(I64F64, ownAlpha), mul(I64F64, fromInt(I64F64, ownRoot), tw64));
    });
    const epochDividends = stakeWeightedDividends(weights, server + validator + pendingRoot);
    // No weights -> no incentives, so validators receive the server alpha too (§4.10 step 2).
    const perHotkey = epochDividends.map((d, i) => {
      const stake = { alpha: alpha[i] ?? 0n, root: root[i] ?? 0n };
      const split = parentChildDividends({
        dividend: d,
        stake,
        childProportions: [],
        parents: [],
        childkeyTakeU16: 0,
        ckBurn: 0n as U96F32,
        taoWeight: tw,
      });
      return { dividend: fromInt(U96F32, split.self), alphaStake: stake.alpha, rootStake: stake.root };
    });
    const dist = dividendDistribution({
      pendingAlpha: validator + server,
      pendingRootAlpha: pendingRoot,
      taoWeight: tw,
      hotkeys: perHotkey,
    });
    const takeU16 = num(v.inputs, 'take');
    // One coldkey owns each hotkey and is its only staker: it receives both the take and the rest.
    const after = dist.alpha.map((amount, i) => {
      const { take, rest } = takeSplit({ amount, takeU16 });
      return (alpha[i] ?? 0n) + take + rest;
    });
    return { actual: { alpha_stake_after: after } };
  },

  dividend_distribution_totals: (v) => {
    const stakes = object(v.inputs, 'stake_map');
    const dividends = object(v.inputs, 'dividends');
    const hotkeys = Object.keys(dividends).map((name) => {
      const s = object(stakes, name);
      return {
        dividend: fromInt(U96F32, big(dividends, name)),
        alphaStake: big(s, 'alpha'),
        rootStake: big(s, 'root'),
      };
    });
    const dist = dividendDistribution({
      pendingAlpha: big(v.inputs, 'pending_validator_alpha'),
      pendingRootAlpha: big(v.inputs, 'pending_root_alpha'),
      taoWeight: u96(num(v.inputs, 'tao_weight')),
      hotkeys,
    });
    const total = (xs: readonly U96F32[]) =>
      floorToInt(
        U96F32,
        xs.reduce((s, x) => add(U96F32, s, x), 0n as U96F32),
      );
    return { actual: { sum_alpha_dividends: total(dist.alpha), sum_root_alpha_dividends: total(dist.root) } };
  },

  moving_price_ema: (v) => {
    let stored = fromF64(I96F32, num(v.inputs, 'ema_start'));
    for (let i = 0; i < num(v.inputs, 'updates'); i++) {
      stored = updateMovingPrice({
        block: num(v.inputs, 'block'),
        firstEmissionBlock: num(v.inputs, 'first_emission_block'),
        halvingBlocks: num(v.inputs, 'halving_blocks'),
        movingAlpha: fromF64(I96F32, num(v.inputs, 'moving_alpha')),
        spotPrice: fromF64(U64F64, num(v.inputs, 'spot_price')),
        movingPrice: movingAlphaPrice({ mechanism: 1, stored }),
      });
    }
    return { actual: { ema: toF64(I96F32, stored) } };
  },

  epoch_deferral_cap: (v) => {
    const block = 1_000;
    const due = Array.from({ length: num(v.inputs, 'due_subnets') }, () => ({
      tempo: 360,
      pendingEpochAt: 0,
      blocksSinceLastStep: 0,
      lastEpochBlock: block - 360,
      epochIndex: 0,
      consistent: true,
    }));
    const decisions = scheduleEpochs({
      block,
      maxEpochsPerBlock: num(v.inputs, 'max_epochs_per_block'),
      subnets: due,
    });
    return { actual: { deferred: decisions.filter((d) => d.outcome === 'deferred').length } };
  },
};
