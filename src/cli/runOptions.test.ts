import { describe, expect, it } from 'vitest';
import { parseQueueUrl } from '../sim/queue/queueUrl.ts';
import { parseShard } from './runOptions.ts';

describe('--shard', () => {
  it('reads k/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it('refuses anything else, naming the option and the fix', () => {
    const cases: [string, string][] = [
      ['0/3', '--shard: expected k from 1 to 3 in k/3, got 0; shards are numbered 1 to n'],
      ['4/3', '--shard: expected k from 1 to 3 in k/3, got 4; shards are numbered 1 to n'],
      ['3', '--shard: expected k/n, shard k of n with k from 1 to n (e.g. 2/3), got "3"'],
      ['a/b', '--shard: expected k/n, shard k of n with k from 1 to n (e.g. 2/3), got "a/b"'],
      ['1/0', '--shard: expected a shard count n ≥ 1 in k/n, got 0'],
    ];
    for (const [text, message] of cases) expect(() => parseShard(text)).toThrow(message);
  });
});

describe('--queue', () => {
  it('is parsed where the option is declared', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6379').port).toBe(6379);
  });
});
