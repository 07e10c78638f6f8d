import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIp, parseIp } from './ipAddress.ts';

describe('parseIp and formatIp', () => {
  it('reads IPv4 as its 32-bit integer', () => {
    expect(parseIp('10.0.0.1')).toEqual({ ip: (10n << 24n) + 1n, ipType: 4 });
    expect(parseIp('0.0.0.0')).toEqual({ ip: 0n, ipType: 4 });
    expect(parseIp('255.255.255.255')).toEqual({ ip: (1n << 32n) - 1n, ipType: 4 });
  });

  it('reads IPv6 with and without ::, and with an IPv4 tail', () => {
    expect(parseIp('2001:db8::1')).toEqual({ ip: (0x2001n << 112n) + (0xdb8n << 96n) + 1n, ipType: 6 });
    expect(parseIp('2001:0DB8:0:0:0:0:0:1')).toEqual(parseIp('2001:db8::1'));
    expect(parseIp('::')).toEqual({ ip: 0n, ipType: 6 });
    expect(parseIp('::ffff:192.0.2.1')).toEqual({
      ip: (0xffffn << 32n) + (192n << 24n) + (2n << 8n) + 1n,
      ipType: 6,
    });
    expect(parseIp('1:2:3:4:5:6:7::')?.ip).toBe(
      [1n, 2n, 3n, 4n, 5n, 6n, 7n, 0n].reduce((a, g) => (a << 16n) | g, 0n),
    );
  });

  it('refuses text that is no address', () => {
    for (const text of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3.-4',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7::8',
      '1:2:3:4:5:6:7',
      'gggg::',
      '12345::',
      '[::1]',
      'fe80::1%eth0',
      '::1.2.3',
      '1.2.3.4:80',
      'localhost',
    ]) {
      expect(parseIp(text), text).toBeNull();
    }
  });

  it('writes IPv6 as RFC 5952 says: lowercase, short groups, the first longest zero run as ::', () => {
    const canonical = (t: string) => formatIp(parseIp(t)!);
    expect(canonical('2001:0DB8:0000:0000:0000:FF00:0042:8329')).toBe('2001:db8::ff00:42:8329');
    expect(canonical('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonical('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonical('0:0:0:0:0:0:0:0')).toBe('::');
    expect(canonical('1:0:0:0:0:0:0:0')).toBe('1::');
    expect(canonical('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonical('::ffff:192.0.2.1')).toBe('::ffff:c000:201');
  });

  it('gives back the same integer from its own text, for any address', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (ip) => {
        expect(parseIp(formatIp({ ip, ipType: 6 }))).toEqual({ ip, ipType: 6 });
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (ip) => {
        expect(parseIp(formatIp({ ip, ipType: 4 }))).toEqual({ ip, ipType: 4 });
      }),
    );
  });
});
