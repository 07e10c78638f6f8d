/**
 * A results folder of `simulate`, `compare` or `backtest`: its headline, the run's facts, a fan chart of
 * the series chosen in the address (`#/results?series=<key>`) and histograms of the outcomes at the
 * horizon. A comparison's folder lists its variants, each opened the same way (`?folder=<variant>`), and
 * draws their branches and holder classes side by side.
 */

import { useEffect, useState } from 'preact/hooks';
import { FanChart, levelName } from '../components/FanChart.tsx';
import { HistogramChart } from '../components/HistogramChart.tsx';
import { VariantsHead } from '../components/VariantsHead.tsx';
import { figure } from '../format.ts';
import type { ResultsHref } from '../resultsHref.ts';
import {
  type Comparison,
  type FigureTable,
  type ManifestFact,
  type Outcome,
  type ResultsSummary,
  readBacktest,
  readComparison,
  readManifest,
  readSummary,
} from '../resultsSummary.ts';
import { VariantsAcross } from './VariantsAcross.tsx';

/** The folder's files as read: a summary or a comparison is required, the manifest optional. */
type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly summary: ResultsSummary | undefined;
      readonly comparison: Comparison | undefined;
      /** Each variant's parsed summary.json when the comparison itself is open, in its order. */
      readonly variantSummaries: readonly unknown[];
      readonly facts: readonly ManifestFact[];
    };

/** The parsed JSON at `path` (relative to `base`, `/`-separated), or undefined when it is not JSON. */
async function readJson(base: string, path: string): Promise<unknown> {
  const response = await fetch(new URL(path.split('/').map(encodeURIComponent).join('/'), base));
  if (!response.ok) return undefined;
  return response.json().catch(() => undefined);
}

/** The files the server lists for the folder (see src/node/rpc/resultsFiles.ts): only those are asked for. */
async function listFiles(base: string): Promise<ReadonlySet<string>> {
  const listing = await readJson(base, '');
  const files = typeof listing === 'object' && listing !== null && 'files' in listing ? listing.files : [];
  return new Set(Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []);
}

async function load(base: string, folder: string | undefined): Promise<Loaded> {
  const files = await listFiles(base);
  const prefix = folder === undefined ? '' : `${folder}/`;
  const read = (path: string) => (files.has(path) ? readJson(base, path) : Promise.resolve(undefined));
  const [simulated, backtest, manifest, comparison] = await Promise.all([
    read(`${prefix}summary.json`),
    read(`${prefix}backtest.json`),
    read(`${prefix}manifest.json`),
    read('compare.json'),
  ]);
  const summary =
    simulated !== undefined
      ? readSummary(simulated)
      : backtest !== undefined
        ? readBacktest(backtest)
        : undefined;
  if (summary === undefined && comparison === undefined)
    return {
      state: 'failed',
      message: `No readable ${prefix}summary.json or compare.json in the results folder.`,
    };
  const compared = readComparison(comparison);
  // The comparison's page draws every variant's branches: their summaries are read with it.
  const variantSummaries =
    folder === undefined && compared !== undefined
      ? await Promise.all(compared.variants.map((v) => read(`${v.folder}/summary.json`)))
      : [];
  return {
    state: 'ready',
    summary,
    comparison: compared,
    variantSummaries,
    // A backtest keeps its settings in backtest.json itself.
    facts: readManifest(manifest ?? backtest),
  };
}

function OutcomeCard(props: { readonly outcome: Outcome }) {
  const { outcome } = props;
  const q = new Map(outcome.quantiles);
  const low = q.get('p5');
  const high = q.get('p95');
  const unit = outcome.unit === undefined ? '' : ` ${outcome.unit}`;
  return (
    <figure class="outcome" data-testid={`outcome-${outcome.key}`}>
      <figcaption title={outcome.key}>{outcome.label}</figcaption>
      <div class="outcome-figures">
        median {outcome.median === undefined ? '—' : figure(outcome.median)}
        {unit}
        {low !== undefined && high !== undefined ? ` · p5–p95 ${figure(low)} to ${figure(high)}` : ''}
      </div>
      {outcome.histogram === undefined ? (
        <div class="histogram histogram-absent">no histogram</div>
      ) : (
        <HistogramChart histogram={outcome.histogram} label={outcome.label} />
      )}
    </figure>
  );
}

/** The outcomes across the variants: each median, and the paired difference from the first variant. */
function ComparedOutcomes(props: { readonly comparison: Comparison }) {
  const { variants, outcomes } = props.comparison;
  if (outcomes.length === 0) return null;
  return (
    <>
      <h2>Variants side by side</h2>
      <p class="note">
        Median of each outcome; under it the mean paired difference from{' '}
        {variants[0]?.name ?? 'the first variant'} over the same seeds, with its interval.
      </p>
      <div class="table-scroll">
        <table data-testid="compared-outcomes">
          <VariantsHead variants={variants} />
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.key}>
                <th scope="row">{o.label}</th>
                {variants.map((v, i) => {
                  const cell = o.cells[i];
                  const d = cell?.difference;
                  return (
                    <td key={v.folder} class="num">
                      {cell?.median === undefined ? '—' : figure(cell.median)}
                      {d?.mean !== undefined && (
                        <div class="difference">
                          Δ {figure(d.mean)}
                          {d.low !== undefined &&
                            d.high !== undefined &&
                            ` [${figure(d.low)}, ${figure(d.high)}]`}
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A comparison's variants, each a link to its own folder, and its headline when no variant is open. */
function ComparisonPart(props: {
  readonly comparison: Comparison;
  readonly folder: string | undefined;
  readonly variantSummaries: readonly unknown[];
  readonly series: string | undefined;
  readonly hrefAt: ResultsHref;
}) {
  const { comparison, folder } = props;
  return (
    <>
      {folder === undefined && comparison.headline.length > 0 && (
        <ul class="headline" data-testid="comparison-headline">
          {comparison.headline.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <nav class="series-picker" aria-label="variants">
        <a href={props.hrefAt(undefined, undefined)} aria-current={folder === undefined ? 'true' : undefined}>
          Comparison
        </a>
        {comparison.variants.map((v) => (
          <a
            key={v.folder}
            href={props.hrefAt(v.folder, undefined)}
            title={v.title}
            aria-current={v.folder === folder ? 'true' : undefined}
          >
            {v.name}
          </a>
        ))}
      </nav>
      {folder === undefined && (
        <>
          <ComparedOutcomes comparison={comparison} />
          <VariantsAcross
            comparison={comparison}
            summaries={props.variantSummaries}
            series={props.series}
            hrefAt={props.hrefAt}
          />
        </>
      )}
    </>
  );
}

export function ResultsView(props: {
  /** The folder's URL, ending in `/`. */
  readonly base: string;
  readonly folder: string | undefined;
  readonly series: string | undefined;
  /** Where the variant and series links go (the results view's route, or a run's). */
  readonly hrefAt: ResultsHref;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    load(props.base, props.folder)
      .then((l) => current && setLoaded(l))
      .catch((e: unknown) => current && setLoaded({ state: 'failed', message: String(e) }));
    return () => {
      current = false;
    };
  }, [props.base, props.folder]);

  if (loaded.state === 'loading')
    return (
      <section>
        <h1>Results</h1>
        <p class="note">Reading the results…</p>
      </section>
    );
  if (loaded.state === 'failed')
    return (
      <section>
        <h1>Results</h1>
        <p class="rejection">{loaded.message}</p>
      </section>
    );
  const { summary, comparison, variantSummaries, facts } = loaded;
  // A variant's own summary names the variant in its title: the comparison's title comes first.
  const scenario = comparison?.scenario ?? summary?.scenario;
  const variant = comparison?.variants.find((v) => v.folder === props.folder);
  return (
    <section>
      <h1>
        Results{scenario === undefined ? '' : `: ${scenario}`}
        {variant === undefined ? '' : ` — ${variant.title}`}
      </h1>
      {comparison !== undefined && (
        <ComparisonPart
          comparison={comparison}
          folder={props.folder}
          variantSummaries={variantSummaries}
          series={props.series}
          hrefAt={props.hrefAt}
        />
      )}
      {summary === undefined ? (
        props.folder !== undefined && <p class="rejection">No readable summary.json in “{props.folder}”.</p>
      ) : (
        <SummaryPart
          summary={summary}
          facts={facts}
          folder={props.folder}
          series={props.series}
          hrefAt={props.hrefAt}
        />
      )}
    </section>
  );
}

/** A table of figures as the file gives them (four significant figures). */
function FigureTablePart(props: { readonly table: FigureTable }) {
  const { table } = props;
  return (
    <>
      <h2>{table.title}</h2>
      <div class="table-scroll">
        <table data-testid="figure-table">
          <thead>
            <tr>
              <th />
              {table.columns.map((c) => (
                <th key={c} class="num">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={table.columns[i]} class="num">
                    {v === undefined ? '—' : figure(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One run's summary: headline, facts, holder classes and attribution, fan chart and histograms. */
function SummaryPart(props: {
  readonly hrefAt: ResultsHref;
  readonly summary: ResultsSummary;
  readonly facts: readonly ManifestFact[];
  readonly folder: string | undefined;
  readonly series: string | undefined;
}) {
  const { summary, facts } = props;
  const chosen = summary.series.find((s) => s.key === props.series) ?? summary.series[0];
  const unknown = props.series !== undefined && chosen?.key !== props.series;
  return (
    <>
      {summary.headline.length === 0 ? (
        <p class="note">The summary has no headline.</p>
      ) : (
        <ul class="headline" data-testid="results-headline">
          {summary.headline.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {facts.length > 0 && (
        <dl class="header" data-testid="results-manifest">
          {facts.map(([key, value]) => [<dt key={`k-${key}`}>{key}</dt>, <dd key={`v-${key}`}>{value}</dd>])}
        </dl>
      )}

      {summary.tables.map((table) => (
        <FigureTablePart key={table.title} table={table} />
      ))}

      <h2>Over time</h2>
      {chosen === undefined ? (
        <p class="note">The summary has no series over time.</p>
      ) : (
        <>
          <nav class="series-picker" aria-label="series">
            {summary.series.map((s) => (
              <a
                key={s.key}
                href={props.hrefAt(props.folder, s.key)}
                aria-current={s.key === chosen.key ? 'true' : undefined}
              >
                {s.label}
              </a>
            ))}
          </nav>
          {unknown && <p class="note">No series “{props.series}” in this folder; showing the first.</p>}
          <div class="panel fan-panel">
            <h3 data-testid="fan-title">
              {chosen.label}
              {chosen.unit === undefined ? '' : ` (${chosen.unit})`}
            </h3>
            <p class="note fan-note">
              {chosen.description ?? ''} Bands: {chosen.levels.map(levelName).join(', ')}
              {chosen.mean === undefined ? '' : '; dashed: mean'}
              {chosen.recorded === undefined ? '' : '; black: the recorded path'}.
            </p>
            <FanChart key={chosen.key} series={chosen} />
          </div>
        </>
      )}

      <h2>At the horizon</h2>
      {summary.outcomes.length === 0 ? (
        <p class="note">The summary has no outcomes.</p>
      ) : (
        <div class="outcomes" data-testid="outcomes">
          {summary.outcomes.map((o) => (
            <OutcomeCard key={o.key} outcome={o} />
          ))}
        </div>
      )}
    </>
  );
}
