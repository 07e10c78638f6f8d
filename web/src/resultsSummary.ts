/**
 * What the results view reads from a results folder's `summary.json` and `manifest.json`. The files'
 * keys change as the lab grows, so every key is read defensively: a missing or malformed one is absent
 * here, never an error.
 */

/** One series over time as quantile bands: `bands[i][t]` is the quantile `levels[i]` on day `days[t]`. */
export interface FanSeries {
  readonly key: string;
  readonly label: string;
  readonly unit: string | undefined;
  readonly description: string | undefined;
  readonly days: readonly number[];
  /** Quantile levels in (0, 1), ascending, one per band. */
  readonly levels: readonly number[];
  readonly bands: readonly (readonly (number | null)[])[];
  readonly mean: readonly (number | null)[] | undefined;
  /** The recorded path the futures are compared with (a backtest's), one value or gap per day. */
  readonly recorded: readonly (number | null)[] | undefined;
}

/** A histogram: `counts[i]` values fell in `[edges[i], edges[i + 1])`. */
export interface Histogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/** The distribution of one outcome at the horizon. */
export interface Outcome {
  readonly key: string;
  readonly label: string;
  readonly unit: string | undefined;
  readonly count: number | undefined;
  readonly median: number | undefined;
  /** The quantiles the file gives, in its order: `['p5', 1.2]`. */
  readonly quantiles: readonly (readonly [string, number])[];
  readonly histogram: Histogram | undefined;
}

/** Labelled rows of figures, the columns being whatever numeric keys the file's rows have. */
export interface FigureTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly values: readonly (number | undefined)[] }[];
}

/** The parts of `summary.json` the view shows. */
export interface ResultsSummary {
  readonly scenario: string | undefined;
  readonly headline: readonly string[];
  readonly series: readonly FanSeries[];
  readonly outcomes: readonly Outcome[];
  /** The holder-class answer and its attribution, when the file has them. */
  readonly tables: readonly FigureTable[];
}

/** The title of the holder-class answer, on a run's page and across a comparison's variants. */
export const HOLDER_CLASSES_TITLE = 'Holder classes: return over the horizon';

/** A fact of `manifest.json`: a top-level key with a plain value. */
export type ManifestFact = readonly [key: string, value: string];

type Json = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
/** Numbers with gaps where the file has anything else (uPlot draws gaps for null). */
const numbersOrGaps = (value: unknown): (number | null)[] => list(value).map((v) => num(v) ?? null);

/** Label, unit and description by key, from `shape.series` or `shape.outcomes`. */
function shapeOf(summary: Json, part: string): ReadonlyMap<string, Json> {
  const shape = isRecord(summary.shape) ? summary.shape : {};
  const entries = list(shape[part]).filter(isRecord);
  return new Map(entries.flatMap((e) => (typeof e.key === 'string' ? [[e.key, e] as const] : [])));
}

function readSeries(entry: Json, shape: ReadonlyMap<string, Json>): FanSeries | undefined {
  const key = str(entry.key);
  if (key === undefined) return undefined;
  const days = list(entry.days).map(num);
  if (days.length === 0 || days.some((d) => d === undefined)) return undefined;
  const levels = list(entry.levels).map(num);
  const bands = list(entry.bands).map(numbersOrGaps);
  // A band is only drawn when it has a level and a value (or gap) for each day.
  const usable = levels.flatMap((level, i) => {
    const band = bands[i];
    return level !== undefined && band !== undefined && band.length === days.length ? [{ level, band }] : [];
  });
  const mean = numbersOrGaps(entry.mean);
  const about = shape.get(key);
  return {
    key,
    label: str(entry.label) ?? str(about?.label) ?? key,
    unit: str(entry.unit) ?? str(about?.unit),
    description: str(about?.description),
    days: days as number[],
    levels: usable.map((u) => u.level),
    bands: usable.map((u) => u.band),
    mean: mean.length === days.length ? mean : undefined,
    recorded: undefined,
  };
}

function readHistogram(value: unknown): Histogram | undefined {
  if (!isRecord(value)) return undefined;
  const edges = list(value.edges).map(num);
  const counts = list(value.counts).map(num);
  if (counts.length === 0 || edges.length !== counts.length + 1) return undefined;
  if (edges.some((e) => e === undefined) || counts.some((c) => c === undefined)) return undefined;
  return { edges: edges as number[], counts: counts as number[] };
}

function readOutcome(entry: Json, shape: ReadonlyMap<string, Json>): Outcome | undefined {
  const key = str(entry.key);
  if (key === undefined) return undefined;
  const about = shape.get(key);
  const quantiles = isRecord(entry.quantiles)
    ? Object.entries(entry.quantiles).flatMap(([name, v]) => {
        const value = num(v);
        return value === undefined ? [] : [[name, value] as const];
      })
    : [];
  return {
    key,
    label: str(entry.label) ?? str(about?.label) ?? key,
    unit: str(entry.unit) ?? str(about?.unit),
    count: num(entry.count),
    median: num(entry.median),
    quantiles,
    histogram: readHistogram(entry.histogram),
  };
}

/** A table of the records in `value` (each labelled by `label` or `key`), or undefined when there are none. */
function readTable(title: string, value: unknown): FigureTable | undefined {
  const records = list(value).filter(isRecord);
  const columns = [...new Set(records.flatMap((r) => Object.keys(r).filter((k) => num(r[k]) !== undefined)))];
  const rows = records.flatMap((r) => {
    const label = str(r.label) ?? str(r.key);
    return label === undefined ? [] : [{ label, values: columns.map((c) => num(r[c])) }];
  });
  return rows.length === 0 ? undefined : { title, columns, rows };
}

/**
 * The parts of a parsed `summary.json` the view shows; anything else in the file is ignored.
 * @example readSummary(await (await fetch('results/summary.json')).json()).series[0]?.key // 'taoPriceUsd'
 */
export function readSummary(json: unknown): ResultsSummary {
  const summary = isRecord(json) ? json : {};
  const scenario = isRecord(summary.scenario)
    ? (str(summary.scenario.title) ?? str(summary.scenario.name))
    : str(summary.scenario);
  const headline = typeof summary.headline === 'string' ? [summary.headline] : list(summary.headline);
  const seriesShape = shapeOf(summary, 'series');
  const outcomeShape = shapeOf(summary, 'outcomes');
  const attribution = isRecord(summary.attribution) ? summary.attribution : {};
  const tables = [
    readTable(HOLDER_CLASSES_TITLE, summary.holderClasses),
    readTable(`Attribution: ${str(attribution.label) ?? str(attribution.of) ?? 'parts'}`, attribution.parts),
  ].flatMap((t) => t ?? []);
  return {
    scenario,
    headline: headline.flatMap((line) => (typeof line === 'string' ? [line] : [])),
    series: list(summary.series)
      .filter(isRecord)
      .flatMap((e) => readSeries(e, seriesShape) ?? []),
    outcomes: list(summary.outcomes)
      .filter(isRecord)
      .flatMap((e) => readOutcome(e, outcomeShape) ?? []),
    tables,
  };
}

/** The top-level facts of a parsed `manifest.json` whose values are plain (strings, numbers, booleans). */
export function readManifest(json: unknown): readonly ManifestFact[] {
  if (!isRecord(json)) return [];
  return Object.entries(json).flatMap(([key, value]) =>
    typeof value === 'string' || typeof value === 'boolean' || num(value) !== undefined
      ? [[key, String(value)] as const]
      : [],
  );
}

/** One variant of a comparison and the folder its own results are in. */
export interface Variant {
  readonly name: string;
  readonly title: string;
  readonly folder: string;
}

/** A paired difference from the baseline variant over the same seeds: its mean and interval. */
export interface PairedDifference {
  readonly mean: number | undefined;
  readonly low: number | undefined;
  readonly high: number | undefined;
}

/** One outcome across the variants, in the variants' order. */
export interface ComparedOutcome {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly {
    readonly median: number | undefined;
    /** Undefined for the baseline, and wherever the file gives none. */
    readonly difference: PairedDifference | undefined;
  }[];
}

/** The parts of `compare.json` (written by `compare` beside one folder per variant) the view shows. */
export interface Comparison {
  readonly scenario: string | undefined;
  readonly headline: readonly string[];
  readonly variants: readonly Variant[];
  readonly outcomes: readonly ComparedOutcome[];
  /** The day the futures fork (every variant follows the first until then), when they were forked. */
  readonly forkDay: number | undefined;
}

/** The parts of a parsed `compare.json` the view shows; undefined when it is not an object. */
export function readComparison(json: unknown): Comparison | undefined {
  if (!isRecord(json)) return undefined;
  const { scenario, headline } = readSummary(json);
  const variants = list(json.variants)
    .filter(isRecord)
    .flatMap((v) => {
      const name = str(v.name);
      const folder = str(v.folder) ?? name;
      return name === undefined || folder === undefined
        ? []
        : [{ name, title: str(v.title) ?? name, folder }];
    });
  const outcomes = list(json.outcomes)
    .filter(isRecord)
    .flatMap((o): ComparedOutcome[] => {
      const key = str(o.key);
      if (key === undefined) return [];
      const cells = list(o.variants).map((v) => {
        const cell = isRecord(v) ? v : {};
        const d = isRecord(cell.difference) ? cell.difference : undefined;
        return {
          median: num(cell.median),
          difference: d === undefined ? undefined : { mean: num(d.mean), low: num(d.low), high: num(d.high) },
        };
      });
      return [{ key, label: str(o.label) ?? key, cells }];
    });
  return { scenario, headline, variants, outcomes, forkDay: num(json.forkDay) };
}

const MS_PER_DAY = 86_400_000;
/** A quantile field of a backtest row: `p5`, `p50`, `p97.5`. */
const QUANTILE_FIELD = /^p(\d+(?:\.\d+)?)$/;

/**
 * A parsed `backtest.json` as the view shows it: one fan per metric over the days since the first date
 * with the recorded path, and a headline line per metric from its error figures over the whole window.
 * @example readBacktest(json).series[0]?.recorded?.[0] // the first recorded value
 */
export function readBacktest(json: unknown): ResultsSummary {
  const doc = isRecord(json) ? json : {};
  const metrics = isRecord(doc.metrics) ? doc.metrics : {};
  const rows = list(doc.rows).filter(isRecord);
  const dates = [...new Set(rows.flatMap((r) => str(r.date) ?? []))].sort();
  const first = Date.parse(dates[0] ?? '');
  const dayOf = new Map(dates.map((d) => [d, Math.round((Date.parse(d) - first) / MS_PER_DAY)]));
  const keys = [...new Set(rows.flatMap((r) => str(r.metric) ?? []))];
  const series = keys.map((key): FanSeries => {
    const mine = rows.filter((r) => r.metric === key);
    const byDate = new Map(mine.map((r) => [str(r.date) ?? '', r]));
    const fields = [...new Set(mine.flatMap((r) => Object.keys(r).filter((k) => QUANTILE_FIELD.test(k))))]
      .map((field) => [field, Number(QUANTILE_FIELD.exec(field)?.[1]) / 100] as const)
      .sort((a, b) => a[1] - b[1]);
    const column = (field: string) => dates.map((d) => num(byDate.get(d)?.[field]) ?? null);
    const about = isRecord(metrics[key]) ? metrics[key] : {};
    return {
      key,
      label: key,
      unit: str(about.unit),
      description: str(about.description),
      days: dates.map((d) => dayOf.get(d) ?? 0),
      levels: fields.map(([, level]) => level),
      bands: fields.map(([field]) => column(field)),
      mean: undefined,
      recorded: column('recorded'),
    };
  });
  const percent = (value: unknown) => {
    const n = num(value);
    return n === undefined ? 'n/a' : `${Number((n * 100).toPrecision(3))}%`;
  };
  const headline = list(doc.errors)
    .filter(isRecord)
    .filter((e) => e.window === 'all' && str(e.metric) !== undefined)
    .map(
      (e) =>
        `${str(e.metric)}: recorded inside p5–p95 on ${percent(e.coverage)} of ${num(e.dates) ?? 0} dates; median error of p50 ${percent(e.mdape)}.`,
    );
  const span = dates.length === 0 ? '' : ` ${dates[0]} to ${dates.at(-1)}`;
  return {
    scenario: `${str(doc.scenario) ?? 'backtest'}${span}`,
    headline,
    series,
    outcomes: [],
    tables: [],
  };
}

/** The series every variant with a summary has, in the first one's order (the branch chart's choices). */
export function sharedSeries(summaries: readonly (ResultsSummary | undefined)[]): readonly FanSeries[] {
  const present = summaries.flatMap((s) => s ?? []);
  const [first, ...rest] = present;
  if (first === undefined) return [];
  return first.series.filter((s) => rest.every((other) => other.series.some((o) => o.key === s.key)));
}

/** A variant's branch of one series: its median and, when its summary has p25 and p75, its middle half. */
export interface Branch {
  readonly variant: Variant;
  /** Values on the days of {@link Branches}, a gap where the variant has none. */
  readonly median: readonly (number | null)[];
  readonly middle:
    | { readonly low: readonly (number | null)[]; readonly high: readonly (number | null)[] }
    | undefined;
}

/** One series across a comparison's variants on the days any of them has, with the fork day. */
export interface Branches {
  readonly key: string;
  readonly label: string;
  readonly unit: string | undefined;
  readonly description: string | undefined;
  readonly days: readonly number[];
  /** Only the variants whose summary has the series with a median, in the comparison's order. */
  readonly branches: readonly Branch[];
  readonly forkDay: number | undefined;
}

/** The band of `series` at quantile `level`, if it has one (levels are read from JSON, so compared loosely). */
function bandAt(series: FanSeries, level: number): readonly (number | null)[] | undefined {
  const i = series.levels.findIndex((l) => Math.abs(l - level) < 1e-9);
  return i < 0 ? undefined : series.bands[i];
}

/**
 * The series `key` of every variant (each variant's summary in `summaries`, in the comparison's order,
 * undefined where unreadable) as branches; the first shared series when `key` is undefined or not shared,
 * undefined when the variants share none.
 * @example readBranches({ comparison, summaries, key: 'taoPriceUsd' })?.branches[1]?.median
 */
export function readBranches({
  comparison,
  summaries,
  key,
}: {
  comparison: Comparison;
  summaries: readonly (ResultsSummary | undefined)[];
  key: string | undefined;
}): Branches | undefined {
  const shared = sharedSeries(summaries);
  const chosen = shared.find((s) => s.key === key) ?? shared[0];
  if (chosen === undefined) return undefined;
  const ofVariant = comparison.variants.map((_, i) => summaries[i]?.series.find((s) => s.key === chosen.key));
  const days = [...new Set(ofVariant.flatMap((s) => s?.days ?? []))].sort((a, b) => a - b);
  const onDays = (series: FanSeries, band: readonly (number | null)[]) => {
    const at = new Map(series.days.map((d, t) => [d, band[t] ?? null]));
    return days.map((d) => at.get(d) ?? null);
  };
  const branches = comparison.variants.flatMap((variant, i): Branch[] => {
    const series = ofVariant[i];
    const median = series === undefined ? undefined : bandAt(series, 0.5);
    if (series === undefined || median === undefined) return [];
    const low = bandAt(series, 0.25);
    const high = bandAt(series, 0.75);
    return [
      {
        variant,
        median: onDays(series, median),
        middle:
          low === undefined || high === undefined
            ? undefined
            : { low: onDays(series, low), high: onDays(series, high) },
      },
    ];
  });
  return {
    key: chosen.key,
    label: chosen.label,
    unit: chosen.unit,
    description: chosen.description,
    days,
    branches,
    forkDay: comparison.forkDay,
  };
}

/** A holder class's return over the horizon in one variant (fractions: 0.1 is +10 %). */
export interface HolderClassFigures {
  readonly median: number | undefined;
  readonly p5: number | undefined;
  readonly p95: number | undefined;
  /** The share of runs in which the class lost. */
  readonly probNegative: number | undefined;
}

/** One holder class across a comparison's variants. */
export interface HolderClassAcross {
  readonly key: string;
  readonly label: string;
  /** One per variant, in the comparison's order; undefined where the variant's summary lacks the class. */
  readonly cells: readonly (HolderClassFigures | undefined)[];
}

/**
 * The holder classes of every variant's parsed `summary.json` (in the comparison's order, anything where
 * unreadable), one row per class any variant has, in the order they are first met.
 * @example holderClassesAcross([priceJson, dtaoJson])[0]?.cells[1]?.median
 */
export function holderClassesAcross(summaries: readonly unknown[]): readonly HolderClassAcross[] {
  const byVariant = summaries.map((json) => {
    const rows = isRecord(json) ? list(json.holderClasses).filter(isRecord) : [];
    return new Map(
      rows.flatMap((r) => {
        const key = str(r.key) ?? str(r.label);
        return key === undefined ? [] : [[key, r] as const];
      }),
    );
  });
  const keys = [...new Set(byVariant.flatMap((m) => [...m.keys()]))];
  return keys.map((key) => {
    const label = byVariant.map((m) => str(m.get(key)?.label)).find((l) => l !== undefined) ?? key;
    const cells = byVariant.map((m) => {
      const r = m.get(key);
      return r === undefined
        ? undefined
        : { median: num(r.median), p5: num(r.p5), p95: num(r.p95), probNegative: num(r.probNegative) };
    });
    return { key, label, cells };
  });
}
