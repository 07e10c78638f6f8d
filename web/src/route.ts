/** The views and their place in the URL hash, so that any view can be shared as a link. */
import { useEffect, useState } from 'preact/hooks';

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
  | { readonly view: 'missing'; readonly hash: string };

/**
 * The route a hash names.
 * @example parseRoute('#/subnet/3') // { view: 'subnet', netuid: 3 }
 */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.split('?', 2);
  const parts = path.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, arg] = parts;
  if (head === 'results' && arg === undefined) {
    const query = new URLSearchParams(search);
    return {
      view: 'results',
      folder: query.get('folder') ?? undefined,
      series: query.get('series') ?? undefined,
    };
  }
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
    case 'results': {
      const query = new URLSearchParams();
      if (route.folder !== undefined) query.set('folder', route.folder);
      if (route.series !== undefined) query.set('series', route.series);
      const search = query.toString();
      return search === '' ? '#/results' : `#/results?${search}`;
    }
    case 'missing':
      return route.hash;
  }
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
