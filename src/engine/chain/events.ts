/** Events a block emits, in the order they happen. */
import type { HyperparameterName } from './subnetHyperparameters.ts';

/** An event of the block's add-on: its own `type` and fields, typed by the add-on (see `ChainAddOn`). */
export interface AddOnEvent {
  readonly type: string;
}

/** An event of the chain, or of its add-on `E` (none unless the block runs one). */
export type ChainEvent<E extends AddOnEvent = never> = CoreEvent | E;

/** The chain's own events. */
export type CoreEvent =
  | { readonly type: 'BlockEmission'; readonly minted: bigint; readonly recycled: bigint }
  | {
      readonly type: 'EpochRun';
      readonly netuid: number;
      readonly emission: bigint;
      readonly deferred: boolean;
    }
  | { readonly type: 'EpochDeferred'; readonly netuid: number; readonly to: number }
  | { readonly type: 'Transfer'; readonly from: string; readonly to: string; readonly amount: bigint }
  | {
      readonly type: 'StakeAdded';
      readonly coldkey: string;
      readonly hotkey: string;
      readonly netuid: number;
      readonly tao: bigint;
      readonly alpha: bigint;
      readonly fee: bigint;
    }
  | {
      readonly type: 'StakeRemoved';
      readonly coldkey: string;
      readonly hotkey: string;
      readonly netuid: number;
      readonly tao: bigint;
      readonly alpha: bigint;
      readonly fee: bigint;
    }
  | {
      readonly type: 'StakeMoved';
      readonly coldkey: string;
      readonly from: string;
      readonly to: string;
      readonly originNetuid: number;
      readonly destinationNetuid: number;
      readonly alpha: bigint;
    }
  | { readonly type: 'NetworkAdded'; readonly netuid: number; readonly owner: string; readonly lock: bigint }
  | {
      readonly type: 'NetworkRemoved';
      readonly netuid: number;
      readonly refunded: bigint;
      readonly recycled: bigint;
    }
  | { readonly type: 'FirstEmissionBlockNumberSet'; readonly netuid: number; readonly block: number }
  | {
      readonly type: 'NeuronRegistered';
      readonly netuid: number;
      readonly uid: number;
      readonly hotkey: string;
      readonly burn: bigint;
      readonly replaced: string | null;
    }
  | { readonly type: 'WeightsSet'; readonly netuid: number; readonly uid: number }
  | {
      readonly type: 'AlphaRecycled';
      readonly netuid: number;
      readonly coldkey: string;
      readonly alpha: bigint;
    }
  | {
      readonly type: 'AlphaBurned';
      readonly netuid: number;
      readonly coldkey: string;
      readonly alpha: bigint;
    }
  | { readonly type: 'SubnetEmissionEnabledSet'; readonly netuid: number; readonly enabled: boolean }
  | { readonly type: 'TaoWeightSet'; readonly taoWeight: bigint }
  | {
      readonly type: 'ChildrenScheduled';
      readonly netuid: number;
      readonly hotkey: string;
      readonly applyAt: number;
    }
  | { readonly type: 'ChildrenSet'; readonly netuid: number; readonly hotkey: string; readonly count: number }
  | {
      readonly type: 'RootClaimed';
      readonly netuid: number;
      readonly coldkey: string;
      readonly hotkey: string;
      readonly alpha: bigint;
      readonly tao: bigint;
    }
  | { readonly type: 'TakeChanged'; readonly hotkey: string; readonly take: number }
  | { readonly type: 'AxonServed'; readonly netuid: number; readonly hotkey: string }
  | {
      readonly type: 'WeightsCommitted';
      readonly netuid: number;
      readonly hotkey: string;
      readonly hash: string;
    }
  | {
      readonly type: 'WeightsRevealed';
      readonly netuid: number;
      readonly hotkey: string;
      readonly hash: string;
    }
  | {
      readonly type: 'HyperparameterSet';
      readonly netuid: number;
      readonly name: HyperparameterName;
      readonly value: boolean | number | bigint;
    };
