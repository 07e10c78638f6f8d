import { describe, expect, it } from 'vitest';
import { readCsv } from './readCsv.ts';

describe('readCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const { records, problems } = readCsv('a,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n3,,\n');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(records[1]!.fields).toEqual(['1', 'x, y', 'say "hi"']);
    expect(records[2]!.fields).toEqual(['2', 'two\nlines', 'z']);
    expect(records[3]!.fields).toEqual(['3', '', '']);
  });

  it('accepts a last record without a line end, skips blank lines and a BOM', () => {
    const { records } = readCsv('\ufeffa,b\n\n1,2');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('reports an unterminated quote at the line the record starts on', () => {
    const { problems } = readCsv('a,b\n1,"open\nstill open');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.message).toMatch(/not closed/);
  });

  it('reports stray quotes', () => {
    const { problems } = readCsv('a,b\n1,"x"y\n2,a"b\n');
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });
});
