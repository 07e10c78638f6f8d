/**
 * The starting-state file: the recorded network at one chain block in our own JSON format, with the
 * source files it was derived from and every gap of the snapshot filled by a dated parameter or a rule.
 */
import { z } from 'zod';

/** The format's name, written as `format` so that other JSON files are told apart at once. */
export const STARTING_STATE_FORMAT = 'tensormarket/starting-state';

/** The format's version; a reader refuses other versions. */
export const STARTING_STATE_VERSION = 1;

/** Which snapshot rows a file holds: the snapshot block (`t`) or the one 30 days earlier (`lag`). */
export const SNAPSHOT_LABELS = ['t', 'lag'] as const;

/** Labels a starting state may carry: a chain-state snapshot's, or `day` (built from a price panel's day). */
export const START_LABELS = [...SNAPSHOT_LABELS, 'day'] as const;

/** A snapshot label, as in the `label` column of the chain-state file; `day` for a day of a price panel. */
export type SnapshotLabel = (typeof SNAPSHOT_LABELS)[number];

const count = z.int().min(0);
const amount = z.number().min(0);
const share = z.number().min(0).max(1);

/** One input file, identified by its name and content hash (the path is not recorded). */
export const sourceFileSchema = z.object({
  name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['chain-state', 'roster', 'blocks', 'alpha-prices', 'issuance', 'tao-usd']),
  rows: count,
});

/** The gaps a snapshot's starting state fills, by name, in the order they are printed. */
export const GAP_NAMES = [
  'rootStakeTao',
  'taoIssued',
  'alphaMarketCapShare',
  'top10EmissionShare',
  'poolTaoAndPrices',
  'emissionDisabledSubnets',
  'minerBurningSubnets',
  'taoUsd',
] as const;

/** A gap's name. */
export type GapName = (typeof GAP_NAMES)[number];

/** A gap of the snapshot: a named parameter with its source and date, or a derivation rule. */
export const gapSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('parameter'),
    name: z.enum(GAP_NAMES),
    what: z.string(),
    value: z.number(),
    unit: z.string(),
    source: z.string(),
    date: z.string(),
  }),
  z.object({
    kind: z.literal('rule'),
    name: z.enum(GAP_NAMES),
    what: z.string(),
    rule: z.string(),
    /** The value the rule gives at the snapshot, when it gives one number. */
    value: z.number().nullable(),
    unit: z.string(),
  }),
]);

/** One subnet at the snapshot block; alpha amounts in alpha (on-chain RAO / 1e9). */
export const startSubnetSchema = z.object({
  netuid: z.int().min(1),
  name: z.string().nullable(),
  registeredBlock: count,
  /** Null while the subnet has not started emitting; 5,228,683 is a chain-wide migration value. */
  firstEmissionBlock: count.nullable(),
  tempo: z.int().min(1).nullable(),
  /**
   * The recorded alpha price (TAO per alpha) when the source records one (a price panel's day); the pool
   * holds this price at the start. Absent: prices follow the file's `poolTaoAndPrices` rule.
   */
  price: z.number().positive().optional(),
  ownerColdkey: z.string(),
  alphaIssued: amount,
  alphaInPool: amount,
  alphaStakedByWallets: amount,
  alphaStakedTotal: amount.nullable(),
  alphaProtocolOwned: amount,
  alphaBurned: amount,
  ownerAlpha: amount,
  ownerLockedAlpha: amount,
  ownerHotkeyLockedAlpha: amount,
  ownerValidatorStakeShare: share.nullable(),
  ownerValidatorDividendShare: share.nullable(),
  validators: count,
  validatorStakeHhi: share.nullable(),
  mechanisms: count,
  maxNeurons: count,
  uidsRegistered: count,
  uidsImmuneShare: share.nullable(),
  /** RAO (TAO × 1e9) recycled for registrations, cumulative; decimal text so no digit is lost. */
  raoRecycledCumulative: z.string().regex(/^\d+$/),
  flags: z.object({
    ownerLockPerpetual: z.boolean(),
    ownerCutAutolock: z.boolean(),
    commitReveal: z.boolean(),
    yuma3: z.boolean(),
    liquidAlpha: z.boolean(),
    /** FirstEmissionBlockNumber unset: the subnet is not emitting yet. */
    startupMode: z.boolean(),
  }),
});

/** The whole starting-state file. */
export const startingStateSchema = z.object({
  format: z.literal(STARTING_STATE_FORMAT),
  version: z.literal(STARTING_STATE_VERSION),
  description: z.string(),
  snapshot: z.object({
    label: z.enum(START_LABELS),
    block: count,
    /** UTC timestamp of the block (ISO 8601), null when no blocks file dated it. */
    date: z.string().nullable(),
    source: z.string(),
  }),
  files: z.array(sourceFileSchema).min(1),
  units: z.string(),
  gaps: z.array(gapSchema),
  subnets: z.array(startSubnetSchema).min(1),
});

/** A starting-state file's content. */
export type StartingState = z.infer<typeof startingStateSchema>;

/** One subnet of a {@link StartingState}. */
export type StartSubnet = z.infer<typeof startSubnetSchema>;

/** One filled gap of a {@link StartingState}. */
export type SnapshotGap = z.infer<typeof gapSchema>;

/** One source file of a {@link StartingState}. */
export type SnapshotSourceFile = z.infer<typeof sourceFileSchema>;
