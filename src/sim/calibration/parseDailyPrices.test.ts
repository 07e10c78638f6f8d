import { describe, expect, it } from 'vitest';
import { parseDailyPrices } from './parseDailyPrices.ts';

describe('parseDailyPrices', () => {
  it('reads dates and prices under a header, across a month end', () => {
    const s = parseDailyPrices('date,close_usd\n2023-03-31,100.5\r\n2023-04-01,101\n\n');
    expect(s).toEqual({ dates: ['2023-03-31', '2023-04-01'], prices: [100.5, 101] });
  });

  it('rejects a missing day and a bad row', () => {
    expect(() => parseDailyPrices('date,p\n2023-03-01,1\n2023-03-03,1\n')).toThrow(/does not follow/);
    expect(() => parseDailyPrices('date,p\n2023-03-01,abc\n')).toThrow(/line 2/);
    expect(() => parseDailyPrices('date,p\n03/01/2023,1\n')).toThrow(/line 2/);
  });
});
