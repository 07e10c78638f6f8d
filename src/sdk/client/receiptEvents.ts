/**
 * The chain events a receipt carries, read by type: what a transaction did (the netuid a subnet got,
 * the alpha a stake bought, the UID a registration took). Receipts give events as JSON with amounts as
 * decimal strings of rao (alpha in its 9-decimal units); they are read here as bigint.
 */
import { z } from 'zod';
import { RpcCallError } from './rpcCallError.ts';

/** A whole amount written as a decimal string, read as bigint. */
const units = z
  .string()
  .regex(/^\d+$/)
  .transform((s) => BigInt(s));
const netuid = z.int().min(0);

/** The events commands read, by type. */
export const RECEIPT_EVENTS = {
  NetworkAdded: z.object({ netuid, owner: z.string(), lock: units }),
  FirstEmissionBlockNumberSet: z.object({ netuid, block: z.int().min(0) }),
  NeuronRegistered: z.object({
    netuid,
    uid: z.int().min(0),
    hotkey: z.string(),
    burn: units,
    replaced: z.string().nullable(),
  }),
  StakeAdded: z.object({
    coldkey: z.string(),
    hotkey: z.string(),
    netuid,
    tao: units,
    alpha: units,
    fee: units,
  }),
  StakeRemoved: z.object({
    coldkey: z.string(),
    hotkey: z.string(),
    netuid,
    tao: units,
    alpha: units,
    fee: units,
  }),
  StakeMoved: z.object({
    coldkey: z.string(),
    from: z.string(),
    to: z.string(),
    originNetuid: netuid,
    destinationNetuid: netuid,
    alpha: units,
  }),
  WeightsSet: z.object({ netuid, uid: z.int().min(0) }),
  WeightsCommitted: z.object({ netuid, hotkey: z.string(), hash: z.string() }),
  WeightsRevealed: z.object({ netuid, hotkey: z.string(), hash: z.string() }),
  HyperparameterSet: z.object({
    netuid,
    name: z.string(),
    value: z.union([z.boolean(), z.number(), z.string()]),
  }),
} as const;

/** The type of an event {@link receiptEvent} reads. */
export type ReceiptEventType = keyof typeof RECEIPT_EVENTS;

/** A read event of type `T`. */
export type ReceiptEvent<T extends ReceiptEventType> = z.output<(typeof RECEIPT_EVENTS)[T]>;

/**
 * The first event of type `type` in a receipt's `events`; throws `RPC_BAD_RESPONSE` when there is none
 * or it has another shape (the node and this client disagree).
 * @example receiptEvent(included.events, 'NetworkAdded').netuid // 2
 */
export function receiptEvent<T extends ReceiptEventType>(
  events: readonly unknown[],
  type: T,
): ReceiptEvent<T> {
  const found = events.find(
    (e) => typeof e === 'object' && e !== null && (e as { type?: unknown }).type === type,
  );
  const parsed = RECEIPT_EVENTS[type].safeParse(found);
  if (!parsed.success)
    throw new RpcCallError(
      'RPC_BAD_RESPONSE',
      found === undefined
        ? `tm_receipt: the receipt has no ${type} event`
        : `tm_receipt: the ${type} event is not of the expected shape: ${parsed.error.issues[0]?.message}`,
      { method: 'tm_receipt' },
    );
  return parsed.data as ReceiptEvent<T>;
}
