import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../test/support/tempDirs.ts';
import { InputError } from '../engine/errors.ts';
import { runConformance } from './conformance.ts';

const dir = createTempDirs('tm-conformance-')();
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('conformance runner', () => {
  it('passes, fails and flags unsupported kinds, ignoring unknown fields', () => {
    const path = file(
      'mixed.json',
      JSON.stringify({
        area: 'test',
        extra_field: { ignored: true },
        vectors: [
          {
            name: 'ok',
            kind: 'block_emission',
            inputs: { issuance: [0] },
            expected: { emission: [1e9] },
            note: 'x',
          },
          { name: 'bad', kind: 'block_emission', inputs: { issuance: [0] }, expected: { emission: [7] } },
          { name: 'new', kind: 'no_such_kind', inputs: {}, expected: { x: 1 } },
        ],
      }),
    );
    const results = runConformance([path]);
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail', 'unsupported']);
    expect(results[1]!.details.join()).toMatch(/emission\[0\]: expected 7, got 1000000000/);
  });

  it('keeps integers above 2^53 exact', () => {
    const path = file(
      'big.json',
      '{"vectors":[{"name":"max","kind":"block_emission","inputs":{"issuance":[18446744073709551615]},"expected":{"emission":[0]}}]}',
    );
    expect(runConformance([path])[0]!.status).toBe('pass');
  });

  it('reports a malformed file with its name and the field', () => {
    const broken = file('broken.json', '{"vectors": [');
    expect(() => runConformance([broken])).toThrow(InputError);
    expect(() => runConformance([broken])).toThrow(/broken\.json/);
    const noKind = file('nokind.json', '{"vectors": [{"name": "a", "inputs": {}, "expected": {}}]}');
    expect(() => runConformance([noKind])).toThrow(/vectors\[0\]\.kind/);
  });
});
