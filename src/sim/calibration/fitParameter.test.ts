import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { checkFitParameters, type FitParameter } from './fitParameter.ts';

const good: FitParameter = { name: 'market.depth', low: 0.1, high: 10, start: 1, scale: 'log' };

function fieldOf(parameters: readonly FitParameter[]): string {
  try {
    checkFitParameters(parameters);
  } catch (error) {
    if (error instanceof InputError) return error.field;
    throw error;
  }
  return '(accepted)';
}

describe('checkFitParameters', () => {
  it('accepts a parameter with a start within its range, bounds included', () => {
    expect(fieldOf([good, { name: 'teams.exitHazardPerYear', low: 0, high: 1, start: 0 }])).toBe(
      '(accepted)',
    );
  });

  it('names the field at fault', () => {
    expect(fieldOf([])).toBe('parameters');
    expect(fieldOf([{ ...good, name: '' }])).toBe('parameters[0].name');
    expect(fieldOf([good, good])).toBe('parameters[1].name');
    expect(fieldOf([{ ...good, low: 10, high: 10 }])).toBe('parameters[0]');
    expect(fieldOf([{ ...good, high: Number.POSITIVE_INFINITY }])).toBe('parameters[0]');
    expect(fieldOf([{ ...good, low: 0 }])).toBe('parameters[0].low');
    expect(fieldOf([{ ...good, start: 11 }])).toBe('parameters[0].start');
    expect(fieldOf([{ ...good, start: Number.NaN }])).toBe('parameters[0].start');
  });

  it('says how to fix a log scale that reaches 0', () => {
    expect(() => checkFitParameters([{ ...good, low: 0 }])).toThrow(/raise low or use scale 'linear'/);
  });
});
