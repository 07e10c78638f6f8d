/** The node and its head for every view, and data refetched at each new head. */
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { HeaderJson, NodeClient } from './nodeClient.ts';

/** What every view reads: the client and the last head seen. */
export interface Live {
  readonly node: NodeClient;
  readonly head: HeaderJson | undefined;
}

export const LiveContext = createContext<Live | undefined>(undefined);

/** The node and its head. */
export function useLive(): Live {
  const live = useContext(LiveContext);
  if (live === undefined) throw new Error('useLive outside LiveContext');
  return live;
}

/** A fetched value: the last answer kept while the next one is on its way. */
export interface Fetched<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
}

/**
 * `load(node)` at each new head and whenever `key` changes; answers that arrive out of order are dropped.
 * @example const subnets = useHeadData((node) => node.call<SubnetJson[]>('tm_subnets'), 'subnets')
 */
export function useHeadData<T>(load: (node: NodeClient) => Promise<T>, key: string): Fetched<T> {
  const { node, head } = useLive();
  const [state, setState] = useState<Fetched<T> & { key: string }>({
    data: undefined,
    error: undefined,
    key,
  });
  const asked = useRef(0);
  useEffect(() => {
    if (head === undefined) return;
    const ticket = ++asked.current;
    load(node).then(
      (data) => {
        if (ticket === asked.current) setState({ data, error: undefined, key });
      },
      (error: Error) => {
        if (ticket === asked.current) setState((s) => ({ ...s, error, key }));
      },
    );
    // `load` is a new closure at each render; `key` names what it loads.
  }, [node, head?.number, key]);
  // Data of another key (the page moved to another subnet) is not shown as this one's.
  return state.key === key ? state : { data: undefined, error: undefined };
}
