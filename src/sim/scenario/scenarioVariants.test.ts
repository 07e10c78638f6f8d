import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectOk } from '../../../test/support/expectOk.ts';
import { parseScenario } from './parseScenario.ts';

const modelSchema = z.object({
  a: z.number().default(1),
  pack: z.enum(['x', 'y']).default('x'),
  nested: z.object({ c: z.number().default(2), d: z.number().default(3) }).prefault({}),
});

const parse = (text: string) => parseScenario({ text, file: 'v.yaml', modelSchema });

describe('scenario variants', () => {
  it("lay each variant's changes over the scenario's model section", () => {
    const r = parse(
      'name: v\nmodel:\n  a: 5\n  nested: { c: 7 }\nvariants:\n  - name: base\n  - name: other\n    title: Other\n    model:\n      pack: y\n      nested: { d: 9 }\n',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.variants).toEqual([
      { name: 'base', title: 'base', description: '', model: { a: 5, pack: 'x', nested: { c: 7, d: 3 } } },
      { name: 'other', title: 'Other', description: '', model: { a: 5, pack: 'y', nested: { c: 7, d: 9 } } },
    ]);
  });

  it('locates a bad value and an unknown field inside a variant', () => {
    const r = parse('name: v\nvariants:\n  - name: a\n    model:\n      pack: z\n      nestd: 1\n');
    expect(r).toMatchObject({ ok: false });
    if (r.ok) return;
    const text = r.issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`);
    expect(
      text.some((t) => t.startsWith('5:') && t.includes('variants[0].model.pack') && t.includes('"x"')),
      text.join('\n'),
    ).toBe(true);
    expect(
      text.some((t) => t.startsWith('6:') && t.includes('nestd') && t.includes('nested')),
      text.join('\n'),
    ).toBe(true);
  });

  it('rejects two variants with one name', () => {
    const r = parse('name: v\nvariants:\n  - name: a\n  - name: a\n');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.issues[0]?.path).toBe('variants[1].name');
  });

  it('leaves scenarios without variants as they were', () => {
    const r = parse('name: v\n');
    expectOk(r);
    expect(r.scenario.variants).toBeUndefined();
  });
});
