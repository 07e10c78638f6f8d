import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../invariants/checkInvariants.ts';
import type { ChainState } from '../../state/types.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { formatIp } from '../ipAddress.ts';
import { outcome, servingChain, servingNetwork, subnetOne } from './servingNetwork.testkit.ts';

const { advanceUntil, block } = servingChain(checkInvariants);

const serve = (over: Partial<Extrinsic & { call: 'serve_axon' }> = {}): Extrinsic => ({
  call: 'serve_axon',
  signer: 'miner',
  netuid: 1,
  ip: '203.0.113.7',
  port: 8091,
  protocol: 4,
  version: 720,
  ...over,
});

const axonOf = (s: ChainState, hk: string) => subnetOne(s).neurons.find((n) => n.hotkey === hk)!.axon;

describe('serve_axon', () => {
  it('stores the endpoint on the neuron with the block, and emits AxonServed', () => {
    const start = servingNetwork();
    expect(axonOf(start, 'miner')).toBeNull();
    const r = block(start, [serve()]);
    expect(outcome(r)).toBe('ok');
    const axon = axonOf(r.state, 'miner')!;
    expect(axon).toMatchObject({ block: r.state.block, port: 8091, protocol: 4, version: 720, ipType: 4 });
    expect(formatIp(axon)).toBe('203.0.113.7');
    expect(r.events).toContainEqual({ type: 'AxonServed', netuid: 1, hotkey: 'miner' });
    expect(axonOf(r.state, 'val')).toBeNull();
  });

  it('stores IPv6 addresses as their 128-bit integer', () => {
    const r = block(servingNetwork(), [serve({ ip: '2001:DB8::0:7' })]);
    expect(outcome(r)).toBe('ok');
    const axon = axonOf(r.state, 'miner')!;
    expect(axon.ipType).toBe(6);
    expect(formatIp(axon)).toBe('2001:db8::7');
  });

  it('allows one serve per servingRateLimit blocks (50 by default)', () => {
    const first = block(servingNetwork(), [serve()]).state;
    expect(subnetOne(first).servingRateLimit).toBe(50);
    const servedAt = axonOf(first, 'miner')!.block;
    expect(outcome(block(first, [serve({ port: 9000 })]))).toBe('ServingRateLimitExceeded');
    const almost = advanceUntil(first, (s) => s.block + 1 === servedAt + 49);
    expect(outcome(block(almost, [serve({ port: 9000 })]))).toBe('ServingRateLimitExceeded');
    const later = block(block(almost).state, [serve({ port: 9000 })]);
    expect(outcome(later)).toBe('ok');
    expect(axonOf(later.state, 'miner')!.port).toBe(9000);
  });

  it('has no limit once the owner sets servingRateLimit to 0', () => {
    const first = block(servingNetwork(), [
      { call: 'sudo_set_hyperparameter', signer: 'owner', netuid: 1, name: 'servingRateLimit', value: 0 },
      serve(),
    ]).state;
    expect(outcome(block(first, [serve({ port: 1 })]))).toBe('ok');
  });

  it('rejects with the chain codes, naming the field', () => {
    const start = servingNetwork();
    const cases: [Partial<Extrinsic & { call: 'serve_axon' }>, string, string][] = [
      [{ netuid: 7 }, 'SubnetNotExists', 'netuid'],
      [{ signer: 'stranger' }, 'HotKeyNotRegisteredInNetwork', 'signer'],
      [{ ip: 'not-an-ip' }, 'InvalidIpAddress', 'ip'],
      [{ ip: '127.0.0.1' }, 'InvalidIpAddress', 'ip'],
      [{ ip: '255.255.255.255' }, 'InvalidIpAddress', 'ip'],
      [{ ip: '::1' }, 'InvalidIpAddress', 'ip'],
      [{ ip: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' }, 'InvalidIpAddress', 'ip'],
      [{ port: 0 }, 'InvalidPort', 'port'],
      [{ port: 65_536 }, 'InvalidPort', 'port'],
      [{ port: 80.5 }, 'InvalidPort', 'port'],
      [{ protocol: 256 }, 'InvalidValue', 'protocol'],
      [{ version: -1 }, 'InvalidValue', 'version'],
      [{ version: 2 ** 32 }, 'InvalidValue', 'version'],
    ];
    for (const [over, code, field] of cases) {
      const r = block(start, [serve(over)]);
      const receipt = r.receipts[0]!;
      expect(receipt.ok ? 'ok' : [receipt.error.code, receipt.error.field], JSON.stringify(over)).toEqual([
        code,
        field,
      ]);
      expect(axonOf(r.state, 'miner')).toBeNull();
    }
  });

  it('serves the zero address (the chain allows it for tests)', () => {
    expect(outcome(block(servingNetwork(), [serve({ ip: '0.0.0.0' })]))).toBe('ok');
  });
});
