/**
 * How each chain call's arguments travel in a signed envelope (`call.args`) and become the engine's
 * extrinsic: one zod schema per call, keyed by the engine's call names so the type checker sees every
 * call covered. Amounts (rao, alpha units, limit prices, u64 proportions) are decimal strings, accounts
 * are SS58 addresses with prefix 42, netuids and UIDs are integers.
 */
import { z } from 'zod';
import type { CallName } from '../../engine/chain/extrinsics.ts';
import {
  HYPERPARAMETER_NAMES,
  type HyperparameterName,
  SUBNET_HYPERPARAMETERS,
  VALUE_KIND,
} from '../../engine/chain/subnetHyperparameters.ts';
import { account, amount, netuid, u16, u32 } from './argTypes.ts';

/**
 * A hyperparameter's value as its type reads it: a boolean, an integer, or (u64, rao, u64f64) a decimal
 * string; bounds are the chain's to check.
 */
const hyperparameter = z
  .strictObject({
    netuid,
    name: z.enum(HYPERPARAMETER_NAMES as [HyperparameterName, ...HyperparameterName[]]),
    value: z.union([z.boolean(), z.int(), z.string()]),
  })
  .transform((a, ctx) => {
    const kind = VALUE_KIND[SUBNET_HYPERPARAMETERS[a.name].type];
    const v = a.value;
    if (kind === 'boolean' && typeof v === 'boolean') return a;
    if (kind === 'integer' && typeof v === 'number') return a;
    if (kind === 'bigint' && typeof v === 'string' && /^(0|[1-9]\d{0,38})$/.test(v))
      return { ...a, value: BigInt(v) };
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `${a.name} takes ${kind === 'bigint' ? 'a whole number as a decimal string' : kind === 'integer' ? 'an integer' : 'a boolean'}`,
    });
    return z.NEVER;
  });

/** Every chain call's arguments. */
export const CALL_ARGS = {
  transfer: z.strictObject({ dest: account, amount }),
  add_stake: z.strictObject({ hotkey: account, netuid, amount }),
  add_stake_limit: z.strictObject({
    hotkey: account,
    netuid,
    amount,
    limitPrice: amount,
    allowPartial: z.boolean(),
  }),
  remove_stake: z.strictObject({ hotkey: account, netuid, amount }),
  remove_stake_limit: z.strictObject({
    hotkey: account,
    netuid,
    amount,
    limitPrice: amount,
    allowPartial: z.boolean(),
  }),
  move_stake: z.strictObject({
    originHotkey: account,
    destinationHotkey: account,
    originNetuid: netuid,
    destinationNetuid: netuid,
    amount,
  }),
  register_network: z.strictObject({ hotkey: account }),
  start_call: z.strictObject({ netuid }),
  burned_register: z.strictObject({ hotkey: account, netuid }),
  set_weights: z
    .strictObject({ netuid, uids: z.array(u16).max(4096), weights: z.array(u16).max(4096) })
    .refine((a) => a.uids.length === a.weights.length, {
      message: 'uids and weights must have the same length',
      path: ['weights'],
    }),
  recycle_alpha: z.strictObject({ hotkey: account, netuid, amount }),
  burn_alpha: z.strictObject({ hotkey: account, netuid, amount }),
  add_stake_burn: z.strictObject({ hotkey: account, netuid, amount, limitPrice: amount.optional() }),
  set_children: z.strictObject({
    hotkey: account,
    netuid,
    children: z.array(z.strictObject({ proportion: amount, child: account })).max(5),
  }),
  claim_root: z.strictObject({ netuid, mode: z.enum(['swap', 'keep']) }),
  decrease_take: z.strictObject({ hotkey: account, take: u16 }),
  increase_take: z.strictObject({ hotkey: account, take: u16 }),
  sudo_set_emission_enabled: z.strictObject({ netuid, enabled: z.boolean() }),
  sudo_set_tao_weight: z.strictObject({ taoWeight: amount }),
  serve_axon: z.strictObject({
    netuid,
    ip: z.string().min(2).max(45),
    port: u16,
    protocol: z.int().min(0).max(255),
    version: u32,
  }),
  commit_weights: z.strictObject({
    netuid,
    commitHash: z.string().regex(/^0x[0-9a-f]{64}$/, 'expected 0x and 64 hex digits'),
  }),
  reveal_weights: z
    .strictObject({
      netuid,
      uids: z.array(u16).max(4096),
      values: z.array(u16).max(4096),
      salt: z.array(u16).max(64),
      versionKey: amount,
    })
    .refine((a) => a.uids.length === a.values.length, {
      message: 'uids and values must have the same length',
      path: ['values'],
    }),
  sudo_set_hyperparameter: hyperparameter,
} as const satisfies Record<CallName, z.ZodType>;
