/** The weights rate limit shared by `set_weights` and `commit_weights` (`check_rate_limit`). */
import type { SubnetState } from '../../state/types.ts';

/**
 * True when UID `uid` may set or commit weights at `block`: it never has (no stored row and no activity since
 * registering), or `WeightsSetRateLimit` blocks passed since its `LastUpdate`.
 */
export function passesWeightsRateLimit(subnet: SubnetState, uid: number, block: number): boolean {
  const neuron = subnet.neurons[uid]!;
  const everSet = subnet.weights[uid]!.length > 0 || neuron.lastUpdate > neuron.blockAtRegistration;
  return !everSet || block - neuron.lastUpdate >= subnet.weightsSetRateLimit;
}
