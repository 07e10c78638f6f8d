/** What the serving process writes when there is no node, only results (see src/cli/dashboard.ts). */
const NO_NODE = 'none';

/**
 * The node the page reads: `?network=ws://…` in the page's URL, else the one the serving process wrote
 * into the page, else the page's own origin (the node serves the page on its RPC port); undefined when
 * the serving process says there is none.
 */
export function nodeUrl(location: Location, document: Document): string | undefined {
  const asked = new URLSearchParams(location.search).get('network');
  const injected = document.querySelector('meta[name="tensormarket-network"]')?.getAttribute('content');
  if (asked === null && injected === NO_NODE) return undefined;
  const chosen = asked ?? (injected === null || injected === undefined || injected === '' ? null : injected);
  if (chosen !== null) return wsUrl(chosen);
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/`;
}

/** `http(s)://` named as the WebSocket on the same port (the node serves both there). */
function wsUrl(url: string): string {
  return url.replace(/^http(s?):/, 'ws$1:');
}
