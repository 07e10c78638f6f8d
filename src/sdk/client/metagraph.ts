/**
 * A subnet's metagraph as subnet code reads it: bittensor's `Metagraph` field names, one list per field
 * indexed by UID, amounts (stake, emission, both in alpha units) as exact bigints. It is read from the
 * node's `tm_metagraph` answer or from an in-process chain's view through one schema, so both give the
 * same value.
 */
import { z } from 'zod';
import type { Rao } from '../../engine/types.ts';
import { amountResult } from './rpcResults.ts';

const fraction = z.number().min(0).max(1);
const sparseRow = z.array(z.tuple([z.int().min(0), z.int().min(0).max(65_535)]));

/** An axon as bittensor's `AxonInfo` names it. */
const axon = z.object({
  ip: z.string(),
  port: z.int().min(0).max(65_535),
  ip_type: z.union([z.literal(4), z.literal(6)]),
  protocol: z.int(),
  version: z.int(),
});

/** The schema of a metagraph as the views write it (amounts `{ rao, tao }`), read into {@link Metagraph}. */
export const metagraphSchema = z.object({
  netuid: z.int().min(0),
  n: z.int().min(0),
  block: z.int().min(0),
  uids: z.array(z.int().min(0)),
  hotkeys: z.array(z.string()),
  coldkeys: z.array(z.string().nullable()),
  stake: z.array(amountResult),
  ranks: z.null(),
  trust: z.null(),
  consensus: z.array(fraction),
  incentive: z.array(fraction),
  dividends: z.array(fraction),
  emission: z.array(amountResult),
  validator_trust: z.array(fraction),
  validator_permit: z.array(z.boolean()),
  weights: z.array(sparseRow),
  bonds: z.array(sparseRow),
  axons: z.array(axon.nullable()),
  active: z.array(z.boolean()),
  last_update: z.array(z.int().min(0)),
});

/** A subnet's neurons at one block; see {@link metagraphSchema} for the fields. */
export type Metagraph = z.output<typeof metagraphSchema>;

/** An axon of the metagraph. */
export type AxonEntry = z.output<typeof axon>;

/**
 * The UID of `hotkey` on the metagraph, or undefined when it is not registered.
 * @example uidOf(metagraph, validator.address) // 0
 */
export function uidOf(metagraph: Metagraph, hotkey: string): number | undefined {
  const uid = metagraph.hotkeys.indexOf(hotkey);
  return uid < 0 ? undefined : uid;
}

/** Alpha staked on each UID, in rao-sized units. */
export function stakeOf(metagraph: Metagraph, uid: number): Rao {
  return metagraph.stake[uid] ?? 0n;
}
