/**
 * A {@link Chain} on the exact engine in this process: no node, no disk, no network, so subnet code is
 * unit-tested in milliseconds and runs unchanged against a node. Each `send` is checked and applied in a
 * block of its own (as a node's `instant` mode does), with the same call arguments, views and receipts a
 * node gives; `produceBlocks` advances the chain (epochs run at each subnet's tempo). Signatures and
 * nonces are a node's concern and are not checked here. Supply conservation is checked after every block.
 */
import { applyBlock } from '../../engine/chain/applyBlock.ts';
import { InvariantError } from '../../engine/errors.ts';
import { createGenesis, type GenesisConfig } from '../../engine/genesis/createGenesis.ts';
import { checkInvariants } from '../../engine/invariants/checkInvariants.ts';
import type { MechanismChainExtrinsic } from '../../engine/mechanisms/extrinsics.ts';
import type { ChainState } from '../../engine/state/types.ts';
import type { Coldkey } from '../../engine/types.ts';
import { toExtrinsic } from '../calls/toExtrinsic.ts';
import { metagraphSchema } from '../client/metagraph.ts';
import { subnetResult } from '../client/rpcResults.ts';
import type { TransactionOutcome } from '../client/transactionOutcome.ts';
import { devGenesis } from '../devnet/devGenesis.ts';
import type { Keypair } from '../keys/keypair.ts';
import type { Call, Hex } from '../tx/envelope.ts';
import { TransactionError } from '../tx/transactionError.ts';
import { hyperparametersView } from '../views/hyperparametersView.ts';
import { metagraphView } from '../views/metagraphView.ts';
import { subnetsView } from '../views/subnetsView.ts';
import type { Chain, ChainHead, HeadSubscription } from './chain.ts';
import { CHAIN_BLOCK_OPTIONS } from './chainBlockOptions.ts';

/** Engine values as JSON carries them (bigints as decimal strings), as a node's receipts give them. */
function plain<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** An in-process chain. */
export class MockChain implements Chain {
  #state: ChainState;
  #sent = 0;
  readonly #listeners = new Set<(head: ChainHead) => void>();

  /** A chain from `genesis` (default: the local network's, dev accounts funded, tempo 10). */
  constructor(genesis: GenesisConfig = devGenesis()) {
    this.#state = createGenesis(genesis);
  }

  /** The engine state after the last block. */
  get state(): ChainState {
    return this.#state;
  }

  async head(): Promise<number> {
    return this.#state.block;
  }

  async balance(address: string) {
    return this.#state.balances.get(address as Coldkey) ?? 0n;
  }

  async subnets() {
    return subnetsView(this.#state).map((s) => subnetResult.parse(s));
  }

  async metagraph(netuid: number) {
    return metagraphSchema.parse(metagraphView(this.#state, netuid));
  }

  async hyperparameters(netuid: number) {
    return hyperparametersView(this.#state, netuid);
  }

  /** Apply `call` signed as `keypair` in a block of its own; bad arguments are refused as a node refuses them. */
  async send(keypair: Keypair, call: Call): Promise<TransactionOutcome> {
    const id = `0x${(++this.#sent).toString(16).padStart(64, '0')}` as Hex;
    let extrinsic: MechanismChainExtrinsic;
    try {
      extrinsic = toExtrinsic({ call, signer: keypair.address });
    } catch (error) {
      if (!(error instanceof TransactionError)) throw error;
      return {
        status: 'rejected',
        id,
        block: this.#state.block + 1,
        error: { code: error.code, message: error.message, field: error.field },
      };
    }
    const receipt = this.#apply([extrinsic])[0]!;
    const block = this.#state.block;
    return receipt.ok
      ? { status: 'included', id, block, events: plain(receipt.events) as unknown[] }
      : {
          status: 'failed',
          id,
          block,
          error: {
            code: receipt.error.code,
            message: receipt.error.message,
            ...(receipt.error.field === undefined ? {} : { field: receipt.error.field }),
          },
        };
  }

  /** Produce `count` empty blocks (coinbase, and epochs at each subnet's tempo). */
  produceBlocks(count = 1): number {
    for (let i = 0; i < count; i++) this.#apply([]);
    return this.#state.block;
  }

  async subscribeHeads(onHead: (head: ChainHead) => void): Promise<HeadSubscription> {
    this.#listeners.add(onHead);
    return {
      unsubscribe: async () => {
        this.#listeners.delete(onHead);
      },
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }

  #apply(extrinsics: readonly MechanismChainExtrinsic[]) {
    const result = applyBlock(this.#state, extrinsics, CHAIN_BLOCK_OPTIONS);
    const problems = checkInvariants(result.state, CHAIN_BLOCK_OPTIONS.addOn);
    if (problems.length > 0)
      throw new InvariantError(
        'SUPPLY',
        `block ${result.state.block} breaks the chain's invariants: ${problems.join('; ')}`,
      );
    this.#state = result.state;
    const head = {
      number: result.state.block,
      hash: `0x${result.state.block.toString(16).padStart(64, '0')}`,
    };
    for (const listener of this.#listeners) listener(head);
    return result.receipts;
  }
}
