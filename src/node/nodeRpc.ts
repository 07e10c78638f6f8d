/**
 * The node's JSON-RPC surface: Substrate-shaped names where they fit (chain_*, author_*, system_*) and
 * `tm_` views. Amounts are `{ rao, tao }` everywhere; blocks and headers carry their number, hash,
 * parent hash, state root and time.
 */
import { z } from 'zod';
import { stateRoot } from '../engine/chain/stateRoot.ts';
import type { Coldkey } from '../engine/types.ts';
import { amountJson, amountParam } from '../sdk/amount/amount.ts';
import { hyperparametersView } from '../sdk/views/hyperparametersView.ts';
import { lockCostView } from '../sdk/views/lockCostView.ts';
import { metagraphView } from '../sdk/views/metagraphView.ts';
import { networkView } from '../sdk/views/networkView.ts';
import { stakeView } from '../sdk/views/stakeView.ts';
import { subnetEconomicsView } from '../sdk/views/subnetEconomicsView.ts';
import { NO_SUCH_SUBNET } from '../sdk/views/subnetOf.ts';
import { subnetsView } from '../sdk/views/subnetsView.ts';
import { supplyView } from '../sdk/views/supplyView.ts';
import { simulateSwap } from '../sdk/views/swapSimulation.ts';
import { ViewError } from '../sdk/views/viewError.ts';
import { accountExtrinsics } from './accountExtrinsics.ts';
import type { ExtrinsicWatch } from './extrinsicWatch.ts';
import type { LocalNode } from './localNode.ts';
import { RpcError } from './rpc/rpcErrors.ts';
import { defineRpcMethod, type RpcMethods } from './rpc/rpcMethod.ts';
import { defineRpcTopic } from './rpc/rpcTopic.ts';
import type { BlockHeader } from './store/blockStore.ts';

/** A header as the RPC answers it. */
export function headerJson(h: BlockHeader) {
  return { number: h.number, hash: h.hash, parentHash: h.parent, stateRoot: h.stateRoot, time: h.time };
}

/** JSON of engine values: bigints as decimal strings. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

const blockRef = z.union([z.int().min(0), z.string().regex(/^0x[0-9a-f]{64}$/)]);
const account = z.string().min(1).max(64);
const netuidParam = z.int().min(0).max(65_535);
/** A positive amount (`{ rao }`, `{ rao, tao }` or a decimal TAO string). */
const positiveAmount = amountParam().refine((rao) => rao > 0n, { message: 'must be above zero' });
/** The order of `tm_simulateSwap`: exactly one of `taoIn` (a buy) and `alphaIn` (a sell). */
const swapOrder = z.union([
  z.strictObject({ taoIn: positiveAmount }),
  z.strictObject({ alphaIn: positiveAmount }),
]);

/**
 * A view's answer; a view asked about a subnet that does not exist is the client's bad parameter
 * (`INVALID_PARAMS`, with the field and the fix), any other view error a rejection with its code.
 */
function viewOf<T>(view: () => T): T {
  try {
    return view();
  } catch (error) {
    if (error instanceof ViewError && error.code === NO_SUCH_SUBNET)
      throw new RpcError('INVALID_PARAMS', {
        detail: error.message,
        data: { field: error.field, ...(error.fix === undefined ? {} : { fix: error.fix }) },
        cause: error,
      });
    throw error;
  }
}

/** The block number `ref` names (a number, a hash of a stored block, or the head when absent). */
function blockNumber(node: LocalNode, ref: number | string | undefined): number {
  if (ref === undefined) return node.head.number;
  if (typeof ref === 'number') return ref;
  for (let n = node.head.number; n >= 1; n--) if (node.block(n)?.hash === ref) return n;
  throw new RpcError('INVALID_PARAMS', {
    detail: `no block with hash ${ref}`,
    data: { field: 'params[0]', fix: 'give a stored block number or hash' },
  });
}

/** The node's methods. */
export function nodeMethods(node: LocalNode): RpcMethods {
  const headerOf = (n: number) => {
    if (n === node.head.number) return headerJson(node.head);
    const b = node.block(n);
    return b === undefined ? null : headerJson(b);
  };
  return {
    chain_getHeader: defineRpcMethod({
      params: z.tuple([blockRef.optional()]),
      handler: ([ref]) => headerOf(blockNumber(node, ref)),
    }),
    chain_getBlockHash: defineRpcMethod({
      params: z.tuple([z.int().min(0).optional()]),
      handler: ([n]) => (n === 0 ? node.genesisHash : (headerOf(n ?? node.head.number)?.hash ?? null)),
    }),
    chain_getBlock: defineRpcMethod({
      params: z.tuple([blockRef.optional()]),
      handler: ([ref]) => {
        const b = node.block(blockNumber(node, ref));
        return b === undefined
          ? null
          : {
              block: { header: headerJson(b), extrinsics: plain(b.extrinsics), submissions: b.submissions },
              receipts: plain(b.receipts),
            };
      },
    }),
    system_accountNextIndex: defineRpcMethod({
      params: z.tuple([account]),
      handler: ([who]) => node.nextNonce(who),
    }),
    system_chain: defineRpcMethod({ params: z.tuple([]), handler: () => 'Tensormarket local network' }),
    author_submitExtrinsic: defineRpcMethod({
      params: z.tuple([z.unknown()]),
      // Submissions arriving together share one check batch and one sync to disk.
      handler: async ([envelope]) => (await node.submitAsync(envelope)).id,
    }),
    tm_genesisHash: defineRpcMethod({ params: z.tuple([]), handler: () => node.genesisHash }),
    tm_balance: defineRpcMethod({
      params: z.tuple([account]),
      handler: ([who]) => amountJson(node.state.balances.get(who as Coldkey) ?? 0n),
    }),
    // subtensor's subnetInfo_getLockCost (btcli's burn cost): what register_network locks in the next block.
    tm_lockCost: defineRpcMethod({
      params: z.tuple([]),
      handler: () => amountJson(lockCostView(node.state)),
    }),
    tm_receipt: defineRpcMethod({
      params: z.tuple([z.string().min(1).max(80)]),
      handler: ([id]) => plain(node.receipt(id) ?? null),
    }),
    tm_subnets: defineRpcMethod({ params: z.tuple([]), handler: () => subnetsView(node.state) }),
    tm_accountExtrinsics: defineRpcMethod({
      params: z.tuple([account, z.int().min(1).max(200).optional()]),
      handler: ([who, limit]) => plain(accountExtrinsics(node, who, limit ?? 20)),
    }),
    tm_subnetEconomics: defineRpcMethod({
      params: z.tuple([]),
      handler: () => subnetEconomicsView(node.state),
    }),
    tm_network: defineRpcMethod({ params: z.tuple([]), handler: () => networkView(node.state) }),
    tm_stake: defineRpcMethod({
      params: z.tuple([account]),
      handler: ([coldkey]) => stakeView(node.state, coldkey),
    }),
    tm_metagraph: defineRpcMethod({
      params: z.tuple([netuidParam]),
      handler: ([netuid]) => viewOf(() => metagraphView(node.state, netuid)),
    }),
    tm_hyperparameters: defineRpcMethod({
      params: z.tuple([netuidParam]),
      handler: ([netuid]) => viewOf(() => hyperparametersView(node.state, netuid)),
    }),
    tm_simulateSwap: defineRpcMethod({
      params: z.tuple([netuidParam, swapOrder]),
      handler: ([netuid, order]) => viewOf(() => simulateSwap(node.state, netuid, order)),
    }),
    tm_supply: defineRpcMethod({ params: z.tuple([]), handler: () => supplyView(node.state) }),
    // Recomputed from the live state (not read from the store): a restarted node can be checked with it.
    tm_stateRoot: defineRpcMethod({
      params: z.tuple([]),
      handler: () => ({ block: node.state.block, stateRoot: stateRoot(node.state) }),
    }),
  };
}

/** The node's subscription topics: new heads, and the watch of submitted extrinsics. */
export function nodeTopics(watch: ExtrinsicWatch) {
  return {
    newHeads: defineRpcTopic({
      subscribe: 'chain_subscribeNewHeads',
      unsubscribe: 'chain_unsubscribeNewHeads',
      notification: 'chain_newHead',
    }),
    extrinsicUpdates: watch.topic,
  } as const;
}

/** The names `publish` takes. */
export type NodeTopic = keyof ReturnType<typeof nodeTopics> & string;
