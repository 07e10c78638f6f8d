/**
 * What the demo measured: each miner's accuracy over the validator's rounds (the validator's own scores,
 * so a copy or a late answer counts as wrong) with its 95 % Wilson interval, beside the incentive and
 * emission the chain gave it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wilsonInterval } from '../../../subnets/glyphs/scoring/wilsonInterval.ts';
import type { Metagraph } from '../../sdk/client/metagraph.ts';
import { ROUNDS_FILE, roundRecordSchema } from '../../sdk/validator/roundRecord.ts';

/** One miner's line of the report. */
export interface DemoMinerLine {
  readonly uid: number;
  readonly label: string;
  readonly hotkey: string;
  readonly adversary: boolean;
  /** The validator's score over all rounds, images weighted. */
  readonly accuracy: number;
  readonly accuracyLow: number;
  readonly accuracyHigh: number;
  /** Answers scored. */
  readonly answers: number;
  readonly incentive: number;
  /** Alpha of the last epoch, rao-sized units. */
  readonly emission: bigint;
}

/** What the validator's rounds say: rounds, and per hotkey the answers scored and the correct ones. */
export function readRounds(validatorDir: string): {
  rounds: number;
  lastDifficulty: number | null;
  byHotkey: Map<string, { correct: number; answers: number }>;
} {
  const lines = readFileSync(join(validatorDir, ROUNDS_FILE), 'utf8').trim().split('\n').filter(Boolean);
  const byHotkey = new Map<string, { correct: number; answers: number }>();
  let lastDifficulty: number | null = null;
  for (const line of lines) {
    const record = roundRecordSchema.parse(JSON.parse(line));
    const images = Number(record.task.images ?? 0);
    if (typeof record.task.difficulty === 'number') lastDifficulty = record.task.difficulty;
    for (const m of record.miners) {
      const seen = byHotkey.get(m.hotkey) ?? { correct: 0, answers: 0 };
      seen.correct += Math.round(m.score * images);
      seen.answers += images;
      byHotkey.set(m.hotkey, seen);
    }
  }
  return { rounds: lines.length, lastDifficulty, byHotkey };
}

/**
 * The report's lines, best incentive first.
 * @example demoLines(graph, rounds, miners)[0].label // 'convNet'
 */
export function demoLines(
  graph: Metagraph,
  rounds: ReturnType<typeof readRounds>,
  miners: readonly { readonly label: string; readonly hotkey: string; readonly adversary: boolean }[],
): DemoMinerLine[] {
  return miners
    .map((m) => {
      const uid = graph.hotkeys.indexOf(m.hotkey);
      const seen = rounds.byHotkey.get(m.hotkey) ?? { correct: 0, answers: 0 };
      const interval =
        seen.answers === 0
          ? { low: 0, high: 1 }
          : wilsonInterval({ successes: seen.correct, trials: seen.answers });
      return {
        uid,
        label: m.label,
        hotkey: m.hotkey,
        adversary: m.adversary,
        accuracy: seen.answers === 0 ? 0 : seen.correct / seen.answers,
        accuracyLow: interval.low,
        accuracyHigh: interval.high,
        answers: seen.answers,
        incentive: graph.incentive[uid] ?? 0,
        emission: graph.emission[uid] ?? 0n,
      };
    })
    .sort((a, b) => b.incentive - a.incentive || a.uid - b.uid);
}
