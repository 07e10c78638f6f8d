/**
 * Facts recorded on the Bittensor network that calibration does not use, computed from the parsed
 * recorded files, so that a backtest can set what it simulates beside what happened. Each fact carries
 * the date or period it describes and a one-line source.
 */
import { DAYS_PER_YEAR } from '../calibration/estimateDemand.ts';
import { median } from '../calibration/robustScale.ts';
import type { BlockDates } from '../start/parseBlocks.ts';
import type { ChainState } from '../start/parseChainState.ts';
import type { Roster } from '../start/parseRoster.ts';
import type { PricePanel } from './parseAlphaPricePanel.ts';
import { RecordedFactsError } from './recordedFactsError.ts';

/** The facts of the 2026 chain snapshot (roster and chain state). */
export const SNAPSHOT_FACT_NAMES = [
  'registrationsPerYear',
  'daysToFirstEmission2026',
  'burnedAlphaShare',
  'protocolOwnedAlphaShare',
  'poolAlphaShare',
  'alphaIssuedMedian',
] as const;

/** The facts of the 2025 alpha price panel. */
export const PANEL_FACT_NAMES = [
  'newNetuidsPerWeek2025H1',
  'daysToFirstEmission2025',
  'sumAlphaPricesMin2025H1',
  'maxAlphaPrice2025H1',
] as const;

/** The recorded facts, in output order. */
export const FACT_NAMES = [...SNAPSHOT_FACT_NAMES, ...PANEL_FACT_NAMES] as const;

/** A recorded fact's name. */
export type FactName = (typeof FACT_NAMES)[number];

/** One recorded value, what it measures, when, and where it comes from. */
export type RecordedFact = {
  readonly name: FactName;
  readonly description: string;
  readonly value: number;
  readonly unit: string;
  /** The date (YYYY-MM-DD) or period (`YYYY-MM-DD/YYYY-MM-DD`, ISO 8601) the value describes. */
  readonly date: string;
  /** The file and how the value was computed from it, one line. */
  readonly source: string;
};

/** The recorded files the facts read, by input. */
export type RecordedFile = 'roster' | 'chainState' | 'blocks' | 'panel';

/** The names the facts' sources give the files when the caller does not name them. */
export const RECORDED_FILE_NAMES: Readonly<Record<RecordedFile, string>> = {
  roster: 'subnet_roster_2026.csv',
  chainState: 'chain_state_2026.csv',
  blocks: 'blocks_2026.csv',
  panel: 'alpha_prices_daily_2025H1.csv',
};

/** The parsed files the facts are computed from. */
export interface RecordedFactsInputs {
  /** The roster as of the chain-state block (it has no block of its own). */
  readonly roster: Roster;
  /** The chain-state rows of one block, the one the roster describes (label `t` in the 2026 file). */
  readonly chainState: ChainState;
  /** Block times; dates the chain-state block. */
  readonly blocks: BlockDates;
  readonly panel: PricePanel;
  /** File names for the sources; {@link RECORDED_FILE_NAMES} by default. */
  readonly files?: Partial<Readonly<Record<RecordedFile, string>>>;
}

/** Registrations and first emissions are counted over this many days before the snapshot. */
export const REGISTRATION_WINDOW_DAYS = 365;

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The median of `xs`, or a {@link RecordedFactsError} naming the fact and input when there is none. */
function medianOf(xs: readonly number[], fact: FactName, field: RecordedFile, what: string): number {
  if (xs.length === 0) {
    throw new RecordedFactsError('NO_DATA', field, `${fact} needs at least one ${what}; there is none`);
  }
  return median(xs);
}

type FactBody = Omit<RecordedFact, 'name'>;

/** Facts of the chain snapshot: registrations and first emissions from the roster, the alpha split. */
function snapshotFacts(
  inputs: RecordedFactsInputs,
  file: Readonly<Record<RecordedFile, string>>,
): Record<(typeof SNAPSHOT_FACT_NAMES)[number], FactBody> {
  const { roster, chainState, blocks } = inputs;
  const rows = chainState.rows;
  const first = rows[0];
  if (first === undefined) {
    throw new RecordedFactsError('NO_DATA', 'chainState', 'has no rows; pass the rows labelled t');
  }
  if (roster.rows.length === 0) {
    throw new RecordedFactsError(
      'NO_DATA',
      'roster',
      'has no rows; pass the roster of the chain-state block',
    );
  }
  const block = first.stateBlock;
  const at = blocks.dates.get(block);
  if (at === undefined) {
    throw new RecordedFactsError(
      'UNDATED_SNAPSHOT',
      'blocks',
      `has no time for the chain-state block ${block}; pass a blocks file with a row for it`,
    );
  }
  const registeredAt = new Map(rows.map((r) => [r.netuid, r.registeredBlock]));
  for (const r of roster.rows) {
    const other = registeredAt.get(r.netuid);
    if (other !== r.registeredBlock) {
      throw new RecordedFactsError(
        'SNAPSHOT_MISMATCH',
        'roster',
        `netuid ${r.netuid} was registered at block ${r.registeredBlock}, but the chain-state rows at block ${block} ${other === undefined ? 'lack it' : `say ${other}`}; pass the chain-state rows of the block the roster describes (label t)`,
      );
    }
  }

  const end = Date.parse(at);
  const start = end - REGISTRATION_WINDOW_DAYS * DAY_MS;
  const startIso = new Date(start).toISOString().replace('.000Z', 'Z');
  const day = at.slice(0, 10);
  const window = `${startIso.slice(0, 10)}/${day}`;
  const inWindow = roster.rows.filter((r) => {
    const t = Date.parse(r.registeredUtc);
    return t > start && t <= end;
  });
  const startupDays = inWindow.flatMap((r) =>
    r.firstEmissionUtc === null
      ? []
      : [(Date.parse(r.firstEmissionUtc) - Date.parse(r.registeredUtc)) / DAY_MS],
  );

  let issued = 0;
  let burned = 0;
  let protocolOwned = 0;
  let inPool = 0;
  for (const r of rows) {
    issued += r.alphaIssued;
    burned += r.alphaBurned;
    protocolOwned += r.alphaProtocolOwned;
    inPool += r.alphaInPool;
  }
  if (issued <= 0) {
    throw new RecordedFactsError(
      'NO_DATA',
      'chainState',
      'issues no alpha in any row; the alpha shares need some',
    );
  }
  const share = (part: string, column: string, value: number): FactBody => ({
    description: `Share of all alpha issued over the ${rows.length} subnets that is ${part}.`,
    value: value / issued,
    unit: 'fraction of alpha issued',
    date: day,
    source: `${file.chainState}: Σ ${column} / Σ alpha_issued over the rows at block ${block}`,
  });
  const windowRule = `registered_utc in (${startIso}, ${at}]`;
  return {
    registrationsPerYear: {
      description: `Subnets registered in the ${REGISTRATION_WINDOW_DAYS} days before the snapshot and still registered at it, per year: a lower bound on registrations (deregistered ones are not listed).`,
      value: (inWindow.length * DAYS_PER_YEAR) / REGISTRATION_WINDOW_DAYS,
      unit: 'subnets per year',
      date: window,
      source: `${file.roster}: rows with ${windowRule}, × ${DAYS_PER_YEAR} / ${REGISTRATION_WINDOW_DAYS}`,
    },
    daysToFirstEmission2026: {
      description: `Median time from registration to first emission of the subnets registered in the ${REGISTRATION_WINDOW_DAYS} days before the snapshot; those not yet emitting are left out.`,
      value: medianOf(
        startupDays,
        'daysToFirstEmission2026',
        'roster',
        'subnet registered in the window that emits',
      ),
      unit: 'days',
      date: window,
      source: `${file.roster}: median of first_emission_utc − registered_utc over rows with ${windowRule} and first_emission_utc set`,
    },
    burnedAlphaShare: share('burned', 'alpha_burned', burned),
    protocolOwnedAlphaShare: share('owned by the protocol', 'alpha_protocol_owned', protocolOwned),
    poolAlphaShare: share('in the pools (AMM reserves)', 'alpha_in_pool', inPool),
    alphaIssuedMedian: {
      description: `Median alpha issued per subnet over the ${rows.length} subnets.`,
      value: median(rows.map((r) => r.alphaIssued)),
      unit: 'alpha',
      date: day,
      source: `${file.chainState}: median of alpha_issued over the rows at block ${block}`,
    },
  };
}

/** Facts of the price panel: registrations by first appearance, time to first emission, price extremes. */
function panelFacts(panel: PricePanel, file: string): Record<(typeof PANEL_FACT_NAMES)[number], FactBody> {
  const days = panel.days;
  const firstDay = days[0]?.date;
  const lastDay = days.at(-1)?.date;
  if (firstDay === undefined || lastDay === undefined || firstDay === lastDay) {
    throw new RecordedFactsError('NO_DATA', 'panel', 'has fewer than two days; pass the whole price panel');
  }
  const firstSeen = new Map<number, { date: string; glitch: boolean }>();
  const firstEmitting = new Map<number, string>();
  let minSum: { value: number; date: string } | null = null;
  let maxPrice: { value: number; date: string; netuid: number } | null = null;
  for (const { date, rows } of days) {
    let sum = 0;
    let emitting = 0;
    for (const r of rows) {
      if (!firstSeen.has(r.netuid)) firstSeen.set(r.netuid, { date, glitch: r.glitch });
      if (r.glitch) continue;
      if (!firstEmitting.has(r.netuid)) firstEmitting.set(r.netuid, date);
      sum += r.priceMedian;
      emitting += 1;
      if (maxPrice === null || r.priceMedian > maxPrice.value) {
        maxPrice = { value: r.priceMedian, date, netuid: r.netuid };
      }
    }
    // A day on which no subnet emits has no sum of prices to compare.
    if (emitting > 0 && (minSum === null || sum < minSum.value)) minSum = { value: sum, date };
  }
  if (minSum === null || maxPrice === null) {
    throw new RecordedFactsError(
      'NO_DATA',
      'panel',
      'has no row with glitch = 0; pass a panel with emitting subnets',
    );
  }
  const late = [...firstSeen].filter(([, seen]) => seen.date > firstDay);
  // Netuids that first appear not yet emitting (startup mode, from 2025-03-29 on); earlier ones emitted at once.
  const waits = late.flatMap(([netuid, seen]) => {
    const emits = firstEmitting.get(netuid);
    return seen.glitch && emits !== undefined ? [daysBetween(seen.date, emits)] : [];
  });
  const span = daysBetween(firstDay, lastDay);
  const nextDay = days[1]!.date;
  return {
    newNetuidsPerWeek2025H1: {
      description:
        'Netuids first appearing in the price panel after its first day, per week: a lower bound on registrations (a netuid re-registered after it was first seen is not counted).',
      value: (late.length * 7) / span,
      unit: 'netuids per week',
      date: `${nextDay}/${lastDay}`,
      source: `${file}: netuids whose first row is dated after ${firstDay}, × 7 / ${span} days`,
    },
    daysToFirstEmission2025: {
      description:
        'Median days from a netuid’s first appearance not yet emitting to its first emitting day, over netuids first seen after the first day that start within the panel (those still waiting at its end are left out).',
      value: medianOf(
        waits,
        'daysToFirstEmission2025',
        'panel',
        'netuid first seen with glitch = 1 that later emits',
      ),
      unit: 'days',
      date: `${firstDay}/${lastDay}`,
      source: `${file}: median of (first glitch = 0 date − first date) over netuids first seen after ${firstDay} with glitch = 1`,
    },
    sumAlphaPricesMin2025H1: {
      description:
        'Lowest daily sum of the emitting subnets’ median alpha prices over the panel, on its day.',
      value: minSum.value,
      unit: 'TAO (sum of TAO per alpha)',
      date: minSum.date,
      source: `${file}: per date Σ price_median over rows with glitch = 0; the minimum over dates`,
    },
    maxAlphaPrice2025H1: {
      description: `Highest daily median alpha price of an emitting subnet over the panel (netuid ${maxPrice.netuid}), on its day.`,
      value: maxPrice.value,
      unit: 'TAO per alpha',
      date: maxPrice.date,
      source: `${file}: maximum of price_median over rows with glitch = 0`,
    },
  };
}

/**
 * The recorded facts, in {@link FACT_NAMES} order, from the parsed roster, chain state (one block), blocks
 * and price panel. Throws {@link RecordedFactsError} when the inputs do not fit together or lack a fact's data.
 * @example recordedFacts({ roster, chainState, blocks, panel }).find((f) => f.name === 'burnedAlphaShare')!.value // 0.1527
 */
export function recordedFacts(inputs: RecordedFactsInputs): RecordedFact[] {
  const file = { ...RECORDED_FILE_NAMES, ...inputs.files };
  const bodies: Record<FactName, FactBody> = {
    ...snapshotFacts(inputs, file),
    ...panelFacts(inputs.panel, file.panel),
  };
  return FACT_NAMES.map((name) => ({ name, ...bodies[name] }));
}
