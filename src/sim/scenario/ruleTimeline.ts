/**
 * A scenario's rule timeline: the rule pack, its dated variant and chain parameters in force from each
 * date on. An entry names a pack and, optionally, a variant and parameters; without a variant the pack's
 * own dated variants switch on their recorded dates (rulepacks.md §2.1, §3.1, §4.1), so one entry per
 * pack covers the changes inside it. Parameters carry forward until an entry changes them.
 */
import { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import {
  RULE_PACK_TRAITS,
  RULE_PACKS,
  type RulePackName,
  ruleVariantOn,
} from '../../engine/rules/rulePack.ts';
import { DEFAULT_CHAIN_PARAMS } from '../../engine/state/defaults.ts';

/** A calendar date, YYYY-MM-DD. */
export const dateSchema = z.iso.date().meta({ examples: ['2025-02-20'] });

/** Chain parameters a timeline entry may set, by their kernel names. */
export const timelineParamsSchema = z
  .object({
    subnetLimit: z
      .int()
      .min(1)
      .max(DEFAULT_CHAIN_PARAMS.subnetLimit)
      .optional()
      .describe(
        `SubnetLimit: subnets the chain admits (at most ${DEFAULT_CHAIN_PARAMS.subnetLimit}, the model's slots); at the limit a registration prunes one.`,
      ),
    pruneAtLimit: z
      .boolean()
      .optional()
      .describe(
        'Whether a registration at the subnet limit deregisters the weakest subnet (true, the chain from 2025-10-02) or is refused (false, dTAO before then).',
      ),
    networkRateLimit: z
      .int()
      .min(0)
      .optional()
      .describe('NetworkRateLimit: blocks between two subnet registrations.'),
    lockReductionInterval: z
      .int()
      .min(1)
      .optional()
      .describe(
        'NetworkLockReductionInterval: blocks over which the registration lock, doubled at each registration, decays back.',
      ),
    taoWeight: z.number().min(0).max(1).optional().describe('TaoWeight: root stake’s weight, a proportion.'),
  })
  .strict();

/** Chain parameters of a timeline entry. */
export type TimelineParams = z.output<typeof timelineParamsSchema>;

/** One entry of a rule timeline. */
export const ruleChangeSchema = z
  .object({
    from: dateSchema.describe('First day (UTC) the entry is in force.'),
    pack: z.enum(RULE_PACKS).describe('The rule pack in force from that day.'),
    variant: z
      .string()
      .optional()
      .describe(
        'A dated variant of the pack, held until the next entry. Absent: the pack’s variants switch on their own dates.',
      ),
    params: timelineParamsSchema.optional().describe('Chain parameters changed on that day.'),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.variant === undefined) return;
    const names = RULE_PACK_TRAITS[entry.pack].variants.map((v) => v.variant);
    if (!names.includes(entry.variant))
      ctx.addIssue({
        code: 'custom',
        path: ['variant'],
        input: entry.variant,
        message: `${entry.pack} has no variant ${JSON.stringify(entry.variant)}; valid: ${names.length > 0 ? names.join(', ') : 'none (omit variant)'}`,
      });
  });

/** One entry of a rule timeline. */
export type RuleChange = z.output<typeof ruleChangeSchema>;

/** A rule timeline: entries in date order. */
export const ruleTimelineSchema = z
  .array(ruleChangeSchema)
  .min(1)
  .superRefine((entries, ctx) => {
    for (let k = 1; k < entries.length; k++)
      if (entries[k]!.from <= entries[k - 1]!.from)
        ctx.addIssue({
          code: 'custom',
          path: [k, 'from'],
          input: entries[k]!.from,
          message: `expected a date after ${entries[k - 1]!.from} (entries in date order), got ${entries[k]!.from}`,
        });
  });

/** The rules in force on a date. */
export interface RulesInForce {
  readonly pack: RulePackName;
  /** The pack's variant (undefined: a pack without variants, or before its first). */
  readonly variant: string | undefined;
  readonly params: TimelineParams;
  /** Index of the timeline entry in force. */
  readonly entry: number;
}

/**
 * The rules in force on `date` (YYYY-MM-DD); null before the first entry.
 * @example rulesOn([{ from: '2025-02-13', pack: 'dtao-2025-02' }], '2025-08-01')?.variant // 'subsidy'
 */
export function rulesOn(timeline: readonly RuleChange[], date: string): RulesInForce | null {
  let entry = -1;
  let params: TimelineParams = {};
  for (const [k, change] of timeline.entries()) {
    if (change.from > date) break;
    entry = k;
    params = { ...params, ...change.params };
  }
  if (entry < 0) return null;
  const change = timeline[entry]!;
  const variant = change.variant ?? ruleVariantOn(change.pack, date)?.variant;
  return { pack: change.pack, variant, params, entry };
}

/**
 * The date `days` whole days after `date`.
 * @example addDays('2025-02-20', 10) // '2025-03-02'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Throws an `InputError` naming `startDate` when a timeline has no date to read its entries against.
 * @example checkTimelineDate([{ from: '2025-02-13', pack: 'dtao-2025-02' }], undefined) // throws
 */
export function checkTimelineDate(
  rules: readonly RuleChange[] | undefined,
  startDate: string | undefined,
): void {
  if (rules !== undefined && startDate === undefined)
    throw new InputError(
      'startDate',
      'a rule timeline (rules) reads dates, but day 0 has none: set startDate: YYYY-MM-DD, or start from a dated snapshot (start:)',
    );
}
