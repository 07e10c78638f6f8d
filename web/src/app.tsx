/** The dashboard's frame: navigation, the connection state, and the view the hash names. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LiveContext } from './live.ts';
import { type ConnectionState, connectNode, type HeaderJson } from './nodeClient.ts';
import { type Route, useRoute } from './route.ts';
import { AccountView } from './views/AccountView.tsx';
import { BlockView } from './views/BlockView.tsx';
import { HomeView } from './views/HomeView.tsx';
import { SubnetsView } from './views/SubnetsView.tsx';
import { SubnetView } from './views/SubnetView.tsx';

function view(route: Route) {
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

export function App(props: { readonly url: string }) {
  const node = useMemo(() => connectNode(props.url), [props.url]);
  const [head, setHead] = useState<HeaderJson | undefined>(undefined);
  const [state, setState] = useState<ConnectionState>('connecting');
  const route = useRoute();
  useEffect(() => {
    const offHead = node.onHead(setHead);
    const offState = node.onState(setState);
    return () => {
      offHead();
      offState();
      node.close();
    };
  }, [node]);
  const live = useMemo(() => ({ node, head }), [node, head]);
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
        </nav>
        <span class={`conn conn-${state}`} role="status" title={node.url}>
          {/* A new node per text: right-aligned text that changes width would count as a shift. */}
          <span key={state === 'open' ? head?.number : state}>
            {state === 'open' ? `block ${head?.number ?? ''}` : state}
          </span>
        </span>
      </header>
      <main>{view(route)}</main>
    </LiveContext.Provider>
  );
}
