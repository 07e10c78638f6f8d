/**
 * A running local network: the node, its block production (every `blockTime` ms, at once after each
 * submission with `instant`, or on the `tm_produceBlock` call with `manual`) and its JSON-RPC server on
 * one port. Closing stops production, then the server, then the store (nothing in flight is lost: each
 * acknowledged submission is already journalled).
 */
import { z } from 'zod';
import type { GenesisConfig } from '../engine/genesis/createGenesis.ts';
import { ROUND_RECORDS_PATH } from '../sdk/client/roundRecordsApi.ts';
import type { EnvelopeVerifier } from './admission/envelopeVerifier.ts';
import { createExtrinsicWatch } from './extrinsicWatch.ts';
import { LocalNode, type LocalNodeOptions } from './localNode.ts';
import { headerJson, type NodeTopic, nodeMethods, nodeTopics } from './nodeRpc.ts';
import { createRoundRecordsRoute } from './rpc/roundRecordsRoute.ts';
import type { RpcLimits } from './rpc/rpcLimits.ts';
import { defineRpcMethod } from './rpc/rpcMethod.ts';
import { type RpcServer, type RpcServerOptions, startRpcServer } from './rpc/rpcServer.ts';

/** How blocks are produced: every N ms, after each submission, or only when asked. */
export type BlockProduction = { readonly everyMs: number } | 'instant' | 'manual';

/** Options of {@link startLocalnet}. */
export interface LocalnetOptions {
  readonly dataDir: string;
  readonly genesis: GenesisConfig;
  readonly fresh?: boolean;
  readonly production: BlockProduction;
  readonly host?: string;
  readonly port: number;
  readonly limits?: Partial<RpcLimits>;
  /** A built dashboard to serve at `GET /` on the RPC port (see {@link RpcServerOptions.staticDir}). */
  readonly staticDir?: string;
  /** A folder of validators' data folders whose round records are served at `GET /rounds/<netuid>`. */
  readonly roundsDir?: string;
  /** Transactions per block at most (see {@link LocalNodeOptions}). */
  readonly maxBlockTransactions?: number;
  /** Where batched submissions are checked (e.g. a pool of verifier threads); default this thread. */
  readonly verifier?: EnvelopeVerifier;
  /** A timed block that fails (the engine broke an invariant): production stops and this is told. */
  readonly onProductionError?: (error: unknown) => void;
}

/** A running local network. */
export interface Localnet {
  readonly node: LocalNode;
  readonly server: RpcServer<NodeTopic>;
  close(): Promise<void>;
}

/**
 * Open the node and serve it.
 * @example const net = await startLocalnet({ dataDir: '.localnet', genesis: devGenesis(), production: { everyMs: 250 }, port: 9944 })
 */
export async function startLocalnet(options: LocalnetOptions): Promise<Localnet> {
  const node = LocalNode.open({
    dataDir: options.dataDir,
    genesis: options.genesis,
    ...(options.fresh === undefined ? {} : { fresh: options.fresh }),
    ...(options.verifier === undefined ? {} : { verifier: options.verifier }),
    ...(options.maxBlockTransactions === undefined
      ? {}
      : { maxBlockTransactions: options.maxBlockTransactions }),
  });
  const production = options.production;
  const produce = () => node.produceBlock();
  const watch = createExtrinsicWatch(node, production === 'instant' ? produce : undefined);
  const methods = {
    ...nodeMethods(node),
    ...(production === 'manual' && {
      tm_produceBlock: defineRpcMethod({ params: z.tuple([]), handler: () => headerJson(produce()) }),
    }),
    ...(production === 'instant' && {
      author_submitExtrinsic: defineRpcMethod({
        params: z.tuple([z.unknown()]),
        handler: async ([envelope]) => {
          const { id } = await node.submitAsync(envelope);
          produce();
          return id;
        },
      }),
    }),
  };
  let server: Localnet['server'];
  try {
    server = await startRpcServer({
      ...(options.host === undefined ? {} : { host: options.host }),
      port: options.port,
      methods,
      subscriptions: nodeTopics(watch),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
      ...(options.roundsDir === undefined
        ? {}
        : {
            routes: [createRoundRecordsRoute({ dir: options.roundsDir, prefix: `/${ROUND_RECORDS_PATH}` })],
          }),
    });
  } catch (error) {
    node.close();
    throw error;
  }
  node.onBlock((header) => server.publish('newHeads', headerJson(header)));
  watch.connect(server.publishTo);
  const timer =
    typeof production === 'object'
      ? setInterval(
          () => {
            try {
              produce();
            } catch (error) {
              clearInterval(timer);
              options.onProductionError?.(error);
            }
          },
          Math.max(1, production.everyMs),
        )
      : undefined;
  let closed = false;
  return {
    node,
    server,
    async close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      await server.close();
      node.close();
    },
  };
}
