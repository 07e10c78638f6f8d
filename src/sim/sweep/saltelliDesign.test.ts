import { describe, expect, it } from 'vitest';
import { saltelliDesign, saltelliOffset } from './saltelliDesign.ts';

describe('saltelliDesign', () => {
  it('lays out A, B and each A_B^(i): A with column i from B', () => {
    const n = 8;
    const k = 3;
    const rows = saltelliDesign({ n, parameters: k });
    expect(rows).toHaveLength(n * (k + 2));
    const a = rows.slice(saltelliOffset({ kind: 'A' }, n), n);
    const b = rows.slice(saltelliOffset({ kind: 'B' }, n), 2 * n);
    for (let i = 0; i < k; i++) {
      const at = saltelliOffset({ kind: 'AB', parameter: i }, n);
      for (let j = 0; j < n; j++)
        expect(rows[at + j], `A_B^(${i + 1}) row ${j}`).toEqual(
          a[j]!.map((x, p) => (p === i ? b[j]![p] : x)),
        );
    }
  });

  it('refuses a base size that is not a power of 2', () => {
    expect(() => saltelliDesign({ n: 12, parameters: 2 })).toThrow(/samples: expected a power of 2/);
  });
});
