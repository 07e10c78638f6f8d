/**
 * `tm_hyperparameters`: a subnet's hyperparameters as `sudo_set_hyperparameter` names and sets them,
 * each read by its entry in the engine's table. Values are in the form the setter takes (booleans,
 * integers, u64f64 raw bits as a decimal string), except amounts of rao, which are `{ rao, tao }`.
 */

import type { HyperparameterSpec } from '../../engine/chain/subnetHyperparameters.ts';
import {
  HYPERPARAMETER_NAMES,
  type HyperparameterName,
  SUBNET_HYPERPARAMETERS,
} from '../../engine/chain/subnetHyperparameters.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';
import { subnetOf } from './subnetOf.ts';

/** A hyperparameter's value as the view gives it. */
export type HyperparameterJson = boolean | number | string | AmountJson;

/**
 * Every hyperparameter of `netuid`, by name; throws `INVALID_PARAMS` when there is no such subnet.
 * @example hyperparametersView(node.state, 1).tempo // 10
 */
export function hyperparametersView(
  state: ChainState,
  netuid: number,
): Record<HyperparameterName, HyperparameterJson> {
  const subnet = subnetOf(state, netuid);
  const out = {} as Record<HyperparameterName, HyperparameterJson>;
  for (const name of HYPERPARAMETER_NAMES) {
    const spec = SUBNET_HYPERPARAMETERS[name] as HyperparameterSpec;
    const value = spec.read(subnet);
    out[name] =
      typeof value !== 'bigint' ? value : spec.type === 'rao' ? amountJson(value) : value.toString();
  }
  return out;
}
