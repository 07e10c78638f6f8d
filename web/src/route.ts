/** The views and their place in the URL hash, so that any view can be shared as a link. */
import { useEffect, useState } from 'preact/hooks';
import { RUN_ID_PATTERN } from '../../src/sdk/dashboard/runsApi.ts';

/** A view and its argument. */
export type Route =
  | { readonly view: 'home' }
  | { readonly view: 'subnets' }
  | { readonly view: 'subnet'; readonly netuid: number }
  | { readonly view: 'account'; readonly address: string }
  | { readonly view: 'block'; readonly number: number }
  /**
   * A results folder: `folder` a variant's folder inside it (`compare` writes one per variant),
   * `series` the key of the fan chart shown; undefined for the folder itself and the first series.
   */
  | { readonly view: 'results'; readonly folder: string | undefined; readonly series: string | undefined }
  /**
   * A run from the page: `id` undefined for the form that starts one, else the run followed and, once
   * it has ended, its results, with `folder` and `series` as for a results folder.
   */
  | {
      readonly view: 'run';
      readonly id: string | undefined;
      readonly folder: string | undefined;
      readonly series: string | undefined;
    }
  | { readonly view: 'missing'; readonly hash: string };

/**
 * The route a hash names.
 * @example parseRoute('#/subnet/3') // { view: 'subnet', netuid: 3 }
 */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.split('?', 2);
  const parts = path.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, arg, ...more] = parts;
  const query = new URLSearchParams(search);
  const place = { folder: query.get('folder') ?? undefined, series: query.get('series') ?? undefined };
  if (head === 'results' && arg === undefined) return { view: 'results', ...place };
  if (head === 'run' && arg === undefined)
    return { view: 'run', id: undefined, folder: undefined, series: undefined };
  if (head === 'run' && arg !== undefined && more.length === 0 && RUN_ID_PATTERN.test(arg))
    return { view: 'run', id: arg, ...place };
  if (head === undefined) return { view: 'home' };
  if (head === 'subnets' && arg === undefined) return { view: 'subnets' };
  if (head === 'subnet' && arg !== undefined && /^\d+$/.test(arg))
    return { view: 'subnet', netuid: Number(arg) };
  if (head === 'account' && arg !== undefined && /^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(arg))
    return { view: 'account', address: arg };
  if (head === 'block' && arg !== undefined && /^\d+$/.test(arg))
    return { view: 'block', number: Number(arg) };
  return { view: 'missing', hash };
}

/** The hash of a route. */
export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'subnets':
      return '#/subnets';
    case 'subnet':
      return `#/subnet/${route.netuid}`;
    case 'account':
      return `#/account/${route.address}`;
    case 'block':
      return `#/block/${route.number}`;
    case 'results':
      return withPlace('#/results', route);
    case 'run':
      return route.id === undefined ? '#/run' : withPlace(`#/run/${encodeURIComponent(route.id)}`, route);
    case 'missing':
      return route.hash;
  }
}

/** `path` with the folder and series of a results view in its query, when they are set. */
function withPlace(
  path: string,
  place: { readonly folder: string | undefined; readonly series: string | undefined },
) {
  const query = new URLSearchParams();
  if (place.folder !== undefined) query.set('folder', place.folder);
  if (place.series !== undefined) query.set('series', place.series);
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}

/** The current route, following the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
