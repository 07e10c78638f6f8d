/** Where to reach a miner the metagraph lists: its axon's address as the dendrite takes it. */
import type { AxonTarget } from '../dendrite/queryResult.ts';
import type { MinerTarget } from './validator.ts';

/**
 * The dendrite's target for `miner` (`http://IP:PORT`, an IPv6 address in brackets).
 * @example axonTarget({ uid: 1, hotkey, axon: { ip: '127.0.0.2', port: 8091, … } }).url // 'http://127.0.0.2:8091'
 */
export function axonTarget(miner: Pick<MinerTarget, 'hotkey' | 'axon'>): AxonTarget {
  const { ip, port, ip_type } = miner.axon;
  return { url: `http://${ip_type === 6 ? `[${ip}]` : ip}:${port}`, hotkey: miner.hotkey };
}
