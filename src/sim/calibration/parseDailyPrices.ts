/** A daily price series from CSV text (`date,price` rows under a header), checked to have no gaps. */

/** Dates (UTC, YYYY-MM-DD) and prices, one row per consecutive day. */
export interface DailyPrices {
  readonly dates: readonly string[];
  readonly prices: readonly number[];
}

const DAY_MS = 86_400_000;

/**
 * Parse `date,price` rows (first line is a header, extra columns are ignored); throws on a bad row or
 * a missing day, because the estimator reads one return per calendar day.
 * @example parseDailyPrices('date,close_usd\n2023-03-03,100\n2023-03-04,101\n')
 */
export function parseDailyPrices(text: string): DailyPrices {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const dates: string[] = [];
  const prices: number[] = [];
  let previous = Number.NaN;
  for (let i = 1; i < lines.length; i++) {
    const [date = '', price = ''] = (lines[i] as string).split(',');
    const t = Date.parse(`${date}T00:00:00Z`);
    const p = Number(price);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(t) || price.trim() === '' || !Number.isFinite(p)) {
      throw new RangeError(`line ${i + 1}: expected "YYYY-MM-DD,price", got "${lines[i]}"`);
    }
    if (i > 1 && t !== previous + DAY_MS) {
      throw new RangeError(`line ${i + 1}: ${date} does not follow ${dates.at(-1)} by one day`);
    }
    previous = t;
    dates.push(date);
    prices.push(p);
  }
  return { dates, prices };
}
