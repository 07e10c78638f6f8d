/**
 * IP addresses as the chain stores an axon's: an integer with its version (`ip: u128`, `ip_type: 4 | 6`).
 * Text in, integer stored, text out again, so a state never holds two spellings of one address.
 */

/** An address as the chain encodes it. */
export interface IpAddress {
  /** IPv4: the 32-bit address; IPv6: the 128-bit address (network byte order read as a big-endian integer). */
  readonly ip: bigint;
  readonly ipType: 4 | 6;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;
const GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let ip = 0n;
  for (const p of parts) {
    if (!OCTET.test(p)) return null; // no leading zeros: "010" would read as octal elsewhere
    const octet = Number(p);
    if (octet > 255) return null;
    ip = (ip << 8n) | BigInt(octet);
  }
  return ip;
}

/** The 16-bit groups of one side of `::` (an IPv4 tail counts as two), or null when malformed. */
function groups(side: string, last: boolean): bigint[] | null {
  if (side === '') return [];
  const parts = side.split(':');
  const out: bigint[] = [];
  for (const [i, p] of parts.entries()) {
    if (last && i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (v4 === null) return null;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (GROUP.test(p)) {
      out.push(BigInt(`0x${p}`));
    } else {
      return null;
    }
  }
  return out;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  let all: bigint[];
  if (halves.length === 1) {
    const g = groups(text, true);
    if (g === null || g.length !== 8) return null;
    all = g;
  } else {
    const head = groups(halves[0]!, false);
    const tail = groups(halves[1]!, true);
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    all = [...head, ...Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  }
  return all.reduce((ip, g) => (ip << 16n) | g, 0n);
}

/**
 * Parse an IPv4 (`203.0.113.7`) or IPv6 (`2001:db8::1`, `::ffff:192.0.2.1`) address; null when the text is
 * neither (no brackets, ports, zone ids or prefix lengths).
 * @example parseIp('10.0.0.1') // { ip: 167772161n, ipType: 4 }
 */
export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const ip = parseIpv6(text);
    return ip === null ? null : { ip, ipType: 6 };
  }
  const ip = parseIpv4(text);
  return ip === null ? null : { ip, ipType: 4 };
}

/**
 * The canonical text of an address: dotted decimal, or RFC 5952 IPv6 (lowercase, no leading zeros, the
 * longest run of two or more zero groups, the first on a tie, written `::`).
 */
export function formatIp({ ip, ipType }: IpAddress): string {
  if (ipType === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip >> s) & 0xffn)).join('.');
  const g = Array.from({ length: 8 }, (_, i) => Number((ip >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  if (best.length < 2) return hex(g);
  return `${hex(g.slice(0, best.start))}::${hex(g.slice(best.start + best.length))}`;
}
