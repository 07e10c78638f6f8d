/**
 * A run started from the page (`#/run/<id>`): a progress bar with the runs done, a Stop button, and once
 * the run has ended its results in place, read from the run's folder like any results folder. The bar's
 * place is fixed from the start so nothing moves while it fills. A run this dashboard did not start (it
 * was restarted since) shows whatever its folder holds.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RunProgressJson } from '../../../src/sdk/dashboard/runsApi.ts';
import { hrefOf } from '../route.ts';
import { type ApiProblem, fetchRun, followRun, stopRun } from '../runsClient.ts';
import type { RunsUrls } from '../runsUrl.ts';
import { ResultsView } from './ResultsView.tsx';

/** What the page knows of the run. */
type Known =
  | { readonly state: 'asking' }
  | { readonly state: 'unknown' }
  | { readonly state: 'known'; readonly progress: RunProgressJson };

const STATE_TEXT: Readonly<Record<RunProgressJson['state'], string>> = {
  running: 'running',
  done: 'done',
  failed: 'failed',
  stopped: 'stopped',
};

/** The line under the bar: the variant running, the step, or why the run ended as it did. */
function detail(p: RunProgressJson): string {
  const variant =
    p.variant === undefined || p.variants === undefined
      ? undefined
      : `variant ${p.variant + 1} of ${p.variants.length}: ${p.variants[p.variant] ?? ''}`;
  return [variant, p.message].filter((s) => s !== undefined).join(' · ');
}

export function RunView(props: {
  readonly urls: RunsUrls;
  readonly id: string;
  readonly folder: string | undefined;
  readonly series: string | undefined;
}) {
  const { urls, id } = props;
  const [known, setKnown] = useState<Known>({ state: 'asking' });
  const [stopping, setStopping] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();

  useEffect(() => {
    let current = true;
    let unfollow = () => {};
    fetchRun(urls.api, id)
      .catch(() => undefined)
      .then((entry) => {
        if (!current) return;
        if (entry === undefined) {
          setKnown({ state: 'unknown' });
          return;
        }
        setKnown({ state: 'known', progress: entry });
        if (entry.state === 'running')
          unfollow = followRun(urls.api, id, (progress) => {
            if (current) setKnown({ state: 'known', progress });
          });
      });
    return () => {
      current = false;
      unfollow();
    };
  }, [urls.api, id]);

  const progress = known.state === 'known' ? known.progress : undefined;
  const running = progress?.state === 'running';
  const stop = async () => {
    setStopping(true);
    const refused = await stopRun(urls.api, id).catch(
      (e: unknown): ApiProblem => ({ field: undefined, message: String(e) }),
    );
    setProblem(refused);
  };
  const results = (
    <ResultsView
      base={new URL(`${encodeURIComponent(id)}/`, urls.files).href}
      folder={props.folder}
      series={props.series}
      hrefAt={(folder, series) => hrefOf({ view: 'run', id, folder, series })}
    />
  );
  if (known.state === 'unknown')
    return (
      <>
        <section>
          <h1>Run {id}</h1>
          <p class="note">
            This dashboard has not run {id} since it started; here is what its folder holds.{' '}
            <a href={hrefOf({ view: 'run', id: undefined, folder: undefined, series: undefined })}>
              Start a run
            </a>
          </p>
        </section>
        {results}
      </>
    );

  const line =
    problem?.message ??
    (progress === undefined
      ? ''
      : progress.state === 'running' && stopping
        ? 'stopping: finishing the runs in flight'
        : detail(progress));
  return (
    <>
      <section>
        <h1>Run {id}</h1>
        <div class="run-progress" data-testid="run-progress">
          <progress
            max={Math.max(progress?.total ?? 1, 1)}
            value={progress?.done ?? 0}
            aria-label="runs done"
            data-testid="run-bar"
          />
          <span class="run-count" data-testid="run-count">
            {progress === undefined ? '' : `${progress.done} / ${progress.total} runs`}
          </span>
          <span class="run-state" data-testid="run-state" role="status">
            {progress === undefined ? 'asking…' : STATE_TEXT[progress.state]}
          </span>
          <button type="button" onClick={stop} disabled={!running || stopping}>
            Stop
          </button>
        </div>
        <p
          class={`run-detail ${problem !== undefined || progress?.state === 'failed' ? 'rejection' : 'note'}`}
          data-testid="run-detail"
          title={line}
        >
          {line}
        </p>
      </section>
      {(progress?.state === 'done' || progress?.state === 'stopped') && results}
    </>
  );
}
