import { describe, expect, it } from 'vitest';
import { ScoreBook } from './scoreBook.ts';

describe('ScoreBook', () => {
  it('moves each average toward the round score by alpha', () => {
    const book = new ScoreBook(0.5);
    expect([book.update('a', 1), book.update('a', 1), book.update('a', 0)]).toEqual([0.5, 0.75, 0.375]);
    expect(book.get('b')).toBe(0);
  });

  it('counts a score outside 0..1 or not a number as its nearest bound or 0', () => {
    const book = new ScoreBook(1);
    expect([book.update('a', 2), book.update('a', -1), book.update('a', Number.NaN)]).toEqual([1, 0, 0]);
  });

  it('forgets hotkeys that left, so a new hotkey on the UID starts from zero', () => {
    const book = new ScoreBook(0.5);
    book.update('old', 1);
    book.keepOnly(['new']);
    expect(book.get('old')).toBe(0);
  });
});
