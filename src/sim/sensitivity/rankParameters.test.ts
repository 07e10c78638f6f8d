import { describe, expect, it } from 'vitest';
import { headlineFigures } from './headlineFigures.ts';
import { labelInSentence } from './labelInSentence.ts';
import { rankParameters, screenRule } from './rankParameters.ts';
import type { HeadlineFigures } from './sensitivityScreen.ts';

const effect = (parameter: string, atLow: HeadlineFigures, atHigh: HeadlineFigures) => ({
  parameter,
  value: 1,
  low: 0.5,
  high: 2,
  source: 'test',
  atLow,
  atHigh,
});
const at = (median: number, probLoss: number) => ({ median, probLoss });

describe('headlineFigures', () => {
  it('gives the exact median (odd and even counts) and the share below zero of the finite values', () => {
    expect(headlineFigures(Float64Array.of(3, -1, 2))).toEqual({ median: 2, probLoss: 1 / 3 });
    expect(headlineFigures(Float64Array.of(4, -1, 2, Number.NaN, 10))).toEqual({ median: 3, probLoss: 0.25 });
    expect(headlineFigures(Float64Array.of(0, 0))).toEqual({ median: 0, probLoss: 0 });
    expect(headlineFigures(Float64Array.of(Number.NaN))).toEqual({
      median: Number.NaN,
      probLoss: Number.NaN,
    });
  });
});

describe('rankParameters', () => {
  const base = at(0, 0.5);
  it('ranks by the larger change of the median at either end, then of P(loss), then by name', () => {
    const ranked = rankParameters(
      [
        effect('small', at(-0.1, 0.6), at(0.05, 0.5)),
        effect('oneSided', at(0, 0.5), at(-0.4, 0.9)),
        effect('big', at(-0.3, 0.7), at(0.3, 0.2)),
        // Same median change as "small": the larger P(loss) change wins the tie.
        effect('tieMoreLoss', at(0.1, 0.9), at(0, 0.5)),
        // No effect at all: ties with "noEffectA", ordered by name.
        effect('noEffectB', at(0, 0.5), at(0, 0.5)),
        effect('noEffectA', at(0, 0.5), at(0, 0.5)),
        // Undefined figures go last.
        effect('undefined', at(Number.NaN, Number.NaN), at(Number.NaN, Number.NaN)),
      ],
      base,
    );
    expect(ranked.map((p) => `${p.rank}:${p.parameter}`)).toEqual([
      '1:oneSided',
      '2:big',
      '3:tieMoreLoss',
      '4:small',
      '5:noEffectA',
      '6:noEffectB',
      '7:undefined',
    ]);
  });

  it('states the rule with the outcome’s label', () => {
    expect(screenRule('Holder return')).toMatch(
      /^ranked by the larger change in the median holder return .* either end .* then by name$/,
    );
  });
});

describe('labelInSentence', () => {
  it('lowers the first letter unless it starts an acronym', () => {
    expect(['Return', 'TAO holder return', 'Holder return', 'X', ''].map(labelInSentence)).toEqual([
      'return',
      'TAO holder return',
      'holder return',
      'x',
      '',
    ]);
  });
});
