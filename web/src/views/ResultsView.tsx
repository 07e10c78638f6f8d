/**
 * A results folder of `simulate`, `compare` or `backtest`: its headline, the run's facts, a fan chart of
 * the series chosen in the address (`#/results/<series>`) and histograms of the outcomes at the horizon.
 */
import { useEffect, useState } from 'preact/hooks';
import { FanChart, levelName } from '../components/FanChart.tsx';
import { HistogramChart } from '../components/HistogramChart.tsx';
import {
  type ManifestFact,
  type Outcome,
  type ResultsSummary,
  readManifest,
  readSummary,
} from '../resultsSummary.ts';
import { hrefOf } from '../route.ts';

/** The folder's files as read: the summary is required, the manifest optional. */
type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly summary: ResultsSummary; readonly facts: readonly ManifestFact[] };

/** The parsed JSON of one file of the folder, or undefined when it is missing or not JSON. */
async function readJson(base: string, name: string): Promise<unknown> {
  const response = await fetch(new URL(name, base));
  if (!response.ok) return undefined;
  return response.json().catch(() => undefined);
}

async function load(base: string): Promise<Loaded> {
  const [summary, manifest] = await Promise.all([
    readJson(base, 'summary.json'),
    readJson(base, 'manifest.json'),
  ]);
  if (summary === undefined) return { state: 'failed', message: 'The folder has no readable summary.json.' };
  return { state: 'ready', summary: readSummary(summary), facts: readManifest(manifest) };
}

/** Four significant figures, without trailing zeros. */
const figure = (value: number): string => String(Number(value.toPrecision(4)));

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

export function ResultsView(props: { readonly base: string; readonly series: string | undefined }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    load(props.base)
      .then((l) => current && setLoaded(l))
      .catch((e: unknown) => current && setLoaded({ state: 'failed', message: String(e) }));
    return () => {
      current = false;
    };
  }, [props.base]);

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
  const { summary, facts } = loaded;
  const chosen = summary.series.find((s) => s.key === props.series) ?? summary.series[0];
  const unknown = props.series !== undefined && chosen?.key !== props.series;
  return (
    <section>
      <h1>Results{summary.scenario === undefined ? '' : `: ${summary.scenario}`}</h1>
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

      <h2>Over time</h2>
      {chosen === undefined ? (
        <p class="note">The summary has no series over time.</p>
      ) : (
        <>
          <nav class="series-picker" aria-label="series">
            {summary.series.map((s) => (
              <a
                key={s.key}
                href={hrefOf({ view: 'results', series: s.key })}
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
              {chosen.mean === undefined ? '' : '; dashed: mean'}.
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
    </section>
  );
}
