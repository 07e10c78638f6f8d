import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import type { ModelShape } from '../contract/types.ts';
import { createRunsCsvWriter } from './runsCsvWriter.ts';

const dir = createTempDirs('tm-csv-')();
const metric = (key: string) => ({ key, label: key, unit: 'count' as const, description: key });

describe('runs.csv writer', () => {
  it('writes one row per run with every outcome and event, quoting messages', () => {
    const shape: ModelShape = { series: [], outcomes: [metric('a'), metric('b')], events: [metric('e')] };
    const path = join(dir, 'runs.csv');
    const w = createRunsCsvWriter({ path, shape });
    const output = { steps: Int32Array.of(0), series: new Float64Array(0) };
    w.write({
      runIndex: 0,
      ok: true,
      output: { ...output, outcomes: Float64Array.of(0.1, -2e-7), events: Uint8Array.of(1) },
    });
    w.write({ runIndex: 1, ok: false, message: 'bad "value", see\nlog' });
    w.write({
      runIndex: 2,
      ok: true,
      output: { ...output, outcomes: Float64Array.of(Number.NaN, 3), events: Uint8Array.of(0) },
    });
    w.close();
    expect(readFileSync(path, 'utf8')).toBe(
      'run,status,a,b,e,error\n0,ok,0.1,-2e-7,1,\n1,error,,,,"bad ""value"", see\nlog"\n2,ok,NaN,3,0,\n',
    );
  });

  it('handles a shape without outcomes or events', () => {
    const path = join(dir, 'empty.csv');
    const w = createRunsCsvWriter({ path, shape: { series: [], outcomes: [], events: [] } });
    w.write({
      runIndex: 0,
      ok: true,
      output: {
        steps: new Int32Array(0),
        series: new Float64Array(0),
        outcomes: new Float64Array(0),
        events: new Uint8Array(0),
      },
    });
    w.write({ runIndex: 1, ok: false, message: 'x' });
    w.close();
    expect(readFileSync(path, 'utf8')).toBe('run,status,error\n0,ok,\n1,error,x\n');
  });
});
