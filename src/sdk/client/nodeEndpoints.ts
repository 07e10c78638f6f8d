/**
 * Where a node is: one URL names both its HTTP endpoint (calls) and its WebSocket (subscriptions), since
 * the node serves both on one port; `local` is btcli's name for a node on this machine.
 */
import { InputError } from '../../engine/errors.ts';

/** The URL `local` stands for, as in btcli: the local network's default port. */
export const LOCAL_NETWORK_URL = 'ws://127.0.0.1:9944';

/** btcli's names of the public Bittensor networks, which a Tensormarket client does not reach. */
const PUBLIC_NETWORKS: ReadonlySet<string> = new Set(['finney', 'test', 'archive', 'latent-lite', 'rao']);

/** A node's two endpoints. */
export interface NodeEndpoints {
  /** `http(s)://…`: where JSON-RPC calls are POSTed. */
  readonly httpUrl: string;
  /** `ws(s)://…`: where subscriptions are opened. */
  readonly wsUrl: string;
}

/**
 * The endpoints of `local` or an `http(s)://` or `ws(s)://` URL; throws an InputError naming `field`
 * (e.g. `--network`) for anything else.
 * @example nodeEndpoints('local') // { httpUrl: 'http://127.0.0.1:9944/', wsUrl: 'ws://127.0.0.1:9944/' }
 */
export function nodeEndpoints(network: string, field = 'url'): NodeEndpoints {
  const text = network.trim();
  if (PUBLIC_NETWORKS.has(text))
    throw new InputError(
      field,
      `"${text}" is a public Bittensor network; a Tensormarket client talks to a Tensormarket node: give local or its URL`,
    );
  let url: URL;
  try {
    url = new URL(text === 'local' ? LOCAL_NETWORK_URL : text);
  } catch {
    throw new InputError(field, `expected local or a URL such as ws://127.0.0.1:9944, got "${text}"`);
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol))
    throw new InputError(field, `expected an http, https, ws or wss URL, got "${text}"`);
  const http = new URL(url);
  http.protocol = secure ? 'https:' : 'http:';
  const ws = new URL(url);
  ws.protocol = secure ? 'wss:' : 'ws:';
  return { httpUrl: http.href, wsUrl: ws.href };
}
