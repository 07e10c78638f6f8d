import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './route.ts';

describe('results route', () => {
  it('keeps the folder and series in the hash and reads them back', () => {
    const routes: Route[] = [
      { view: 'results', folder: undefined, series: undefined },
      { view: 'results', folder: undefined, series: 'taoPriceUsd' },
      { view: 'results', folder: 'gate & co', series: 'holderReturn' },
    ];
    expect(routes.map(hrefOf)).toEqual([
      '#/results',
      '#/results?series=taoPriceUsd',
      '#/results?folder=gate+%26+co&series=holderReturn',
    ]);
    expect(routes.map((r) => parseRoute(hrefOf(r)))).toEqual(routes);
    expect(parseRoute('#/results/x')).toEqual({ view: 'missing', hash: '#/results/x' });
    expect(parseRoute('#/subnet/3?x=1')).toEqual({ view: 'subnet', netuid: 3 });
  });
});
