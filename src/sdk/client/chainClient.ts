/**
 * The typed client of a Tensormarket node: its JSON-RPC calls over HTTP, new heads over WebSocket, and
 * the steps of sending a transaction (chain context, signing, submitting, waiting for the receipt).
 */
import { InputError } from '../../engine/errors.ts';
import type { Rao } from '../../engine/types.ts';
import type { Keypair } from '../keys/keypair.ts';
import type { Ss58Address } from '../keys/ss58.ts';
import type { Call, Envelope, Hex } from '../tx/envelope.ts';
import { ENVELOPE_VERSION, MAX_ERA_PERIOD } from '../tx/envelope.ts';
import { signEnvelope } from '../tx/signEnvelope.ts';
import { httpRpc } from './httpRpc.ts';
import { nodeEndpoints } from './nodeEndpoints.ts';
import { RpcCallError } from './rpcCallError.ts';
import {
  type BlockHeaderView,
  type BlockView,
  blockResult,
  headerResult,
  RESULTS,
  type ReceiptView,
  receiptResult,
  type SubnetView,
} from './rpcResults.ts';
import type { TransactionOutcome } from './transactionOutcome.ts';
import { type Subscription, wsSubscriptions } from './wsSubscriptions.ts';

/** Blocks a transaction stays valid unless told otherwise: room for a busy mempool, short enough to expire soon. */
export const DEFAULT_ERA_PERIOD = 64;

/** A block by number, by hash, or (absent) the head. */
export type BlockRef = number | Hex;

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Deadline of one call, ms; default 30 000. */
  readonly timeoutMs?: number;
}

/** What {@link ChainClient.prepareEnvelope} and {@link ChainClient.signAndSubmit} take. */
export interface SignRequest {
  readonly keypair: Keypair;
  readonly call: Call;
  /** Blocks the transaction stays valid, from the current head; default {@link DEFAULT_ERA_PERIOD}. */
  readonly period?: number;
}

/** A submission the node acknowledged (journalled), and the envelope sent. */
export interface Submitted {
  readonly id: Hex;
  readonly envelope: Envelope;
}

/** Options of {@link ChainClient.submitAndWait}. */
export interface WaitOptions {
  /** Give up (with `RECEIPT_TIMEOUT`) after this long, ms; default 60 000. */
  readonly timeoutMs?: number;
  /** Between two receipt queries, ms; default 100. */
  readonly pollMs?: number;
}

/** A node's typed client. Close it when done (it may hold a WebSocket). */
export interface ChainClient {
  /** The node's HTTP endpoint. */
  readonly httpUrl: string;
  /** The node's WebSocket endpoint. */
  readonly wsUrl: string;
  /** `chain_getHeader`: the header of a block (the head when absent); null for an unknown number. */
  getHeader(block?: BlockRef): Promise<BlockHeaderView | null>;
  /** `chain_getBlockHash`: the hash of block `number` (the head when absent); null when not produced. */
  getBlockHash(number?: number): Promise<Hex | null>;
  /** `chain_getBlock`: a stored block with its receipts, null when the node does not hold it. */
  getBlock(block?: BlockRef): Promise<BlockView>;
  /** `system_chain`: the chain's name. */
  systemChain(): Promise<string>;
  /** `system_accountNextIndex`: the account's next nonce (pending transactions counted). */
  accountNextIndex(address: string): Promise<number>;
  /** `tm_genesisHash`: the chain's block-0 hash (asked once, then remembered). */
  genesisHash(): Promise<Hex>;
  /** `tm_balance`: the account's free balance in rao. */
  balance(address: string): Promise<Rao>;
  /** `tm_subnets`: every subnet's pool and registration facts. */
  subnets(): Promise<readonly SubnetView[]>;
  /** `tm_lockCost`: the rao `register_network` locks in the next block (btcli's burn cost). */
  lockCost(): Promise<Rao>;
  /** `tm_receipt`: what became of a submission (null: never journalled). */
  receipt(id: Hex): Promise<ReceiptView>;
  /** `author_submitExtrinsic`: submit a signed envelope; resolves with its id once journalled. */
  submitExtrinsic(envelope: Envelope): Promise<Hex>;
  /** `chain_subscribeNewHeads` over WebSocket: `onHeader` gets each new block's header. */
  subscribeNewHeads(onHeader: (header: BlockHeaderView) => void): Promise<Subscription>;
  /** A signed envelope for `call`: the signer's next nonce, the genesis hash, an era from the head. */
  prepareEnvelope(request: SignRequest): Promise<Envelope>;
  /** {@link prepareEnvelope} then {@link submitExtrinsic}. */
  signAndSubmit(request: SignRequest): Promise<Submitted>;
  /** Submit `envelope` and poll `tm_receipt` until it is included, failed or rejected. */
  submitAndWait(envelope: Envelope, options?: WaitOptions): Promise<TransactionOutcome>;
  /** Close the WebSocket, if one was opened. */
  close(): Promise<void>;
}

/**
 * A client of the node at `url` (`local`, or an http/ws URL: one names both endpoints). Nothing is
 * sent until a method is called; calls throw {@link RpcCallError}.
 * @example
 * const client = connect('ws://127.0.0.1:9944');
 * const { id } = await client.signAndSubmit({ keypair: keypairFromUri('//Alice'),
 *   call: { name: 'transfer', args: { dest: bob, amount: '1000000000' } } });
 */
export function connect(url: string, options?: ConnectOptions): ChainClient {
  const { httpUrl, wsUrl } = nodeEndpoints(url);
  const call = httpRpc(httpUrl, options?.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  const subscriptions = wsSubscriptions(
    wsUrl,
    options?.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  let genesis: Promise<Hex> | undefined;
  const optional = (value: unknown) => (value === undefined ? [] : [value]);

  const client: ChainClient = {
    httpUrl,
    wsUrl,
    getHeader: (block) => call('chain_getHeader', optional(block), headerResult.nullable()),
    getBlockHash: (number) => call('chain_getBlockHash', optional(number), RESULTS.nullableHash),
    getBlock: (block) => call('chain_getBlock', optional(block), blockResult),
    systemChain: () => call('system_chain', [], RESULTS.text),
    accountNextIndex: (address) => call('system_accountNextIndex', [address], RESULTS.nonce),
    genesisHash() {
      genesis ??= call('tm_genesisHash', [], RESULTS.hash).catch((error: unknown) => {
        genesis = undefined;
        throw error;
      });
      return genesis;
    },
    balance: (address) => call('tm_balance', [address], RESULTS.amount),
    subnets: () => call('tm_subnets', [], RESULTS.subnets),
    lockCost: () => call('tm_lockCost', [], RESULTS.amount),
    receipt: (id) => call('tm_receipt', [id], receiptResult),
    submitExtrinsic: (envelope) => call('author_submitExtrinsic', [envelope], RESULTS.submissionId),
    subscribeNewHeads: (onHeader) =>
      subscriptions.subscribe({
        subscribe: 'chain_subscribeNewHeads',
        unsubscribe: 'chain_unsubscribeNewHeads',
        onNotification: (result) => {
          const header = headerResult.safeParse(result);
          if (header.success) onHeader(header.data);
        },
      }),
    async prepareEnvelope({ keypair, call: chainCall, period = DEFAULT_ERA_PERIOD }) {
      if (!Number.isInteger(period) || period < 1 || period > MAX_ERA_PERIOD)
        throw new InputError(
          'period',
          `${period}; give a whole number of blocks from 1 to ${MAX_ERA_PERIOD}`,
        );
      const [nonce, genesisHash, head] = await Promise.all([
        client.accountNextIndex(keypair.address),
        client.genesisHash(),
        client.getHeader(),
      ]);
      if (head === null)
        throw new RpcCallError('RPC_BAD_RESPONSE', 'chain_getHeader: the node has no head', {
          method: 'chain_getHeader',
        });
      return signEnvelope(
        {
          version: ENVELOPE_VERSION,
          call: chainCall,
          signer: keypair.address as Ss58Address,
          scheme: keypair.scheme,
          nonce,
          genesisHash,
          era: { from: head.number, period },
        },
        keypair,
      );
    },
    async signAndSubmit(request) {
      const envelope = await client.prepareEnvelope(request);
      return { id: await client.submitExtrinsic(envelope), envelope };
    },
    async submitAndWait(envelope, waitOptions) {
      const timeoutMs = waitOptions?.timeoutMs ?? 60_000;
      const pollMs = waitOptions?.pollMs ?? 100;
      const id = await client.submitExtrinsic(envelope);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const outcome = settled(id, await client.receipt(id));
        if (outcome !== undefined) return outcome;
        if (Date.now() >= deadline)
          throw new RpcCallError(
            'RECEIPT_TIMEOUT',
            `tm_receipt: submission ${id} not settled within ${timeoutMs} ms; it may still be included (ask tm_receipt)`,
            { method: 'tm_receipt' },
          );
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    close: () => subscriptions.close(),
  };
  return client;
}

/** The outcome a receipt settles, or undefined while it is pending (or not yet journalled). */
function settled(id: Hex, receipt: ReceiptView): TransactionOutcome | undefined {
  if (receipt === null || receipt.status === 'pending') return undefined;
  if (receipt.status === 'rejected')
    return { status: 'rejected', id, block: receipt.block, error: receipt.receipt };
  const r = receipt.receipt;
  return r.ok
    ? { status: 'included', id, block: receipt.block, events: r.events }
    : { status: 'failed', id, block: receipt.block, error: r.error };
}
