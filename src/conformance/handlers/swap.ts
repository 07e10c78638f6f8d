/** Conformance handlers for swap.json (the subnet AMM, spec §5). */

import { InputError } from '../../engine/errors.ts';
import { fromF64, toF64, U64F64 } from '../../engine/fixed/index.ts';
import {
  addReserves,
  adjustProtocolLiquidity,
  balancerPrice,
  baseDeltaIn,
  baseNeededForQuote,
  createPool,
  DYNAMIC_MECHANISM,
  expScaled,
  initializePool,
  mulPerquintillRound,
  PERQUINTILL_ONE,
  type PoolState,
  perquintillFromRational,
  powRatioScaled,
  quoteDeltaIn,
  spotPrice,
  swapBuy,
  swapSell,
} from '../../engine/pool/index.ts';
import type { Check } from '../compare.ts';
import { big, bool, fraction, list, num, toBig } from '../read.ts';
import type { Handler } from '../registry.ts';
import type { Json, JsonObject } from '../vector.ts';

/**
 * A weight written as a decimal number (e.g. 0.25) as Perquintill parts: the exact decimal the
 * shortest float text denotes, rounded down like `Perquintill::from_rational`.
 */
function weightParts(obj: JsonObject, key: string): bigint {
  const text = num(obj, key).toString();
  const m = /^0?\.(\d+)$/.exec(text);
  if (m === null) throw new InputError(key, `expected a weight in (0, 1), got ${text}`);
  const digits = m[1]!.slice(0, 18).padEnd(18, '0');
  return BigInt(digits);
}

/** A Perquintill given as "a/b" (`Perquintill::from_rational(a, b)`). */
function weightFraction(obj: JsonObject, key: string): bigint {
  const [a, b] = fraction(obj, key);
  return perquintillFromRational(a, b);
}

const DYNAMIC = DYNAMIC_MECHANISM;
/** The swap pallet's test mock sets `MinimumReserve` to 1 (the runtime uses 1_000_000). */
const MOCK_MINIMUM_RESERVE = 1n;

function pool(taoReserve: bigint, alphaReserve: bigint, wQuote: bigint): PoolState {
  return { taoReserve, alphaReserve, wQuote, initialized: true };
}

function priceF64(p: bigint): number {
  return toF64(U64F64, p as U64F64);
}

/**
 * `calculate_quote_delta_in`, the function the swap step calls when a buy hits its limit. The chain
 * test compares it with `(f64 formula) as u64`; the vector is that formula's value, and the chain
 * function (exact 4th-root path for w_b = 3/4, prices as U64F64 from f64) gives the same integer.
 */
const quoteDelta: Handler = (v) => ({
  actual: {
    dy: quoteDeltaIn({
      wQuote: weightParts(v.inputs, 'w_quote'),
      currentPrice: fromF64(U64F64, num(v.inputs, 'current_price')),
      targetPrice: fromF64(U64F64, num(v.inputs, 'target_price')),
      reserve: big(v.inputs, 'tao_reserve'),
    }),
  },
});

export const swapHandlers: Record<string, Handler> = {
  exp_scaled: (v) => {
    const e = expScaled({
      wQuote: weightFraction(v.inputs, 'w_quote'),
      reserve: big(v.inputs, 'reserve'),
      delta: big(v.inputs, 'delta'),
      baseQuote: bool(v.inputs, 'base_quote'),
    });
    return { actual: { value: priceF64(e) } };
  },

  perquintill_pow_ratio: (v) => {
    const x = big(v.inputs, 'x');
    const result = powRatioScaled({
      baseNum: x,
      baseDen: x + big(v.inputs, 'dx'),
      expNum: big(v.inputs, 'w1_parts'),
      expDen: big(v.inputs, 'w2_parts'),
      precision: num(v.inputs, 'precision'),
      scale: big(v.inputs, 'scale'),
    });
    if (result === null) throw new Error('pow_ratio_scaled returned None');
    const text = result.toString().padStart(19, '0');
    return { actual: { result_parts: result, decimal: `${text.slice(0, -18)}.${text.slice(-18)}` } };
  },

  quote_delta_to_reach_higher_price: (v) => quoteDelta(v),
  base_delta_to_reach_lower_price: (v) => ({
    actual: {
      dx: baseDeltaIn({
        wQuote: weightParts(v.inputs, 'w_quote'),
        currentPrice: fromF64(U64F64, num(v.inputs, 'current_price')),
        targetPrice: fromF64(U64F64, num(v.inputs, 'target_price')),
        reserve: big(v.inputs, 'alpha_reserve'),
      }),
    },
  }),

  quote_delta_impossible_direction: (v) => quoteDelta(v),

  base_needed_for_quote: (v) => ({
    actual: {
      dx: baseNeededForQuote({
        wQuote: weightParts(v.inputs, 'w_quote'),
        taoReserve: big(v.inputs, 'tao_reserve'),
        alphaReserve: big(v.inputs, 'alpha_reserve'),
        taoDelta: big(v.inputs, 'tao_delta'),
      }),
    },
  }),

  balancer_price: (v) => ({
    actual: {
      price: priceF64(
        balancerPrice({
          wQuote: weightParts(v.inputs, 'w_quote'),
          alphaReserve: big(v.inputs, 'x'),
          taoReserve: big(v.inputs, 'y'),
        }),
      ),
    },
  }),

  mul_perquintill_round_half: (v) => {
    const p = weightFraction(v.inputs, 'p');
    const values = list(v.inputs, 'values').map((x, i) => toBig(x, `values[${i}]`));
    return { actual: { results: values.map((x) => mulPerquintillRound(p, x)) } };
  },

  swap_basic_equal_weights: (v) => {
    const start = pool(
      big(v.inputs, 'tao_reserve'),
      big(v.inputs, 'alpha_reserve'),
      weightParts(v.inputs, 'w_quote'),
    );
    const feeRate = num(v.inputs, 'fee_rate_u16');
    const cases = list(v.expected, 'cases').map((c, i): Json => {
      const kase = c as JsonObject;
      const side = kase.side as string;
      const amount = toBig(kase.amount_in ?? null, `cases[${i}].amount_in`);
      // Limits as in the test: 1000.0 for buys, 0.0001 for sells (U64F64::from_num).
      const common = { pool: start, feeRate, mechanism: DYNAMIC, minimumReserve: MOCK_MINIMUM_RESERVE };
      const r =
        side === 'buy'
          ? swapBuy({ ...common, taoIn: amount, limitPrice: fromF64(U64F64, 1000) })
          : swapSell({ ...common, alphaIn: amount, limitPrice: fromF64(U64F64, 0.0001) });
      if (!r.ok) return { side, amount_in: amount, error: r.error.code };
      const out = 'alphaOut' in r.value ? r.value.alphaOut : r.value.taoOut;
      return {
        side,
        amount_in: amount,
        expected_fee: r.value.fee,
        expected_reserve_delta_in: r.value.deltaIn,
        expected_amount_out: out,
      };
    });
    return { actual: { cases } };
  },

  swap_init_price_from_reserves: (v) => {
    const r = initializePool(
      createPool({ taoReserve: big(v.inputs, 'tao_reserve'), alphaReserve: big(v.inputs, 'alpha_reserve') }),
    );
    if (!r.ok) throw new Error(r.error.message);
    return { actual: { price: priceF64(spotPrice(r.value, DYNAMIC)), w_quote_parts: r.value.wQuote } };
  },

  swap_init_with_explicit_price: (v) => {
    const fresh = createPool({
      taoReserve: big(v.inputs, 'tao_reserve'),
      alphaReserve: big(v.inputs, 'alpha_reserve'),
    });
    const r = initializePool(fresh, fromF64(U64F64, num(v.inputs, 'price')));
    if (!r.ok) throw new Error(r.error.message);
    return {
      actual: {
        price: priceF64(spotPrice(r.value, DYNAMIC)),
        w_quote_approx: Number(r.value.wQuote) / Number(PERQUINTILL_ONE),
      },
    };
  },

  protocol_liquidity_injection_keeps_price: (v) => {
    const start = pool(
      big(v.inputs, 'tao_reserve'),
      big(v.inputs, 'alpha_reserve'),
      weightParts(v.inputs, 'w_quote'),
    );
    const before = priceF64(spotPrice(start, DYNAMIC));
    const expectedPrice = num(v.expected, 'price_after');
    const rel = v.tolerance.rel ?? 0;
    const after = list(v.inputs, 'cases').map((c, i) => {
      const kase = c as JsonObject;
      const tao = toBig(kase.tao_delta ?? null, `cases[${i}].tao_delta`);
      const alpha = toBig(kase.alpha_delta ?? null, `cases[${i}].alpha_delta`);
      const adjusted = adjustProtocolLiquidity({ pool: start, taoDelta: tao, alphaDelta: alpha });
      const next = addReserves({ pool: adjusted.pool, tao: adjusted.taoAdded, alpha: adjusted.alphaAdded });
      return {
        price: priceF64(spotPrice(next, DYNAMIC)),
        wQuote: Number(next.wQuote) / Number(PERQUINTILL_ONE),
      };
    });
    const worst = Math.max(
      ...after.map((a) => Math.abs(a.price - expectedPrice)),
      Math.abs(before - expectedPrice),
    );
    const check: Check = {
      key: 'price_after',
      ok: worst <= rel * expectedPrice,
      detail: `prices after ${after.map((a) => a.price).join(', ')} (before ${before})`,
    };
    return { actual: { w_quote: after.map((a) => a.wQuote) }, checks: [check] };
  },

  swap_input_limit_1000x_reserve: (v) => {
    const start = pool(big(v.inputs, 'tao_reserve'), big(v.inputs, 'alpha_reserve'), PERQUINTILL_ONE / 2n);
    const dropFees = bool(v.inputs, 'drop_fees');
    // The tests run with the mock's MinimumReserve of 1, as a dry run, at the extreme limit prices.
    const common = {
      pool: start,
      feeRate: 33,
      mechanism: DYNAMIC,
      dropFees,
      minimumReserve: MOCK_MINIMUM_RESERVE,
      simulate: true,
    };
    const result = list(v.inputs, 'amounts').map((a, i) => {
      const amount = toBig(a, `amounts[${i}]`);
      const buy = swapBuy({ ...common, taoIn: amount });
      const sell = swapSell({ ...common, alphaIn: amount });
      const codes = [buy, sell].map((r) => (r.ok ? 'ok' : r.error.code));
      return codes[0] === codes[1] ? codes[0]! : `buy ${codes[0]} / sell ${codes[1]}`;
    });
    return { actual: { result } };
  },
};
