/** A deep copy of a kernel state, to fork a future (columns are copied, nothing is shared). */
import { cloneNeuronsMode } from './neurons/neuronsMode.ts';
import type { KernelColumns, KernelState } from './types.ts';

/**
 * Copy every column and scalar.
 * @example const fork = cloneKernelState(state)
 */
export function cloneKernelState(state: KernelState): KernelState {
  const copy = {} as Record<keyof KernelColumns, Float64Array | Uint8Array>;
  for (const [key, column] of Object.entries(state.columns) as [
    keyof KernelColumns,
    Float64Array | Uint8Array,
  ][]) {
    copy[key] = column.slice();
  }
  const cloned: KernelState = { ...state, columns: copy as unknown as KernelColumns };
  if (state.neurons !== undefined) cloned.neurons = cloneNeuronsMode(state.neurons);
  return cloned;
}
