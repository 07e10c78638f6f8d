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

describe('run route', () => {
  it('names the form, or a run with the folder and series of its results, and reads them back', () => {
    const routes: Route[] = [
      { view: 'run', id: undefined, folder: undefined, series: undefined },
      { view: 'run', id: 'default-20261207-035119', folder: undefined, series: undefined },
      { view: 'run', id: 'rule-packs-20261207-035119-2', folder: 'dtao', series: 'taoPriceUsd' },
    ];
    expect(routes.map(hrefOf)).toEqual([
      '#/run',
      '#/run/default-20261207-035119',
      '#/run/rule-packs-20261207-035119-2?folder=dtao&series=taoPriceUsd',
    ]);
    expect(routes.map((r) => parseRoute(hrefOf(r)))).toEqual(routes);
    // A run id is a folder name: nothing that could climb out of the runs folder.
    for (const hash of ['#/run/..', '#/run/a/b', '#/run/%2E%2E%2Fx', '#/run/.hidden'])
      expect(parseRoute(hash)).toEqual({ view: 'missing', hash });
  });
});
