/** Root-only settings the coinbase reads: the per-subnet emission switch and TaoWeight (spec §4.1, §6.3). */
import { U64_MAX } from '../../fixed/index.ts';
import { netuid } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';

export const sudoSetEmissionEnabled: CallHandler<Extrinsic & { call: 'sudo_set_emission_enabled' }> = (
  { draft, events },
  ext,
) => {
  if (ext.signer !== draft.sudo) return rejection('BadOrigin', 'signer', 'only the sudo account may do this');
  const id = netuid(ext.netuid);
  if (id === 0 || !draft.hasSubnet(id))
    return rejection('SubnetNotExists', 'netuid', `no subnet ${ext.netuid}`);
  draft.write(id).emissionEnabled = ext.enabled;
  events.push({ type: 'SubnetEmissionEnabledSet', netuid: id, enabled: ext.enabled });
  return null;
};

export const sudoSetTaoWeight: CallHandler<Extrinsic & { call: 'sudo_set_tao_weight' }> = (
  { draft, events },
  ext,
) => {
  if (ext.signer !== draft.sudo) return rejection('BadOrigin', 'signer', 'only the sudo account may do this');
  if (ext.taoWeight < 0n || ext.taoWeight > U64_MAX) {
    return rejection('InvalidValue', 'taoWeight', 'must be a u64 proportion in 0..u64::MAX');
  }
  draft.taoWeight = ext.taoWeight;
  events.push({ type: 'TaoWeightSet', taoWeight: ext.taoWeight });
  return null;
};
