import { describe, expect, it } from 'vitest';
import { parseRunsCsv } from './readRunsCsv.ts';

describe('parseRunsCsv', () => {
  it('reads outcomes by run index; errored runs and quoted messages become NaN', () => {
    const text = 'run,status,a,b,error\n0,ok,1.5,0,\n1,error,,,"bad, ""thing""\nsecond line"\n2,ok,-3,1,\n';
    const t = parseRunsCsv(text, 'runs.csv');
    expect(t.runs).toBe(3);
    expect(Array.from(t.columns.get('a')!)).toEqual([1.5, Number.NaN, -3]);
    expect(Array.from(t.columns.get('b')!)).toEqual([0, Number.NaN, 1]);
  });

  it('names the file when the header is not a runs.csv', () => {
    expect(() => parseRunsCsv('x,y\n1,2\n', 'out/x/runs.csv')).toThrow(/out\/x\/runs.csv/);
  });
});
