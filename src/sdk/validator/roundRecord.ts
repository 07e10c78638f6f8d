/**
 * A validator's record of each round, appended as one JSON line to `rounds.jsonl` in its data folder:
 * who was asked, who answered, how fast, the round's score and the running average of each miner, and
 * what the validator did with weights. The dashboard reads these files; the schema here is their
 * definition (`tensormarket schema` does not cover them; the README's subnet page shows one line).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The file name of the round records in a validator's data folder. */
export const ROUNDS_FILE = 'rounds.jsonl';

/** One miner's part of a round. */
export const minerRoundSchema = z.strictObject({
  uid: z.int().min(0),
  hotkey: z.string(),
  /** Whether a typed answer came back in time. */
  ok: z.boolean(),
  /** HTTP status (200, or the refusal's: 401, 403, 404, 408, 503, …). */
  status: z.int(),
  /** The refusal's code (e.g. `TIMEOUT`, `BAD_SIGNATURE`), null when it answered. */
  code: z.string().nullable(),
  latencyMs: z.number().min(0),
  /** This round's score, 0..1. */
  score: z.number().min(0).max(1),
  /** The running average after this round, 0..1. */
  average: z.number().min(0).max(1),
});

/** What the validator did with weights this round. */
export const weightsActionSchema = z.strictObject({
  /** `set` (set_weights), `commit` (commit_weights, commit-reveal on) or `reveal` (reveal_weights). */
  action: z.enum(['set', 'commit', 'reveal']),
  uids: z.array(z.int().min(0)),
  /** u16 weights, the largest 65535. */
  weights: z.array(z.int().min(0).max(65_535)),
  /** `included`, or the chain's code of a refusal (e.g. `SettingWeightsTooFast`). */
  outcome: z.string(),
  /** The block that included (or refused) it. */
  block: z.int().min(0).nullable(),
});

/** One round. */
export const roundRecordSchema = z.strictObject({
  round: z.int().min(1),
  /** The chain's head when the round began. */
  block: z.int().min(0),
  /** ISO 8601 time the round began. */
  time: z.string(),
  netuid: z.int().min(0),
  validator: z.string(),
  /** The task's own facts (e.g. its difficulty), as the subnet reports them. */
  task: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  miners: z.array(minerRoundSchema),
  weights: z.array(weightsActionSchema),
});

export type MinerRound = z.infer<typeof minerRoundSchema>;
export type WeightsAction = z.infer<typeof weightsActionSchema>;
export type RoundRecord = z.infer<typeof roundRecordSchema>;

/**
 * Append `record` to `<dataDir>/rounds.jsonl` (checked against the schema; the folder is made if needed).
 * @example appendRoundRecord('.validator', record)
 */
export function appendRoundRecord(dataDir: string, record: RoundRecord): void {
  const checked = roundRecordSchema.parse(record);
  mkdirSync(dataDir, { recursive: true });
  appendFileSync(join(dataDir, ROUNDS_FILE), `${JSON.stringify(checked)}\n`);
}
