import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPercent,
  formatSigned,
  formatStat,
  formatValue,
  ordinal,
} from './formatValue.ts';

describe('formatValue', () => {
  it('formats plain numbers at every magnitude', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(12.3456)).toBe('12.35');
    expect(formatNumber(4421.2)).toBe('4,421');
    expect(formatNumber(44_593)).toBe('44.6K');
    expect(formatNumber(-123_456)).toBe('-123K');
    expect(formatNumber(1_234_567)).toBe('1.23M');
    expect(formatNumber(999_999_999)).toBe('1B');
    expect(formatNumber(4.5e12)).toBe('4.5T');
    expect(formatNumber(1e15)).toBe('1e15');
    expect(formatNumber(-2.5e30)).toBe('-2.5e30');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
  });

  it('says what a non-finite value is instead of printing NaN', () => {
    expect(formatNumber(Number.NaN)).toBe('n/a');
    expect(formatValue(Number.POSITIVE_INFINITY, 'USD')).toBe('∞');
    expect(formatValue(Number.NEGATIVE_INFINITY, 'return')).toBe('-∞');
  });

  it('formats each unit', () => {
    expect(formatValue(1234.5, 'USD')).toBe('$1,235');
    expect(formatValue(-2_500_000, 'USD')).toBe('-$2.5M');
    expect(formatValue(350, 'TAO')).toBe('350 TAO');
    expect(formatValue(1.05, 'ratio')).toBe('1.05');
    expect(formatValue(0.123, 'share')).toBe('12.3%');
    expect(formatValue(0.045, 'return')).toBe('+4.5%');
    expect(formatValue(-0.5, 'return')).toBe('-50%');
    expect(formatValue(123_456, 'count')).toBe('123,456');
    expect(formatValue(12.345, 'count')).toBe('12.35');
  });

  it('signs contributions to a log return', () => {
    expect([0.12, -0.031, 0, 2.5e-7, Number.NaN].map(formatSigned)).toEqual([
      '+0.12',
      '-0.031',
      '0',
      '+2.5e-7',
      'n/a',
    ]);
  });

  it('formats statistics and percentile labels', () => {
    expect(formatStat(-1.79e-14)).toBe('0.00');
    expect(formatStat(2.0987)).toBe('2.10');
    expect(['1', '2', '3', '5', '11', '22', '99'].map((n) => ordinal(Number(n)))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '5th',
      '11th',
      '22nd',
      '99th',
    ]);
  });

  it('keeps percentages readable when small or huge', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.00123)).toBe('0.12%');
    expect(formatPercent(250)).toBe('25,000%');
    expect(formatPercent(1e-7)).toBe('1e-5%');
  });
});
