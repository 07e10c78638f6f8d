import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from './runRecord.ts';
import { runRecordFromJson, runRecordToJson } from './runRecordJson.ts';

const bits = (a: Float64Array) => [...new BigUint64Array(a.buffer, a.byteOffset, a.length)].map(String);

describe('run records as JSON', () => {
  it('bring every float back bit for bit, NaN, −0 and infinities included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double()),
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
        fc.array(fc.integer({ min: 0, max: 1 })),
        (series, steps, events) => {
          const record: RunRecord = {
            runIndex: 7,
            ok: true,
            output: {
              steps: Int32Array.from(steps),
              series: Float64Array.from(series),
              outcomes: Float64Array.from([...series].reverse()),
              events: Uint8Array.from(events),
            },
          };
          const back = runRecordFromJson(JSON.parse(JSON.stringify(runRecordToJson(record))));
          expect(back.ok).toBe(true);
          if (!back.ok || !record.ok) return;
          expect(bits(back.output.series)).toEqual(bits(record.output.series));
          expect(bits(back.output.outcomes)).toEqual(bits(record.output.outcomes));
          expect([...back.output.steps]).toEqual(steps);
          expect([...back.output.events]).toEqual(events);
        },
      ),
    );
  });

  it('keep an errored run’s message', () => {
    const record: RunRecord = { runIndex: 3, ok: false, message: 'Error: boom\n    at run' };
    expect(runRecordFromJson(runRecordToJson(record))).toEqual(record);
  });

  it('read arrays that are views into a larger buffer', () => {
    const shared = new Float64Array([1, 2, 3, 4]);
    const record: RunRecord = {
      runIndex: 0,
      ok: true,
      output: {
        steps: new Int32Array([0, 1]),
        series: shared.subarray(1, 3),
        outcomes: new Float64Array([-0]),
        events: new Uint8Array(0),
      },
    };
    const back = runRecordFromJson(runRecordToJson(record));
    expect(back.ok && [...back.output.series]).toEqual([2, 3]);
    expect(back.ok && Object.is(back.output.outcomes[0], -0)).toBe(true);
  });

  it('refuse a damaged record, naming the field', () => {
    const good = runRecordToJson({
      runIndex: 1,
      ok: true,
      output: {
        steps: new Int32Array([0]),
        series: new Float64Array([1.5]),
        outcomes: new Float64Array([2]),
        events: new Uint8Array([1]),
      },
    });
    const cases: [unknown, string][] = [
      [null, 'line 4: expected a run record object'],
      [{ ...good, runIndex: -1 }, 'line 4.runIndex'],
      [{ ...good, ok: 'yes' }, 'line 4.ok'],
      [{ ...good, series: 'AAAA' }, 'line 4.series: 3 bytes is not a whole number of 8-byte values'],
      [{ ...good, outcomes: 'not base64!' }, 'line 4.outcomes'],
      [{ runIndex: 1, ok: false }, 'line 4.message'],
    ];
    for (const [json, message] of cases) expect(() => runRecordFromJson(json, 'line 4')).toThrow(message);
  });
});
