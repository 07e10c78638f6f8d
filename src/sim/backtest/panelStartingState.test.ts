import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import { halvingThreshold } from '../../engine/kernel/blockEmissionF64.ts';
import { parseDailyPrices } from '../calibration/parseDailyPrices.ts';
import type { ModelScenario } from '../model/bittensor/modelScenario.ts';
import { modelParamsSchema } from '../model/bittensor/params.ts';
import { initialKernelState } from '../model/bittensor/run.ts';
import { spotPrice } from '../model/bittensor/view.ts';
import { addDays } from '../scenario/ruleTimeline.ts';
import { type StartingState, startingStateSchema } from '../start/startingState.ts';
import { DTAO_LAUNCH_DATE, daysBetween, panelStartingState, taoIssuedOn } from './panelStartingState.ts';
import { type PricePanel, parseAlphaPricePanel } from './parseAlphaPricePanel.ts';
import { parseTaoMonthly, type TaoMonthly } from './parseTaoMonthly.ts';
import { PriceDataError } from './priceDataError.ts';

/** The recorded files, beside the project (`../shared/data`). */
const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const PANEL = 'alpha_prices_daily_2025H1.csv';
const ISSUANCE = 'tao_monthly_2021_2025.csv';
const TAO_USD = 'tao_usd_daily.csv';

const read = (name: string) => {
  const text = readFileSync(resolve(DATA, name), 'utf8');
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
  return { text, file: { name, sha256: createHash('sha256').update(text).digest('hex'), rows } };
};
const panelFile = read(PANEL);
const issuanceFile = read(ISSUANCE);
const taoUsdFile = read(TAO_USD);
const panel = parseAlphaPricePanel({ file: PANEL, text: panelFile.text });
const issuance = parseTaoMonthly({ file: ISSUANCE, text: issuanceFile.text });
const taoUsd = parseDailyPrices(taoUsdFile.text);
const files = { panel: panelFile.file, issuance: issuanceFile.file, taoUsd: taoUsdFile.file };

const stateOn = (date: string, from: { panel?: PricePanel; issuance?: TaoMonthly } = {}): StartingState =>
  panelStartingState({
    panel: from.panel ?? panel,
    issuance: from.issuance ?? issuance,
    taoUsd,
    date,
    files,
  });

/** The panel's rows on a day. */
const rowsOn = (date: string) => panel.days.find((d) => d.date === date)!.rows;
/** The price the rule reads: the day's first sample, its median where the first sample lacks the subnet. */
const priceOf = (r: { priceFirst: number | null; priceMedian: number }) => r.priceFirst ?? r.priceMedian;
/** Rows of subnets emitting on the day with a price: the subnets the state holds. */
const emittingOn = (date: string) => rowsOn(date).filter((r) => !r.glitch && priceOf(r) > 0);

const gap = (state: StartingState, name: string) => state.gaps.find((g) => g.name === name)!;
const cumulativeOf = (month: string) => issuance.months.find((m) => m.month === month)!.cumulativeTao;

/** The error a call throws (fails the test when it returns). */
const thrownBy = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('daysBetween', () => {
  it('counts whole UTC days, negative backwards, across a leap day', () => {
    expect(daysBetween(DTAO_LAUNCH_DATE, '2025-02-20')).toBe(7);
    expect(daysBetween('2025-02-20', DTAO_LAUNCH_DATE)).toBe(-7);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-01', '2025-06-30')).toBe(28 + 31 + 30 + 31 + 29);
    expect(daysBetween('2025-03-30', '2025-03-30')).toBe(0);
  });
});

describe('taoIssuedOn', () => {
  const january = cumulativeOf('2025-01');

  it('adds 7,200 TAO a day to the total at the end of the last month before the date', () => {
    expect(january).toBe(8_383_490);
    expect(taoIssuedOn(issuance, '2025-02-01')).toBe(january);
    expect(taoIssuedOn(issuance, '2025-02-20')).toBe(january + 19 * BLOCKS_PER_DAY);
    expect(taoIssuedOn(issuance, '2025-01-15')).toBe(cumulativeOf('2024-12') + 14 * BLOCKS_PER_DAY);
    // Months after the table's last, up to the panel's last day: the schedule's rate still holds.
    expect(taoIssuedOn(issuance, '2025-06-30')).toBe(january + 149 * BLOCKS_PER_DAY);
  });

  it('refuses a date before the table’s first month', () => {
    const e = thrownBy(() => taoIssuedOn(issuance, '2021-11-05', ISSUANCE));
    expect(e).toBeInstanceOf(PriceDataError);
    expect((e as PriceDataError).code).toBe('INVALID_ISSUANCE_TABLE');
    expect((e as PriceDataError).message).toContain(`${ISSUANCE}: Month: has no month before 2021-11-05`);
  });

  it('refuses a date by which 7,200 TAO a day would pass the first halving', () => {
    const days = Math.ceil((halvingThreshold(1) - january) / BLOCKS_PER_DAY);
    const last = addDays('2025-02-01', days - 1);
    expect(taoIssuedOn(issuance, last)).toBeLessThan(halvingThreshold(1));
    const e = thrownBy(() => taoIssuedOn(issuance, addDays(last, 1)));
    expect(e).toBeInstanceOf(PriceDataError);
    expect((e as PriceDataError).message).toContain(`by ${addDays(last, 1)}`);
  });
});

describe('the starting state on a panel day', () => {
  const date = '2025-02-20';
  const state = stateOn(date);
  const emitting = emittingOn(date);
  const sumPrices = emitting.reduce((s, r) => s + priceOf(r), 0);
  const days = daysBetween(DTAO_LAUNCH_DATE, date);

  it('holds one subnet per emitting row of the day, at the panel’s price', () => {
    expect(state.subnets.map((s) => s.netuid)).toEqual(emitting.map((r) => r.netuid));
    expect(state.subnets.map((s) => s.price)).toEqual(emitting.map(priceOf));
    // Where the first sample has the subnet, its price is the first sample's.
    for (const r of emitting)
      if (r.priceFirst !== null)
        expect(state.subnets.find((s) => s.netuid === r.netuid)?.price).toBe(r.priceFirst);
  });

  it('fills each pool with 1 TAO plus its price share of 7,200 TAO a day since the launch', () => {
    for (const s of state.subnets) {
      const poolTao = 1 + BLOCKS_PER_DAY * days * (s.price! / sumPrices);
      expect(s.alphaInPool * s.price!).toBeCloseTo(poolTao, 6);
    }
    const injected = state.subnets.reduce((sum, s) => sum + s.alphaInPool * s.price! - 1, 0);
    expect(injected).toBeCloseTo(BLOCKS_PER_DAY * 7, 4);
  });

  it('puts 7,200 alpha a day since the launch outside each pool, 18 % the owner’s', () => {
    for (const s of state.subnets) {
      expect(s.alphaStakedByWallets).toBe(BLOCKS_PER_DAY * 7);
      expect(s.alphaIssued).toBeCloseTo(s.alphaInPool + BLOCKS_PER_DAY * 7, 9);
      expect(s.ownerAlpha / s.alphaStakedByWallets).toBeCloseTo(0.18, 4);
      expect(s.alphaProtocolOwned + s.alphaBurned).toBe(0);
    }
  });

  it('takes TAO issued from the table, root stake from the launch, TAO/USD from the day’s close', () => {
    expect(gap(state, 'taoIssued').value).toBe(cumulativeOf('2025-01') + 19 * BLOCKS_PER_DAY);
    expect(gap(state, 'rootStakeTao').value).toBeCloseTo(
      0.75 * (cumulativeOf('2025-01') + 12 * BLOCKS_PER_DAY),
      6,
    );
    expect(gap(state, 'taoUsd').value).toBe(taoUsd.prices[taoUsd.dates.indexOf(date)]);
    expect(gap(state, 'emissionDisabledSubnets').value).toBe(0);
  });

  it('is dated by the panel’s day and block', () => {
    expect(state.snapshot).toEqual({
      label: 'day',
      block: panel.days.find((d) => d.date === date)!.block,
      date: `${date}T00:00:00Z`,
      source: PANEL,
    });
  });

  it('is a valid starting-state file', () => {
    expect(startingStateSchema.parse(state)).toEqual(state);
  });
});

describe('the starting state on a day with subnets not yet emitting', () => {
  const date = '2025-05-01';
  const glitched = rowsOn(date).filter((r) => r.glitch);

  it('leaves them out and keeps every emitting subnet', () => {
    const state = stateOn(date);
    expect(glitched.length).toBeGreaterThan(0);
    const netuids = new Set(state.subnets.map((s) => s.netuid));
    expect(glitched.filter((r) => netuids.has(r.netuid))).toEqual([]);
    expect([...netuids]).toEqual(emittingOn(date).map((r) => r.netuid));
    expect(gap(state, 'taoIssued').value).toBe(taoIssuedOn(issuance, date));
    expect(startingStateSchema.parse(state)).toEqual(state);
  });
});

describe('a start date the panel cannot give', () => {
  it('names a date outside the panel and the panel’s first and last days', () => {
    for (const date of ['2025-02-10', '2025-07-15']) {
      const e = thrownBy(() => stateOn(date));
      expect(e).toBeInstanceOf(PriceDataError);
      expect((e as PriceDataError).code).toBe('INVALID_PRICE_PANEL');
      expect((e as PriceDataError).message).toContain(`has no rows on ${date}`);
      expect((e as PriceDataError).message).toContain(
        `from ${panel.days[0]!.date} to ${panel.days.at(-1)!.date}`,
      );
    }
  });

  it('names a panel day before dTAO launched', () => {
    const early: PricePanel = {
      days: [{ date: '2025-02-10', block: 4_900_000, rows: rowsOn('2025-02-20') }],
    };
    const e = thrownBy(() => stateOn('2025-02-10', { panel: early }));
    expect(e).toBeInstanceOf(PriceDataError);
    expect((e as PriceDataError).message).toContain(
      `2025-02-10 is before dTAO launched (${DTAO_LAUNCH_DATE})`,
    );
  });
});

describe('the panel state in the model', () => {
  const state = stateOn('2025-02-20');
  const scenario: ModelScenario = {
    horizonDays: 5,
    step: 'day',
    recordEveryDays: 1,
    model: modelParamsSchema.parse({}),
    startingState: state,
  };
  const { state: chain } = initialKernelState({ scenario, seed: 1, runIndex: 0 });

  it('starts each subnet’s pool at its recorded price, on slot netuid − 1', () => {
    const off: { netuid: number; spot: number; price: number }[] = [];
    for (const s of state.subnets) {
      const spot = spotPrice(chain, s.netuid - 1);
      if (!(Math.abs(spot / s.price! - 1) < 1e-12)) off.push({ netuid: s.netuid, spot, price: s.price! });
      expect(chain.columns.alphaIn[s.netuid - 1]).toBeCloseTo(s.alphaInPool, 9);
    }
    expect(off).toEqual([]);
  });

  it('has no other subnet, and the day’s TAO issued', () => {
    const active = Array.from(chain.columns.active).flatMap((a, i) => (a === 1 ? [i + 1] : []));
    expect(active).toEqual(state.subnets.map((s) => s.netuid));
    expect(chain.issuance).toBe(gap(state, 'taoIssued').value);
  });
});
