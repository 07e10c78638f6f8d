import { describe, expect, it } from 'vitest';
import { createSourceMap } from './sourceMap.ts';

describe('source map', () => {
  it('locates keys, list items, and missing fields at their deepest parent', () => {
    const map = createSourceMap('a:\n  b: 1\n  list:\n    - x: 1\n    - x: 2\n');
    expect(map.locate(['a', 'b'])).toEqual({ line: 2, col: 3 });
    expect(map.locate(['a', 'list', 1])).toEqual({ line: 5, col: 7 });
    expect(map.locate(['a', 'list', 1, 'x'])).toEqual({ line: 5, col: 7 });
    expect(map.locate(['a', 'missing'])).toEqual({ line: 1, col: 1 });
    expect(map.value).toEqual({ a: { b: 1, list: [{ x: 1 }, { x: 2 }] } });
  });

  it('reads JSON strictly and locates its syntax errors', () => {
    const bad = createSourceMap('{\n  "name": "x",\n}', { json: true });
    expect(bad.syntaxErrors).toEqual([
      { line: 3, col: 1, message: 'Expected double-quoted property name in JSON' },
    ]);
    const good = createSourceMap('{\n  "a": {\n    "b": [1, 2]\n  }\n}', { json: true });
    expect(good.locate(['a', 'b', 1])).toEqual({ line: 3, col: 14 });
  });

  it('reports YAML syntax errors with positions', () => {
    const map = createSourceMap('a: [1,\nb: 2\n');
    expect(map.syntaxErrors.length).toBeGreaterThan(0);
    expect(map.value).toBeUndefined();
  });
});
