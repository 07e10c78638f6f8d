/** A deep copy of a kernel state, to fork a future (columns are copied, nothing is shared). */
import { emptyColumns } from './createKernelState.ts';
import { cloneNeuronsMode } from './neurons/neuronsMode.ts';
import type { KernelColumns, KernelState } from './types.ts';

/**
 * Copy every column and scalar. The copy's columns are laid out by {@link emptyColumns}, as every state's
 * are: the kernel's loops then see one object shape, which the engine compiles to direct loads (a clone
 * built key by key had a shape of its own, and the step read both through generic lookups).
 * @example const fork = cloneKernelState(state)
 */
export function cloneKernelState(state: KernelState): KernelState {
  const copy = emptyColumns(0) as unknown as Record<keyof KernelColumns, Float64Array | Uint8Array>;
  for (const [key, column] of Object.entries(state.columns) as [
    keyof KernelColumns,
    Float64Array | Uint8Array,
  ][]) {
    copy[key] = column.slice();
  }
  const cloned: KernelState = {
    block: state.block,
    issuance: state.issuance,
    rootStake: state.rootStake,
    recycledTao: state.recycledTao,
    burnedTao: state.burnedTao,
    external: state.external,
    lastLock: state.lastLock,
    lastLockBlock: state.lastLockBlock,
    uncountedTao: state.uncountedTao,
    gateBar: state.gateBar,
    columns: copy as unknown as KernelColumns,
  };
  if (state.neurons !== undefined) cloned.neurons = cloneNeuronsMode(state.neurons);
  return cloned;
}
