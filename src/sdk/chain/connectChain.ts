/** A {@link Chain} over a node's JSON-RPC: HTTP for calls, WebSocket for new heads, a deadline on each call. */
import { z } from 'zod';
import { type ConnectOptions, connect } from '../client/chainClient.ts';
import { httpRpc } from '../client/httpRpc.ts';
import { metagraphSchema } from '../client/metagraph.ts';
import type { Chain } from './chain.ts';

/**
 * The chain served at `url` (`local`, or an http/ws URL).
 * @example const chain = connectChain('local', { timeoutMs: 5_000 }); const graph = await chain.metagraph(1)
 */
export function connectChain(url: string, options?: ConnectOptions): Chain {
  const client = connect(url, options);
  const call = httpRpc(
    client.httpUrl,
    options?.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  return {
    async head() {
      const header = await client.getHeader();
      return header?.number ?? 0;
    },
    balance: (address) => client.balance(address),
    subnets: () => client.subnets(),
    metagraph: (netuid) => call('tm_metagraph', [netuid], metagraphSchema),
    hyperparameters: (netuid) =>
      call(
        'tm_hyperparameters',
        [netuid],
        z.record(
          z.string(),
          z.union([z.boolean(), z.number(), z.string(), z.object({ rao: z.string(), tao: z.string() })]),
        ),
      ),
    async send(keypair, call, sendOptions) {
      const envelope = await client.prepareEnvelope({
        keypair,
        call,
        ...(sendOptions?.period === undefined ? {} : { period: sendOptions.period }),
      });
      return client.submitAndWait(
        envelope,
        sendOptions?.timeoutMs === undefined ? {} : { timeoutMs: sendOptions.timeoutMs },
      );
    },
    subscribeHeads: (onHead) => client.subscribeNewHeads((h) => onHead({ number: h.number, hash: h.hash })),
    close: () => client.close(),
  };
}
