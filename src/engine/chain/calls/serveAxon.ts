/**
 * `serve_axon`: a registered hotkey publishes the endpoint its miner or validator answers on (the chain's
 * `Axons` entry, kept here on the neuron and cleared when its UID is replaced). Limited to one call per
 * `servingRateLimit` blocks per hotkey; the first one is free.
 */

import { U32_MAX, U128_MAX } from '../../fixed/index.ts';
import type { AxonInfo, SubnetState } from '../../state/types.ts';
import { hotkey, netuid } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { type IpAddress, parseIp } from '../ipAddress.ts';

const IPV4_LOCALHOST = 0x7f00_0001n;

/** `is_valid_ip_address` with zero allowed: not localhost, not the all-ones address. */
function servable({ ip, ipType }: IpAddress): boolean {
  return ipType === 4 ? ip < U32_MAX && ip !== IPV4_LOCALHOST : ip !== U128_MAX && ip !== 1n;
}

/** `axon_passes_rate_limit`: a block of 0 means never served, as on the chain. */
function passesServingRateLimit(subnet: SubnetState, axon: AxonInfo | null, block: number): boolean {
  const limit = subnet.servingRateLimit;
  return limit === 0 || axon === null || axon.block === 0 || block - axon.block >= limit;
}

const isUint = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

export const serveAxon: CallHandler<Extrinsic & { call: 'serve_axon' }> = ({ draft, events }, ext) => {
  const id = netuid(ext.netuid);
  if (!draft.hasSubnet(id)) return rejection('SubnetNotExists', 'netuid', `no subnet ${ext.netuid}`);
  const subnet = draft.read(id);
  const hk = hotkey(ext.signer);
  const uid = subnet.neurons.findIndex((n) => n.hotkey === hk);
  if (uid < 0)
    return rejection('HotKeyNotRegisteredInNetwork', 'signer', `hotkey is not registered on subnet ${id}`);
  const address = typeof ext.ip === 'string' ? parseIp(ext.ip) : null;
  if (address === null || !servable(address)) {
    return rejection(
      'InvalidIpAddress',
      'ip',
      'must be an IPv4 or IPv6 address other than localhost and the all-ones address',
    );
  }
  const neuron = subnet.neurons[uid]!;
  if (!passesServingRateLimit(subnet, neuron.axon, draft.block)) {
    return rejection(
      'ServingRateLimitExceeded',
      'signer',
      `wait ${subnet.servingRateLimit} blocks between serves`,
    );
  }
  if (!isUint(ext.port, 65_535) || ext.port === 0)
    return rejection('InvalidPort', 'port', 'must be an integer in 1..65535');
  if (!isUint(ext.protocol, 255))
    return rejection('InvalidValue', 'protocol', 'must be a u8 (0 = TCP, 1 = UDP)');
  if (!isUint(ext.version, Number(U32_MAX))) return rejection('InvalidValue', 'version', 'must be a u32');
  const axon: AxonInfo = {
    block: draft.block,
    version: ext.version,
    ip: address.ip,
    port: ext.port,
    ipType: address.ipType,
    protocol: ext.protocol,
  };
  const w = draft.write(id);
  const neurons = [...w.neurons];
  neurons[uid] = { ...neuron, axon };
  w.neurons = neurons;
  events.push({ type: 'AxonServed', netuid: id, hotkey: hk });
  return null;
};
