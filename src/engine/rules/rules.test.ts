/** Worked examples of rulepacks.md (§2.8, §3.9, §4.4, §6.4) on the pack functions. */
import { describe, expect, it } from 'vitest';
import { fromF64, fromInt, I32F32, I64F64, toF64, U64F64, U96F32 } from '../fixed/index.ts';
import { ln, log2 } from '../fixed/transcendental.ts';
import { flowAlpha, flowBlendShares, flowEmaStep, flowShares, inplacePowNormalize } from './flowShares.ts';
import { applyGate, gateBar, gateShares, nextGateBar, renormaliseEnabled } from './gate.ts';
import { netFlows } from './netFlow.ts';
import { DEFAULT_FLOW_SMOOTHING, parseRulePack, RULE_PACKS, UnknownRulePackError } from './rulePack.ts';
import { dtaoLaunchTerms, dtaoSubsidyTerms, dtaoTaoEmissions, flowTerms } from './terms.ts';

const u64 = (x: number) => fromF64(U64F64, x);
const i64 = (x: number) => fromF64(I64F64, x);
const f = (xs: readonly U64F64[]) => xs.map((x) => toF64(U64F64, x));
const one = U64F64.one;
const three = fromInt(U64F64, 3);
const T = (x: number) => fromF64(U96F32, x);
const r = (x: U96F32) => toF64(U96F32, x);

describe('rule pack names', () => {
  it('parses every pack and rejects others with a typed error naming the field', () => {
    for (const p of RULE_PACKS) expect(parseRulePack(p)).toBe(p);
    expect(() => parseRulePack('price-2025', 'model.rulePack')).toThrow(UnknownRulePackError);
    try {
      parseRulePack(3, 'model.rulePack');
    } catch (e) {
      expect((e as UnknownRulePackError).code).toBe('UNKNOWN_RULE_PACK');
      expect((e as Error).message).toContain('model.rulePack');
      expect((e as Error).message).toContain('gate-2026-07');
    }
  });
});

describe('substrate-fixed ln / log2 (I32F32)', () => {
  it('is exact on powers of two and close elsewhere', () => {
    expect(log2(fromInt(I32F32, 8))).toBe(fromInt(I32F32, 3));
    expect(log2(fromF64(I32F32, 0.5))).toBe(fromInt(I32F32, -1));
    expect(ln(I32F32.one)).toBe(0n);
    expect(ln(0n as I32F32)).toBeNull();
    for (const x of [0.2, 3, 10, 12345.678]) {
      // LOG2_E has 23 fractional bits, so ln is about 1e-8 relative off.
      expect(toF64(I32F32, ln(fromF64(I32F32, x))!)).toBeCloseTo(Math.log(x), 6);
    }
  });
});

describe('dtao (§2.8)', () => {
  it('example 1: shares 0.4 / 0.6 of 1e9 by EMA price; all TAO injected, alpha_in = T/p', () => {
    const e = dtaoTaoEmissions(1_000_000_000n, [u64(0.6), u64(0.9)]);
    expect(r(e[0]!)).toBeCloseTo(4e8, 0);
    const t = dtaoLaunchTerms({
      taoEmission: e[0]!,
      price: u64(0.6),
      alphaEmission: 10n ** 9n,
      blockEmission: 10n ** 9n,
    });
    expect(Math.floor(r(t.alphaIn))).toBe(666_666_666);
    expect(t.taoIn).toBe(e[0]);
  });
  it('three equal stable shares of 3_333_333 are 1_111_111 each (E·m/Σm order)', () => {
    const e = dtaoTaoEmissions(3_333_333n, [one, one, one]);
    expect(e.map((x) => Number(x >> 32n))).toEqual([1_111_111, 1_111_111, 1_111_111]);
  });
  it('example 2: launch cap binds at A = 1e9 and all TAO is still injected', () => {
    const t = dtaoLaunchTerms({
      taoEmission: T(333_333_333),
      price: u64(0.25),
      alphaEmission: 10n ** 9n,
      blockEmission: 10n ** 9n,
    });
    expect(r(t.alphaIn)).toBe(1e9);
    expect(r(t.taoIn)).toBe(333_333_333);
  });
  it('example 3: subsidy injects p·E and buys with the rest', () => {
    const t = dtaoSubsidyTerms({
      taoEmission: T(333_333_333),
      price: u64(0.25),
      alphaEmission: 10n ** 9n,
      blockEmission: 10n ** 9n,
    });
    expect(t.subsidised).toBe(true);
    expect(r(t.taoIn)).toBeCloseTo(250_000_000, 0);
    expect(Math.floor(r(t.excessTao))).toBe(83_333_333);
  });
  it("example 4 arithmetic: root proportion 0.5 sends a quarter of a' to the root sell", () => {
    const aPrime = 1e9 - 179_995_422;
    expect(Math.floor(0.5 * aPrime * 0.5)).toBe(205_001_144);
  });
});

describe('taoflow (§3.9)', () => {
  it('example 1: one EMA step', () => {
    const step = flowEmaStep({
      ema: { block: 0, value: i64(5e9) },
      accumulator: 80_000_000_000n,
      block: 1,
      alpha: flowAlpha(DEFAULT_FLOW_SMOOTHING),
    });
    expect(toF64(I64F64, step.ema.value)).toBeCloseTo(5_000_240_675.72, 1);
    expect(step.consumed).toBe(true);
  });
  it('example 2: offset and shares with cutoff 0 and −5e9', () => {
    const flows = [3e9, 1e9, -2e9].map(i64);
    const a = f(flowShares(flows, i64(0), one));
    expect(a[0]).toBeCloseTo(0.75, 7);
    expect(a[1]).toBeCloseTo(0.25, 7);
    expect(a[2]).toBe(0);
    const b = f(flowShares(flows, i64(-5e9), one));
    expect(b[0]).toBeCloseTo(0.625, 7);
    expect(b[1]).toBeCloseTo(0.375, 7);
    expect(b[2]).toBe(0);
  });
  it('all-zero offsets stay zero (no TAO allocated)', () => {
    expect(
      f(
        inplacePowNormalize(
          [0n, 0n].map((x) => x as U64F64),
          one,
        ),
      ),
    ).toEqual([0, 0]);
  });
  it('example 3: terms before and after the halving', () => {
    const pre = flowTerms(
      { taoEmission: T(3e8), price: u64(0.1), alphaEmission: 10n ** 9n, blockEmission: 10n ** 9n },
      'min-block-emission',
    );
    expect(r(pre.alphaIn)).toBe(1e9);
    expect(r(pre.taoIn)).toBeCloseTo(1e8, 0);
    expect(r(pre.excessTao)).toBeCloseTo(2e8, 0);
    const post = flowTerms(
      { taoEmission: T(1.5e8), price: u64(0.1), alphaEmission: 10n ** 9n, blockEmission: 5n * 10n ** 8n },
      'min-block-emission',
    );
    expect(r(post.alphaIn)).toBe(5e8);
    expect(r(post.excessTao)).toBeCloseTo(1e8, 0);
  });
  it('example 4: the branch blend a quarter into the window', () => {
    const s = f(
      flowBlendShares({
        flowShares: [u64(0.75), u64(0.25)],
        priceShares: [u64(0.5), u64(0.5)],
        block: 54_000,
        flowFirstBlock: 0,
      }),
    );
    expect(s[0]).toBeCloseTo(0.5625, 9);
    expect(s[1]).toBeCloseTo(0.4375, 9);
  });
});

describe('netflow (§4.4)', () => {
  const shares = (u: number[], g: number[], enabled = true) =>
    f(flowShares(netFlows({ user: u.map(i64), protocol: g.map(i64), enabled }), i64(0), one));
  it('example 1: k = 1, and the toggle off', () => {
    const s = shares([10, 6, 2], [8, 2, 6]);
    expect(s[0]).toBeCloseTo(1 / 3, 7);
    expect(s[1]).toBeCloseTo(2 / 3, 7);
    expect(s[2]).toBe(0);
    const off = shares([10, 6, 2], [8, 2, 6], false);
    expect(off[0]).toBeCloseTo(10 / 18, 7);
  });
  it('example 2: normalisation binds (k = 0.5625)', () => {
    const s = shares([10, 6, 2], [16, 4, 12]);
    expect(s[0]).toBeCloseTo(4 / 19, 7);
    expect(s[1]).toBeCloseTo(15 / 19, 7);
  });
  it('example 3: a negative protocol EMA is added back unscaled', () => {
    const s = shares([10, 6, 2], [16, 4, -3]);
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo(12 / 37, 7);
    expect(s[2]).toBeCloseTo(25 / 37, 7);
  });
});

describe('gate (§6.4)', () => {
  it('example 1: 1:2 prices give 0.1 / 0.9 with θ = 2/3', () => {
    const r1 = gateShares({
      block: 0,
      shares: [u64(1 / 3), u64(2 / 3)],
      storedBar: 0n as U64F64,
      quantile: u64(0.61),
      exponent: three,
    });
    expect(toF64(U64F64, r1.bar)).toBeCloseTo(2 / 3, 9);
    expect(f(r1.shares)[0]).toBeCloseTo(0.1, 7);
  });
  it('example 2: θ = 0.2 at q = 0.75', () => {
    const w = [0.4, 0.3, 0.2, 0.1].map(u64);
    const bar = gateBar(w, u64(0.75));
    expect(toF64(U64F64, bar)).toBeCloseTo(0.2, 12);
    const s = f(applyGate(w, bar, three));
    [0.509322, 0.331514, 0.143247, 0.015916].forEach((x, i) => {
      expect(s[i]).toBeCloseTo(x, 6);
    });
  });
  it('example 3: the disabled subnet is in the sort, then dropped', () => {
    const w = [5 / 9, 1 / 9, 2 / 9, 1 / 9].map(u64);
    const g = gateShares({
      block: 0,
      shares: w,
      storedBar: 0n as U64F64,
      quantile: u64(0.75),
      exponent: three,
    });
    expect(toF64(U64F64, g.bar)).toBeCloseTo(2 / 9, 9);
    const s = f(renormaliseEnabled(g.shares, [true, true, true, false]));
    [0.808771, 0.019123, 0.172106, 0].forEach((x, i) => {
      expect(s[i]).toBeCloseTo(x, 6);
    });
  });
  it('the bar is sticky between multiples of 360', () => {
    const eq = [1 / 3, 1 / 3, 1 / 3].map(u64);
    expect(nextGateBar({ block: 179, storedBar: u64(0.7), shares: eq, quantile: u64(0.61) })).toBe(u64(0.7));
    expect(
      toF64(U64F64, nextGateBar({ block: 360, storedBar: u64(0.7), shares: eq, quantile: u64(0.61) })),
    ).toBeCloseTo(1 / 3, 9);
  });
});
