/**
 * The address a miner on a local network binds and announces with `serve_axon`. The chain refuses
 * 127.0.0.1 (as subtensor does), so on Linux, where the whole 127.0.0.0/8 block is loopback, a local
 * miner uses 127.0.0.2: reachable from this machine only. Elsewhere it uses the first non-loopback IPv4
 * address of the machine's interfaces. Nothing is looked up outside the machine.
 */
import { networkInterfaces, platform } from 'node:os';

/**
 * The IPv4 address to bind and announce.
 * @example localAxonAddress() // '127.0.0.2' on Linux
 */
export function localAxonAddress(): string {
  if (platform() === 'linux') return '127.0.0.2';
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error(
    'no IPv4 address other than loopback on this machine; pass the miner an address to announce',
  );
}
