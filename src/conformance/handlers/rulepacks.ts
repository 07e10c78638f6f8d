/**
 * Conformance handlers for rulepacks.json (spec rulepacks.md): whole coinbase blocks run under a named
 * rule pack with the chain test mock's parameters, and the pack-specific pure functions (flow EMA,
 * pow-normalisation, flow and net-flow shares, the branch blend, the emission gate and its bar).
 */
import type { ChainEvent } from '../../engine/chain/events.ts';
import { runCoinbase } from '../../engine/chain/runCoinbase.ts';
import { movingAlphaPrice, updateMovingPrice } from '../../engine/coinbase/movingPrice.ts';
import { ownerCutFraction, pendingSplit } from '../../engine/coinbase/pendingSplit.ts';
import { rootProportion, taoWeight } from '../../engine/coinbase/rootProportion.ts';
import { emissionShares, priceEmaShares } from '../../engine/coinbase/shares.ts';
import { stakeProportionalEpoch } from '../../engine/epoch/stakeProportionalEpoch.ts';
import {
  convert,
  fromF64,
  fromInt,
  I64_MAX,
  I64F64,
  I96F32,
  mul,
  sub,
  toF64,
  U64_MAX,
  U64F64,
  U96F32,
} from '../../engine/fixed/index.ts';
import { createGenesis } from '../../engine/genesis/createGenesis.ts';
import {
  flowAlpha,
  flowBlendShares,
  flowEmaStep,
  flowShares,
  inplacePowNormalize,
} from '../../engine/rules/flowShares.ts';
import { applyGate, gateShares } from '../../engine/rules/gate.ts';
import { netFlows, protocolNormFactor } from '../../engine/rules/netFlow.ts';
import { parseRulePack, variantSettings } from '../../engine/rules/rulePack.ts';
import { plainEma } from '../../engine/rules/terms.ts';
import { Draft } from '../../engine/state/draft.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { type NetUid, netuid } from '../../engine/types.ts';
import type { Check } from '../compare.ts';
import { big, list, num, str, toBig, toNum } from '../read.ts';
import type { Handler } from '../registry.ts';
import type { Json, JsonObject } from '../vector.ts';

const u64 = (x: number) => fromF64(U64F64, x);
const i64 = (x: number) => fromF64(I64F64, x);
const floats = (xs: readonly U64F64[]) => xs.map((x) => toF64(U64F64, x));
const nums = (obj: JsonObject, key: string) => list(obj, key).map((x, i) => toNum(x, `${key}[${i}]`));
const opt = (obj: JsonObject, key: string): Json | undefined => obj[key];
const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** A state for one coinbase block under the vector's pack, with the chain test mock's parameters. */
function packState(inputs: JsonObject, subnetsRaw: readonly JsonObject[], tempo?: number): ChainState {
  const pack = parseRulePack(str(inputs, 'rule_pack'), 'rule_pack');
  const variant = opt(inputs, 'variant');
  const state = createGenesis({
    sudo: 'sudo',
    taoWeight: 0n,
    rulePack: pack,
    rules: variantSettings(pack, typeof variant === 'string' ? variant : undefined),
    // The mock's swap (constant product / v3 before the Balancer pool) has no output-reserve floor.
    params: {
      subnetOwnerCut: 0,
      maxEpochsPerBlock: 32,
      networkMinLock: 100_000_000_000n,
      minimumReserve: 0n,
    },
    subnets: subnetsRaw.map((s, i) => {
      const mechanism = toNum(s.mechanism ?? 1, `subnets[${i}].mechanism`);
      if (mechanism !== 0 && mechanism !== 1) throw new Error(`subnets[${i}].mechanism must be 0 or 1`);
      return {
        netuid: i + 1,
        ownerColdkey: `owner${i + 1}`,
        ownerHotkey: `owner-hotkey${i + 1}`,
        mechanism: mechanism as 0 | 1,
        taoReserve: toBig(s.tao ?? 0, `subnets[${i}].tao`),
        alphaIn: toBig(s.alpha_in ?? 0, `subnets[${i}].alpha_in`),
        emissionEnabled: s.emission_enabled === undefined ? true : s.emission_enabled === true,
        movingPrice: toNum(s.moving_price ?? 0, `subnets[${i}].moving_price`),
        ...(tempo === undefined ? {} : { tempo }),
      };
    }),
  });
  // Presets the genesis config has no field for: alpha outside the pool (held by nobody) and this
  // block's user flow accumulator.
  const subnets = new Map(state.subnets);
  subnetsRaw.forEach((s, i) => {
    const id = netuid(i + 1);
    const cur = subnets.get(id)!;
    const alphaOut = toBig(s.alpha_out ?? 0, `subnets[${i}].alpha_out`);
    const taoFlow = toBig(s.user_flow ?? 0, `subnets[${i}].user_flow`);
    subnets.set(id, {
      ...cur,
      alphaOut: cur.alphaOut + alphaOut,
      unownedAlpha: cur.unownedAlpha + alphaOut,
      taoFlow,
    });
  });
  return { ...state, subnets };
}

/** One coinbase with `credit` rao minted, at `block` (default the next block). */
function runBlock(state: ChainState, credit: bigint, block = state.block + 1): ChainState {
  const draft = new Draft(state);
  draft.block = block;
  draft.totalIssuance += credit;
  const events: ChainEvent[] = [];
  const leftover = runCoinbase({ draft, events }, credit, stakeProportionalEpoch);
  draft.totalIssuance -= leftover; // read after the coinbase, which may lower issuance itself
  return draft.finish();
}

function sub64(ids: readonly NetUid[], s: ChainState) {
  return ids.map((id) => s.subnets.get(id)!);
}

export const rulePackHandlers: Record<string, Handler> = {
  pack_coinbase_block: (v) => {
    const raw = list(v.inputs, 'subnets').map((s) => s as JsonObject);
    const before = packState(v.inputs, raw);
    const credit = big(v.inputs, 'block_tao_emission');
    const after = runBlock(before, credit);
    const ids = raw.map((_, i) => netuid(i + 1));
    const was = sub64(ids, before);
    const now = sub64(ids, after);
    const disabled = raw.findIndex((s) => s.emission_enabled === false);
    return {
      actual: {
        subnet_tao: now.map((s) => s.taoReserve),
        subnet_alpha_in: now.map((s) => s.alphaIn),
        subnet_alpha_out: now.map((s) => s.alphaOut),
        tao_emission: now.map((s) => s.lastTaoInEmission + s.lastExcessTao),
        total_issuance: after.totalIssuance - before.totalIssuance,
        total_stake: after.totalStake - before.totalStake,
        delta_total_issuance: after.totalIssuance - before.totalIssuance,
        delta_total_stake: after.totalStake - before.totalStake,
        ...(disabled < 0
          ? {}
          : {
              alpha_in_disabled: now[disabled]!.alphaIn - was[disabled]!.alphaIn,
              excess_tao_disabled: now[disabled]!.lastExcessTao,
            }),
      },
    };
  },

  pack_owner_cut: (v) => {
    let state = packState(v.inputs, [{ mechanism: 0 }], 10_000);
    const credit = big(v.inputs, 'block_tao_emission');
    const after = list(v.inputs, 'owner_cut_u16').map((c, i) => {
      state = { ...state, params: { ...state.params, subnetOwnerCut: toNum(c, `owner_cut_u16[${i}]`) } };
      state = runBlock(state, credit);
      return state.subnets.get(netuid(1))!.pendingOwnerCut;
    });
    return { actual: { pending_owner_cut_after_each_run: after } };
  },

  pack_pending_split_root_sell: (v) => {
    const tw =
      num(v.inputs, 'tao_weight') >= 1
        ? taoWeight(U64_MAX)
        : taoWeight(BigInt(Math.floor(num(v.inputs, 'tao_weight') * Number(U64_MAX))));
    const alphaOut = fromInt(U96F32, big(v.inputs, 'alpha_out_per_block'));
    const rp = rootProportion({
      rootTao: big(v.inputs, 'root_tao'),
      taoWeight: tw,
      alphaIssuance: big(v.inputs, 'alpha_issuance_after_mint'),
    });
    const split = pendingSplit({
      alphaOut,
      ownerCut: ownerCutFraction(num(v.inputs, 'owner_cut')),
      ownerCutEnabled: true,
      rootProportion: rp,
      rootSell: true,
    });
    if (num(v.inputs, 'mechanism') !== 0)
      throw new Error('only a stable subnet (1:1 sell) is supported here');
    return {
      actual: {
        pending_alpha_swapped: split.rootAlpha,
        pending_emission: split.server + split.validator,
        // A stable subnet swaps 1:1, so the sold root alpha returns the same amount of TAO.
        pending_root_divs_tao: split.rootAlpha,
      },
    };
  },

  pack_moving_price_ema_plain: (v) => {
    const spot = fromF64(U96F32, num(v.inputs, 'spot_price'));
    const ema = list(v.inputs, 'cases').map((c) => {
      const o = c as JsonObject;
      const alpha = fromF64(U96F32, num(o, 'moving_alpha'));
      let m = fromF64(U96F32, num(o, 'ema_start'));
      for (let i = 0; i < num(o, 'updates'); i++) m = plainEma({ alpha, spot, ema: m });
      return toF64(U96F32, m);
    });
    return { actual: { ema } };
  },

  moving_price_ema: (v) => {
    let m = movingAlphaPrice({ mechanism: 1, stored: fromF64(I96F32, num(v.inputs, 'ema_start')) });
    for (let i = 0; i < num(v.inputs, 'updates'); i++) {
      const next = updateMovingPrice({
        block: num(v.inputs, 'block'),
        firstEmissionBlock: num(v.inputs, 'first_emission_block'),
        halvingBlocks: num(v.inputs, 'halving_blocks'),
        movingAlpha: fromF64(I96F32, num(v.inputs, 'moving_alpha')),
        spotPrice: u64(num(v.inputs, 'spot_price')),
        movingPrice: m,
      });
      m = convert(I96F32, U64F64, next);
    }
    return { actual: { ema: toF64(U64F64, m) } };
  },

  flow_pow_normalize: (v) => {
    const values = nums(v.inputs, 'values').map(u64);
    const p = v.inputs.p;
    if (Array.isArray(p)) {
      const perP = p.map((x, i) => floats(inplacePowNormalize(values, u64(toNum(x, `p[${i}]`)))));
      return { actual: { shares_per_p: perP, sum: sumOf(perP[0] ?? []) } };
    }
    const shares = floats(inplacePowNormalize(values, u64(num(v.inputs, 'p'))));
    return {
      actual: { shares, sum: sumOf(shares), derived_shares: shares },
      checks: [
        {
          key: 'each_in_0_1',
          ok: shares.every((s) => s >= 0 && s <= 1),
          detail: `shares ${JSON.stringify(shares)} not all in [0, 1]`,
        },
      ],
    };
  },

  flow_shares: (v) => {
    const shares = floats(
      flowShares(nums(v.inputs, 'ema_flows').map(i64), i64(num(v.inputs, 'cutoff')), u64(num(v.inputs, 'p'))),
    );
    const checks: Check[] = [];
    const ordering = opt(v.expected, 'ordering');
    if (typeof ordering === 'string') {
      // "s3>s2>s1": each named share strictly above the next.
      const idx = ordering.split('>').map((t) => Number(t.trim().slice(1)) - 1);
      const ok = idx.every((k, j) => j === 0 || (shares[idx[j - 1]!] ?? 0) > (shares[k] ?? 0));
      checks.push({ key: 'ordering', ok, detail: `shares ${JSON.stringify(shares)} violate ${ordering}` });
    }
    return { actual: { shares, sum: sumOf(shares), derived_shares: shares }, checks };
  },

  flow_shares_cases: (v) => {
    const cutoff = i64(num(v.inputs, 'cutoff'));
    const p = u64(num(v.inputs, 'p'));
    const results = list(v.inputs, 'cases').map((c, i) =>
      floats(
        flowShares(
          (c as Json[]).map((x, j) => i64(toNum(x, `cases[${i}][${j}]`))),
          cutoff,
          p,
        ),
      ),
    );
    const bad = results.find(
      (s) => !(s[0]! < 1e-6 && s[1]! > 0.999999 && Math.abs(s[0]! + s[1]! - 1) <= 1e-9),
    );
    return {
      actual: {},
      checks: [{ key: 'shares', ok: bad === undefined, detail: `case shares ${JSON.stringify(bad)}` }],
    };
  },

  flow_blend_shares: (v) => {
    const price = priceEmaShares(nums(v.inputs, 'moving_prices').map(u64));
    const flow = flowShares(nums(v.inputs, 'ema_flows').map(i64), 0n as I64F64, u64(num(v.inputs, 'p')));
    const perBlock = nums(v.inputs, 'blocks').map((b) =>
      floats(
        flowBlendShares({
          flowShares: flow,
          priceShares: price,
          block: b,
          flowFirstBlock: num(v.inputs, 'flow_first_block'),
          halfLife: num(v.inputs, 'flow_half_life'),
        }),
      ),
    );
    return { actual: { shares_per_block: perBlock } };
  },

  net_flow_shares: (v) => {
    const n = num(v.inputs, 'subnet_count');
    const formula = str(v.inputs, 'protocol_flow');
    if (!/^40 \+ 4\*i/.test(formula)) throw new Error(`protocol_flow formula not understood: ${formula}`);
    const alphaIn = num(v.inputs, 'flow_alpha');
    const alpha =
      alphaIn === 1 ? flowAlpha(I64_MAX) : flowAlpha(BigInt(Math.round(alphaIn * Number(I64_MAX))));
    const step = (acc: bigint) => flowEmaStep({ ema: null, accumulator: acc, block: 1, alpha }).ema.value;
    const user = Array.from({ length: n }, () => step(big(v.inputs, 'user_flow')));
    const protocol = Array.from({ length: n }, (_, i) => step(BigInt(40 + 4 * i)));
    const net = netFlows({ user, protocol, enabled: v.inputs.net_flow_enabled !== false });
    const unnormalised = user.map((f, i) => sub(I64F64, f, protocol[i]!));
    const shares = flowShares(net, i64(num(v.inputs, 'cutoff')), u64(num(v.inputs, 'p')));
    const e = fromInt(U64F64, big(v.inputs, 'block_emission'));
    const emission = shares.map((s) => convert(U64F64, U96F32, mul(U64F64, e, s)));
    return {
      actual: {
        norm_factor: toF64(I64F64, protocolNormFactor(user, protocol)),
        eligible_count: net.filter((x) => x > 0n).length,
        unnormalized_eligible_count: unnormalised.filter((x) => x > 0n).length,
        total_emission: sumOf(emission.map((x) => toF64(U96F32, x))),
        derived_share_first: toF64(U64F64, shares[0]!),
        derived_share_35th: toF64(U64F64, shares[34]!),
      },
    };
  },

  protocol_flow_ema: (v) => {
    const a = num(v.inputs, 'flow_alpha');
    const alpha = a === 1 ? flowAlpha(I64_MAX) : flowAlpha(BigInt(Math.round(a * Number(I64_MAX))));
    const block = num(v.inputs, 'block');
    // The protocol EMA advances and drains its accumulator whatever NetTaoFlowEnabled says.
    const steps = list(v.inputs, 'protocol_accumulator').map((x, i) =>
      flowEmaStep({ ema: null, accumulator: toBig(x, `protocol_accumulator[${i}]`), block, alpha }),
    );
    return {
      actual: {
        protocol_accumulator_after: steps.map((s, i) =>
          s.consumed ? 0n : toBig(list(v.inputs, 'protocol_accumulator')[i]!, 'protocol_accumulator'),
        ),
        protocol_ema: steps.map((s) => [s.ema.block, toF64(I64F64, s.ema.value)]),
      },
    };
  },

  pack_emission_toggle_runs: (v) => {
    const runs = list(v.inputs, 'enabled_per_run').map((r) => (r as Json[]).map((x) => x === true));
    const n = runs[0]?.length ?? 0;
    // Equal flows on every subnet; every run is the same block, so the EMAs move only once.
    let state = packState(
      v.inputs,
      Array.from({ length: n }, () => ({ mechanism: 0, user_flow: 100_000_000 })),
    );
    const block = state.block + 1;
    const credit = big(v.inputs, 'block_tao_emission');
    const perRun = runs.map((enabled) => {
      const subnets = new Map(state.subnets);
      enabled.forEach((on, i) => {
        const id = netuid(i + 1);
        subnets.set(id, { ...subnets.get(id)!, emissionEnabled: on });
      });
      state = runBlock({ ...state, subnets }, credit, block);
      return enabled.map((_, i) => state.subnets.get(netuid(i + 1))!.lastTaoInEmission);
    });
    return { actual: { tao_in_emission_per_run: perRun } };
  },

  gate_shares: (v) => {
    const prices = nums(v.inputs, 'moving_prices').map(u64);
    const burned = nums(v.inputs, 'miner_burned').map((x) => fromF64(U96F32, x));
    const stage2 = emissionShares(prices.map((m, i) => ({ movingPrice: m, minerBurned: burned[i]! })));
    const r = gateShares({
      block: num(v.inputs, 'block'),
      shares: stage2,
      storedBar: u64(num(v.inputs, 'stored_bar')),
      quantile: u64(num(v.inputs, 'q')),
      exponent: u64(num(v.inputs, 'h')),
    });
    return { actual: { shares: floats(r.shares), bar: toF64(U64F64, r.bar) } };
  },

  gate_apply: (v) => {
    const shares = applyGate(
      nums(v.inputs, 'shares').map(u64),
      u64(num(v.inputs, 'stored_bar')),
      u64(num(v.inputs, 'h')),
    );
    const out = floats(shares);
    return { actual: { shares: out, sum: sumOf(out) } };
  },

  gate_bar_cadence: (v) => {
    let bar = 0n as U64F64;
    const bars = list(v.inputs, 'steps').map((raw) => {
      const step = raw as JsonObject;
      const prices = nums(step, 'moving_prices').map(u64);
      const stage2 = emissionShares(prices.map((m) => ({ movingPrice: m, minerBurned: 0n as U96F32 })));
      bar = gateShares({
        block: num(step, 'block'),
        shares: stage2,
        storedBar: bar,
        quantile: u64(num(v.inputs, 'q')),
        exponent: u64(num(v.inputs, 'h')),
      }).bar;
      return toF64(U64F64, bar);
    });
    return { actual: { bar_after_step: bars } };
  },
};
