/**
 * The kernel's `SubnetLimit` (spec §9.1): how many subnets may be active before a registration must
 * prune one. It defaults to the slots and may be set lower (never higher: the columns have `slots` rows).
 */
import { InputError } from '../errors.ts';
import type { KernelParams } from './types.ts';

/**
 * `params.subnetLimit`, or `params.slots` when absent; throws an {@link InputError} naming
 * `params.subnetLimit` unless it is an integer in 1..slots.
 * @example subnetLimitOf({ ...DEFAULT_KERNEL_PARAMS, subnetLimit: 64 }) // 64
 */
export function subnetLimitOf(params: KernelParams): number {
  const limit = params.subnetLimit;
  if (limit === undefined) return params.slots;
  if (!Number.isInteger(limit) || limit < 1 || limit > params.slots) {
    throw new InputError(
      'params.subnetLimit',
      `is ${limit}; must be an integer in 1..${params.slots} (params.slots), or absent for ${params.slots}`,
    );
  }
  return limit;
}
