/**
 * The dashboard's frame: navigation, the connection state, and the view the hash names. Without a node
 * (results only) the node's views say so and nothing connects; without results there is no Results view,
 * and without a runs API (a node's own page) no Run view.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LiveContext } from './live.ts';
import { type ConnectionState, connectNode, type HeaderJson } from './nodeClient.ts';
import { hrefOf, type Route, useRoute } from './route.ts';
import type { RunsUrls } from './runsUrl.ts';
import { AccountView } from './views/AccountView.tsx';
import { BlockView } from './views/BlockView.tsx';
import { HomeView } from './views/HomeView.tsx';
import { ResultsView } from './views/ResultsView.tsx';
import { RunFormView } from './views/RunFormView.tsx';
import { RunView } from './views/RunView.tsx';
import { SubnetsView } from './views/SubnetsView.tsx';
import { SubnetView } from './views/SubnetView.tsx';

function view(route: Route, hasNode: boolean, results: string | undefined, runs: RunsUrls | undefined) {
  if (route.view === 'run')
    return runs === undefined ? (
      <section>
        <h1>No runs here</h1>
        <p>
          This server runs no scenarios; <code>tensormarket dashboard</code> does.
        </p>
      </section>
    ) : route.id === undefined ? (
      <RunFormView api={runs.api} />
    ) : (
      <RunView key={route.id} urls={runs} id={route.id} folder={route.folder} series={route.series} />
    );
  if (route.view === 'results')
    return results === undefined ? (
      <section>
        <h1>No results</h1>
        <p>
          This dashboard serves no results folder; start it with{' '}
          <code>tensormarket dashboard --results DIR</code>.
        </p>
      </section>
    ) : (
      <ResultsView
        base={results}
        folder={route.folder}
        series={route.series}
        hrefAt={(folder, series) => hrefOf({ view: 'results', folder, series })}
      />
    );
  if (!hasNode && route.view !== 'missing')
    return (
      <section>
        <h1>No node</h1>
        <p>
          This dashboard reads no node (start it with <code>--network URL</code> for one)
          {results === undefined ? '.' : '; it shows '}
          {results !== undefined && <a href="#/results">a results folder</a>}
          {results !== undefined && '.'}
          {runs !== undefined && ' '}
          {runs !== undefined && <a href="#/run">Run a scenario</a>}
          {runs !== undefined && ' here.'}
        </p>
      </section>
    );
  switch (route.view) {
    case 'home':
      return <HomeView />;
    case 'subnets':
      return <SubnetsView />;
    case 'subnet':
      return <SubnetView key={route.netuid} netuid={route.netuid} />;
    case 'account':
      return <AccountView key={route.address} address={route.address} />;
    case 'block':
      return <BlockView key={route.number} number={route.number} />;
    case 'missing':
      return (
        <section>
          <h1>Not found</h1>
          <p>
            Nothing at <code>{route.hash}</code>. <a href="#/">Back to the network</a>.
          </p>
        </section>
      );
  }
}

/** Props of {@link App}: the node's WebSocket URL, the results folder's URL and the runs API's, any absent. */
export interface AppProps {
  readonly url: string | undefined;
  readonly results: string | undefined;
  readonly runs: RunsUrls | undefined;
}

export function App(props: AppProps) {
  const node = useMemo(() => (props.url === undefined ? undefined : connectNode(props.url)), [props.url]);
  const [head, setHead] = useState<HeaderJson | undefined>(undefined);
  const [state, setState] = useState<ConnectionState>('connecting');
  const route = useRoute();
  useEffect(() => {
    if (node === undefined) return;
    const offHead = node.onHead(setHead);
    const offState = node.onState(setState);
    return () => {
      offHead();
      offState();
      node.close();
    };
  }, [node]);
  const live = useMemo(() => (node === undefined ? undefined : { node, head }), [node, head]);
  return (
    <LiveContext.Provider value={live}>
      <header class="top">
        <a class="brand" href="#/">
          Tensormarket
        </a>
        <nav aria-label="views">
          <a href="#/" aria-current={route.view === 'home' ? 'page' : undefined}>
            Network
          </a>
          <a href="#/subnets" aria-current={route.view === 'subnets' ? 'page' : undefined}>
            Subnets
          </a>
          {props.results !== undefined && (
            <a href="#/results" aria-current={route.view === 'results' ? 'page' : undefined}>
              Results
            </a>
          )}
          {props.runs !== undefined && (
            <a href="#/run" aria-current={route.view === 'run' ? 'page' : undefined}>
              Run
            </a>
          )}
        </nav>
        {node === undefined ? (
          <span class="conn" role="status">
            no node
          </span>
        ) : (
          <span class={`conn conn-${state}`} role="status" title={node.url}>
            {/* A new node per text: right-aligned text that changes width would count as a shift. */}
            <span key={state === 'open' ? head?.number : state}>
              {state === 'open' ? `block ${head?.number ?? ''}` : state}
            </span>
          </span>
        )}
      </header>
      <main>{view(route, node !== undefined, props.results, props.runs)}</main>
    </LiveContext.Provider>
  );
}
