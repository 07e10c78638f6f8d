/**
 * What subnet code needs of a chain, over the node's JSON-RPC ({@link connectChain}) or in-process on the
 * engine ({@link MockChain}), so that miners and validators are unit-tested without a node and run
 * unchanged against one: reads, signed writes that settle with a receipt (included, failed with the
 * chain's code, or rejected), and new heads. Every call has a deadline.
 */
import type { Rao } from '../../engine/types.ts';
import type { Metagraph } from '../client/metagraph.ts';
import type { SubnetView } from '../client/rpcResults.ts';
import type { TransactionOutcome } from '../client/transactionOutcome.ts';
import type { Keypair } from '../keys/keypair.ts';
import type { Call } from '../tx/envelope.ts';
import type { HyperparameterJson } from '../views/hyperparametersView.ts';

/** A new head as subscribers get it. */
export interface ChainHead {
  readonly number: number;
  readonly hash: string;
}

/** Options of a signed write. */
export interface SendOptions {
  /** Blocks the transaction stays valid (default 64). */
  readonly period?: number;
  /** Give up waiting for its receipt after this long, ms (default 60 000). */
  readonly timeoutMs?: number;
}

/** An open subscription of new heads. */
export interface HeadSubscription {
  unsubscribe(): Promise<void>;
}

/** A chain as subnet code uses it. */
export interface Chain {
  /** The head block number. */
  head(): Promise<number>;
  /** A coldkey's free balance, rao. */
  balance(address: string): Promise<Rao>;
  /** Every subnet's pool and registration facts. */
  subnets(): Promise<readonly SubnetView[]>;
  /** Subnet `netuid`'s neurons. */
  metagraph(netuid: number): Promise<Metagraph>;
  /** Subnet `netuid`'s hyperparameters by name (amounts of rao as `{ rao, tao }`). */
  hyperparameters(netuid: number): Promise<Readonly<Record<string, HyperparameterJson>>>;
  /** Sign `call` as `keypair`, submit it and wait until it settles. */
  send(keypair: Keypair, call: Call, options?: SendOptions): Promise<TransactionOutcome>;
  /** Call `onHead` with each new block. */
  subscribeHeads(onHead: (head: ChainHead) => void): Promise<HeadSubscription>;
  /** Release connections. */
  close(): Promise<void>;
}
