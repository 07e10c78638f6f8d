/**
 * The node's views of stake positions, metagraphs, hyperparameters and swap quotes — `tm_stake`,
 * `tm_metagraph`, `tm_hyperparameters` and `tm_simulateSwap` — with the shape of each answer stated once
 * here and checked on arrival (another shape is `RPC_BAD_RESPONSE`). Amounts arrive as `{ rao, tao }` and
 * are read as exact rao.
 */
import { z } from 'zod';
import type { Rao } from '../../engine/types.ts';
import { amountJson } from '../amount/amount.ts';
import { type HttpRpcOptions, httpRpc } from './httpRpc.ts';
import { type Metagraph, metagraphSchema } from './metagraph.ts';
import { amountResult } from './rpcResults.ts';

/** One stake position of a coldkey as `tm_stake` lists it. */
export const stakePositionResult = z
  .object({
    hotkey: z.string(),
    netuid: z.int().min(0),
    /** Alpha owned on the hotkey on the subnet (9 decimals, like rao). */
    alpha: amountResult,
    /** That alpha's value in TAO at the pool's spot price (`tao` on the wire). */
    tao: amountResult,
  })
  .transform(({ tao, ...p }) => ({ ...p, taoValue: tao }));

/** A stake position, amounts in rao. */
export type StakePositionView = z.output<typeof stakePositionResult>;

/** A subnet's hyperparameters by name, as `tm_hyperparameters` gives them. */
export const hyperparametersResult = z.record(z.string(), z.unknown());

/** What `tm_simulateSwap` answers: alpha out of a buy or TAO out of a sell, and the spot price before it. */
export const swapSimulationResult = z.looseObject({ amountOut: amountResult, priceBefore: z.number() });

/** A swap to quote: TAO in (a buy of alpha) or alpha in (a sell), gross of the fee, in rao. */
export type SwapOrder = { readonly taoIn: Rao } | { readonly alphaIn: Rao };

/** A quoted swap: what comes out (alpha for a buy, TAO for a sell) and the price quoted (TAO per alpha). */
export interface SwapQuote {
  readonly amountOut: Rao;
  readonly price: number;
}

/** The views, each one JSON-RPC call. */
export interface NodeViews {
  /** `tm_stake`: the coldkey's positions. */
  stake(coldkey: string): Promise<readonly StakePositionView[]>;
  /** `tm_metagraph`: subnet `netuid`'s neurons. */
  metagraph(netuid: number): Promise<Metagraph>;
  /** `tm_hyperparameters`: subnet `netuid`'s hyperparameters by name. */
  hyperparameters(netuid: number): Promise<Record<string, unknown>>;
  /** `tm_simulateSwap`: what `order` on subnet `netuid`'s pool would give now (the chain unchanged). */
  simulateSwap(netuid: number, order: SwapOrder): Promise<SwapQuote>;
}

/**
 * The views of the node at `httpUrl`; calls throw `RpcCallError` as the client's do.
 * @example const positions = await nodeViews('http://127.0.0.1:9944/').stake(coldkey)
 */
export function nodeViews(httpUrl: string, options?: HttpRpcOptions): NodeViews {
  const call = httpRpc(httpUrl, options);
  return {
    stake: (coldkey) => call('tm_stake', [coldkey], z.array(stakePositionResult)),
    metagraph: (netuid) => call('tm_metagraph', [netuid], metagraphSchema),
    hyperparameters: (netuid) => call('tm_hyperparameters', [netuid], hyperparametersResult),
    async simulateSwap(netuid, order) {
      const param =
        'taoIn' in order ? { taoIn: amountJson(order.taoIn) } : { alphaIn: amountJson(order.alphaIn) };
      const quote = await call('tm_simulateSwap', [netuid, param], swapSimulationResult);
      return { amountOut: quote.amountOut, price: quote.priceBefore };
    },
  };
}
