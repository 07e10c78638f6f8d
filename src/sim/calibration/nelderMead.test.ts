import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { nelderMead } from './nelderMead.ts';

const bowl = ([x, y]: readonly number[]) => (x! - 1) ** 2 + 10 * (y! + 2) ** 2;

describe('nelderMead', () => {
  it('converges on a bowl and says so', async () => {
    const r = await nelderMead({ objective: bowl, start: [0, 0], maxEvaluations: 1000, tolerance: 1e-8 });
    expect(r.stopped).toBe('converged');
    expect(r.point[0]).toBeCloseTo(1, 6);
    expect(r.point[1]).toBeCloseTo(-2, 6);
    expect(r.value).toBe(bowl(r.point));
    expect(r.evaluations).toBeLessThan(1000);
  });

  it('spends exactly the budget when it runs out, and returns the best point seen', async () => {
    const seen: number[] = [];
    const r = await nelderMead({
      objective: (p) => {
        const v = bowl(p);
        seen.push(v);
        return v;
      },
      start: [0, 0],
      maxEvaluations: 25,
      tolerance: 0,
    });
    expect(r.stopped).toBe('budget');
    expect(r.evaluations).toBe(25);
    expect(seen).toHaveLength(25);
    expect(r.value).toBe(Math.min(...seen));
  });

  it('restarts from the best point after converging while evaluations remain', async () => {
    const r = await nelderMead({ objective: bowl, start: [5, 5], maxEvaluations: 2000 });
    expect(r.restarts).toBeGreaterThanOrEqual(1);
  });

  it('treats NaN as worse than any number', async () => {
    const r = await nelderMead({
      objective: ([x]) => (x! < 0 ? Number.NaN : (x! - 2) ** 2),
      start: [0.5],
      maxEvaluations: 300,
    });
    expect(r.point[0]).toBeCloseTo(2, 5);
  });

  it('holds every coordinate within the limit', async () => {
    const seen: number[] = [];
    const r = await nelderMead({
      objective: ([x]) => {
        seen.push(x!);
        return x!;
      },
      start: [0],
      maxEvaluations: 200,
      limit: 8,
    });
    expect(Math.min(...seen)).toBe(-8);
    expect(r.point).toEqual([-8]);
    expect(r.stopped).toBe('converged');
  });

  it('rejects a budget smaller than the first simplex and an objective that returns no number', async () => {
    await expect(nelderMead({ objective: bowl, start: [0, 0], maxEvaluations: 2 })).rejects.toThrow(
      InputError,
    );
    await expect(
      nelderMead({ objective: () => 'x' as unknown as number, start: [0], maxEvaluations: 10 }),
    ).rejects.toThrow(/expected a number from the objective, got string/);
  });
});
