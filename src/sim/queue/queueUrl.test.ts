import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { parseQueueUrl } from './queueUrl.ts';

describe('parseQueueUrl', () => {
  it('reads host, port and database, with the default port when none is given', () => {
    expect(parseQueueUrl('redis://127.0.0.1:7001')).toEqual({
      url: 'redis://127.0.0.1:7001',
      host: '127.0.0.1',
      port: 7001,
      db: 0,
      tls: false,
    });
    const t = parseQueueUrl('rediss://queue.example:6380/2');
    expect([t.host, t.port, t.db, t.tls]).toEqual(['queue.example', 6380, 2, true]);
    expect(parseQueueUrl('redis://localhost').port).toBe(6379);
    expect(parseQueueUrl('redis://[::1]:7000').host).toBe('::1');
  });

  it('keeps the password for the connection and hides it in the URL it shows', () => {
    const t = parseQueueUrl('redis://runner:s%40cret@10.0.0.5:6379');
    expect(t.password).toBe('s@cret');
    expect(t.username).toBe('runner');
    expect(t.url).toBe('redis://runner:***@10.0.0.5:6379');
    expect(t.url).not.toContain('cret');
  });

  it.each([
    ['http://127.0.0.1:6379', 'unsupported scheme "http:"'],
    ['127.0.0.1:6379', 'is not a URL'],
    ['localhost:6379', 'unsupported scheme "localhost:"'],
    ['not a url', 'is not a URL'],
    ['redis://127.0.0.1:6379/x', 'database "x"'],
    ['redis://127.0.0.1:6379?db=1', 'query or fragment'],
  ])('refuses %s naming the option and the expected form', (text, why) => {
    let error: unknown;
    try {
      parseQueueUrl(text, '--queue');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('--queue');
    expect((error as Error).message).toContain(why);
    expect((error as Error).message).toContain('redis://HOST:PORT');
  });
});
