/**
 * A chain's genesis as a JSON file (`tensormarket node start --genesis FILE`): accounts as SS58
 * addresses, balances and reserves in the API's amount shape (`{ "rao": "…" }` or a decimal TAO string),
 * chain parameters as the chain stores them (integers, booleans, and u64/fixed-point bits as decimal
 * strings), a rule pack with an optional dated variant, and the binding mechanisms to switch on. Every
 * field is checked; an unknown one is refused, naming it, so a misspelt parameter never falls back to
 * its default unnoticed. The parameter and mechanism fields derive from the engine's defaults, so a
 * parameter added to the engine is a genesis field at once.
 */
import { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import type { GenesisConfig } from '../../engine/genesis/createGenesis.ts';
import {
  MECHANISM_DEFAULTS,
  type MechanismsConfig,
  PAY_TO_CHOICES,
  USAGE_PAY_TO_CHOICES,
} from '../../engine/mechanisms/config.ts';
import { mechanismsGenesis } from '../../engine/mechanisms/mechanismsGenesis.ts';
import { RULE_PACKS, type RulePackName, variantSettings } from '../../engine/rules/rulePack.ts';
import { DEFAULT_CHAIN_PARAMS } from '../../engine/state/defaults.ts';
import { amountParam } from '../amount/amount.ts';
import { ss58AddressSchema as account } from '../keys/ss58Schema.ts';

/** The `format` a genesis file declares. */
export const GENESIS_FORMAT = 'tensormarket-genesis/1';

/** An unsigned integer the chain stores in more than 53 bits (u64 bits, I96F32 bits), as a decimal string. */
const bits = z
  .string()
  .regex(/^(0|[1-9]\d{0,38})$/, 'expected a whole number as a decimal string, e.g. "12885"')
  .transform((s) => BigInt(s));

const amount = amountParam();

type Scalar = number | bigint | boolean | string;

/**
 * A strict object of optional fields, one per key of `defaults`, typed as its default is: a number an
 * integer, a bigint a decimal string, a boolean a boolean, a string one of `choices[key]` (or any
 * non-empty string when the key has no choices).
 */
function fieldsLike(
  defaults: Readonly<Record<string, Scalar>>,
  choices: Readonly<Record<string, readonly [string, ...string[]]>> = {},
) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const options = choices[key];
    const field =
      typeof value === 'number'
        ? z.int().min(0)
        : typeof value === 'bigint'
          ? bits
          : typeof value === 'boolean'
            ? z.boolean()
            : options === undefined
              ? z.string().min(1)
              : z.enum(options);
    shape[key] = field.optional();
  }
  return z.strictObject(shape);
}

/** Fields of each mechanism's section, from its defaults. */
const mechanisms = z.strictObject({
  covenant: fieldsLike(MECHANISM_DEFAULTS.covenant, {
    payTo: PAY_TO_CHOICES,
    slashTo: PAY_TO_CHOICES,
  }).optional(),
  vesting: fieldsLike(MECHANISM_DEFAULTS.vesting, { appliesTo: ['ownerCut'] }).optional(),
  credits: fieldsLike(MECHANISM_DEFAULTS.credits).optional(),
  usageEmission: fieldsLike(MECHANISM_DEFAULTS.usageEmission, { payTo: USAGE_PAY_TO_CHOICES }).optional(),
  computeMarket: fieldsLike(MECHANISM_DEFAULTS.computeMarket).optional(),
} satisfies Record<keyof typeof MECHANISM_DEFAULTS, z.ZodType>);

const neuron = z.strictObject({
  hotkey: account,
  coldkey: account,
  stake: amount.optional(),
  validatorPermit: z.boolean().optional(),
});

const subnet = z.strictObject({
  netuid: z.int().min(1).max(65_535),
  ownerColdkey: account,
  ownerHotkey: account,
  mechanism: z.union([z.literal(0), z.literal(1)]).optional(),
  taoReserve: amount,
  alphaIn: amount,
  started: z.boolean().optional(),
  emissionEnabled: z.boolean().optional(),
  tempo: z.int().min(1).max(65_535).optional(),
  neurons: z.array(neuron).max(4096).optional(),
});

/** The schema of a genesis file. */
export const genesisFileSchema = z.strictObject({
  format: z.literal(GENESIS_FORMAT),
  sudo: account,
  balances: z.record(account, amount).optional(),
  rulePack: z.enum(RULE_PACKS as unknown as [RulePackName, ...RulePackName[]]).optional(),
  /** A dated variant of the pack (e.g. `launch` of `dtao-2025-02`). */
  ruleVariant: z.string().min(1).optional(),
  params: fieldsLike(DEFAULT_CHAIN_PARAMS as unknown as Record<string, Scalar>).optional(),
  /** TaoWeight as a u64 proportion of u64::MAX. */
  taoWeight: bits.optional(),
  rootStakes: z.array(z.strictObject({ coldkey: account, hotkey: account, amount })).optional(),
  subnets: z.array(subnet).max(1024).optional(),
  /** The mechanisms switched on, each with parameters over its defaults (`{}` for all defaults). */
  mechanisms: mechanisms.optional(),
});

/** A genesis file as JSON (what `tensormarket node genesis` writes and `--genesis` reads). */
export type GenesisFileJson = z.input<typeof genesisFileSchema>;

/**
 * The genesis a file describes; throws an InputError naming the field (`genesis.params.defaultTempo`)
 * and what it expects.
 * @example genesisFromFile(JSON.parse(text)).sudo // '5Grw…'
 */
export function genesisFromFile(json: unknown, field = 'genesis'): GenesisConfig {
  const parsed = genesisFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const keys = unknown === undefined ? issue.path : [...issue.path, unknown];
    const path = [field, ...keys.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .join('.')
      .replaceAll('.[', '[');
    throw new InputError(
      path,
      unknown === undefined
        ? issue.message
        : 'unknown field (misspelt?); the README section "Genesis files" lists every field',
    );
  }
  const file = parsed.data;
  const pack = file.rulePack;
  if (file.ruleVariant !== undefined && pack === undefined)
    throw new InputError(`${field}.ruleVariant`, 'a variant needs its rulePack');
  let rules: GenesisConfig['rules'];
  try {
    rules = pack === undefined ? undefined : variantSettings(pack, file.ruleVariant);
  } catch (cause) {
    throw new InputError(`${field}.ruleVariant`, (cause as Error).message, { cause });
  }
  return {
    sudo: file.sudo,
    ...(file.balances === undefined ? {} : { balances: file.balances }),
    ...(file.params === undefined ? {} : { params: file.params as NonNullable<GenesisConfig['params']> }),
    ...(pack === undefined ? {} : { rulePack: pack }),
    ...(rules === undefined ? {} : { rules }),
    ...(file.taoWeight === undefined ? {} : { taoWeight: file.taoWeight }),
    ...(file.rootStakes === undefined
      ? {}
      : { rootStakes: file.rootStakes as NonNullable<GenesisConfig['rootStakes']> }),
    ...(file.subnets === undefined ? {} : { subnets: file.subnets as NonNullable<GenesisConfig['subnets']> }),
    ...(file.mechanisms === undefined
      ? {}
      : { addOn: mechanismsGenesis(file.mechanisms as MechanismsConfig) }),
  };
}
