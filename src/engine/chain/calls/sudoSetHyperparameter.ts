/**
 * `sudo_set_hyperparameter`: one call for the chain's per-hyperparameter admin calls. The sudo account sets
 * any hyperparameter of `SUBNET_HYPERPARAMETERS`; the subnet owner those the chain lets owners set, within
 * the owner's bounds. A rejection names the hyperparameter and the bounds.
 */

import { netuid } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import {
  type HyperparameterSpec,
  type HyperparameterType,
  isHyperparameterName,
  SUBNET_HYPERPARAMETERS,
  TYPE_RANGE,
  VALUE_KIND,
} from '../subnetHyperparameters.ts';
import { checkNonRootSubnet } from './checks.ts';

type Value = boolean | number | bigint;

/** Whether `value` is of the JavaScript kind of `type`. */
function hasType(type: HyperparameterType, value: unknown): boolean {
  const kind = VALUE_KIND[type];
  return kind === 'integer' ? Number.isInteger(value) : typeof value === kind;
}

/** The inclusive bounds that apply to the signer (the owner's are the narrower). */
function bounds(spec: HyperparameterSpec, byOwner: boolean): readonly [Value, Value] {
  const [typeMin, typeMax] = TYPE_RANGE[spec.type] as readonly [Value, Value];
  const min = (byOwner ? spec.ownerMin : undefined) ?? spec.min ?? typeMin;
  const max = (byOwner ? spec.ownerMax : undefined) ?? spec.max ?? typeMax;
  return [min, max];
}

export const sudoSetHyperparameter: CallHandler<Extrinsic & { call: 'sudo_set_hyperparameter' }> = (
  { draft, events },
  ext,
) => {
  const id = netuid(ext.netuid);
  const missing = checkNonRootSubnet(draft, id);
  if (missing !== null) return missing;
  const name: string = ext.name;
  if (!isHyperparameterName(name)) {
    return rejection('UnknownHyperparameter', 'name', `'${name}' is no settable subnet hyperparameter`);
  }
  const spec = SUBNET_HYPERPARAMETERS[name] as HyperparameterSpec;
  const subnet = draft.read(id);
  const bySudo = ext.signer === draft.sudo;
  const byOwner = !bySudo && spec.setBy === 'ownerOrSudo' && ext.signer === subnet.ownerColdkey;
  if (!bySudo && !byOwner) {
    return rejection(
      'BadOrigin',
      'signer',
      spec.setBy === 'sudo'
        ? `${name} may be set by the sudo account only`
        : `${name} may be set by the subnet owner or the sudo account`,
    );
  }
  const value: unknown = ext.value;
  if (!hasType(spec.type, value)) {
    return rejection('InvalidValue', 'value', `${name} takes ${VALUE_KIND[spec.type]} values (${spec.type})`);
  }
  const [min, max] = bounds(spec, byOwner);
  if ((value as Value) < min || (value as Value) > max) {
    const ownerBound = byOwner && (spec.ownerMin !== undefined || spec.ownerMax !== undefined);
    const who = ownerBound ? ' when the subnet owner sets it' : '';
    return rejection('ValueNotInBounds', 'value', `${name} must be in ${min}..${max}${who}`);
  }
  const broken = spec.check?.(subnet, value as never) ?? null;
  if (broken !== null) return broken;
  spec.write(draft.write(id), value as never, draft.block);
  events.push({ type: 'HyperparameterSet', netuid: id, name, value: value as Value });
  return null;
};
