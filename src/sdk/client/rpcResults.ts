/**
 * The shapes of the node's answers, checked on arrival so that a client works with typed values (and a
 * node that answers something else gives `RPC_BAD_RESPONSE`, not a wrong number later). Amounts arrive as
 * `{ rao, tao }` and are read as exact rao.
 */
import { z } from 'zod';
import type { Rao } from '../../engine/types.ts';
import { parseAmount } from '../amount/amount.ts';
import type { Hex } from '../tx/envelope.ts';

const hex32 = z.string().regex(/^0x[0-9a-f]{64}$/) as z.ZodType<Hex>;

/** An amount `{ rao, tao }` read as rao. */
export const amountResult = z.unknown().transform((value, ctx): Rao => {
  try {
    return parseAmount(value, 'amount');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** A block header as the node answers it. */
export const headerResult = z.object({
  number: z.int().min(0),
  hash: hex32,
  parentHash: hex32,
  stateRoot: z.string(),
  /** Unix milliseconds. */
  time: z.number(),
});

/** A block header: number, hash, parent hash, state root and time (Unix ms). */
export type BlockHeaderView = z.output<typeof headerResult>;

/** A rejection as receipts carry it: a stable code, a message and the field at fault. */
const rejection = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

/** Why a transaction did not apply. */
export type RejectionView = z.output<typeof rejection>;

/** What `tm_receipt` answers: nothing known, pending, included (applied or failed), or rejected. */
export const receiptResult = z.union([
  z.null(),
  z.object({ status: z.literal('pending') }),
  z.object({
    status: z.literal('included'),
    block: z.int().min(0),
    receipt: z.union([
      z.object({ index: z.int(), call: z.string(), ok: z.literal(true), events: z.array(z.unknown()) }),
      z.object({ index: z.int(), call: z.string(), ok: z.literal(false), error: rejection }),
    ]),
  }),
  z.object({ status: z.literal('rejected'), block: z.int().min(0), receipt: rejection }),
]);

/** A submission's state as `tm_receipt` gives it (`null`: the node never journalled it). */
export type ReceiptView = z.output<typeof receiptResult>;

/** A stored block: its header, extrinsics, submission ids and receipts (extrinsics and receipts as JSON). */
export const blockResult = z.union([
  z.null(),
  z.object({
    block: z.object({
      header: headerResult,
      extrinsics: z.array(z.unknown()),
      submissions: z.array(z.string()),
    }),
    receipts: z.array(z.unknown()),
  }),
]);

/** A block as `chain_getBlock` gives it, or null for a block the node does not hold. */
export type BlockView = z.output<typeof blockResult>;

/** A subnet as `tm_subnets` lists it, amounts in rao. */
export const subnetResult = z.object({
  netuid: z.int().min(0),
  owner: z.string(),
  ownerHotkey: z.string(),
  registeredAt: z.int(),
  tempo: z.int(),
  taoIn: amountResult,
  alphaIn: amountResult,
  alphaOut: amountResult,
  /** TAO per alpha, as a float for display. */
  price: z.number(),
  neurons: z.int().min(0),
  /** What `burned_register` costs now, rao. */
  burn: amountResult,
});

/** A subnet's pool and registration facts. */
export type SubnetView = z.output<typeof subnetResult>;

/** Result schemas of the plain calls. */
export const RESULTS = {
  hash: hex32,
  nullableHash: hex32.nullable(),
  nonce: z.int().min(0),
  amount: amountResult,
  submissionId: hex32,
  text: z.string(),
  subscriptionId: z.string(),
  unsubscribed: z.boolean(),
  subnets: z.array(subnetResult),
} as const;
