import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from './isOwnOrigin.ts';

describe('isOwnOrigin', () => {
  it.each([
    ['no origin (not a page)', { host: '127.0.0.1:8080' }, true],
    ['the page itself', { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' }, true],
    ['the page by localhost', { host: 'localhost:8080', origin: 'http://localhost:8080' }, true],
    ['the page over IPv6', { host: '[::1]:8080', origin: 'http://[::1]:8080' }, true],
    ['another site', { host: '127.0.0.1:8080', origin: 'http://example.com' }, false],
    ['another port', { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:9000' }, false],
    ['a name made to point here', { host: 'evil.example:8080', origin: 'http://evil.example:8080' }, false],
    ['an opaque origin', { host: '127.0.0.1:8080', origin: 'null' }, false],
  ])('%s', (_, headers, expected) => {
    expect(isOwnOrigin(headers)).toBe(expected);
  });
});
