/**
 * Run a contiguous range of run indices with a model, in whichever thread calls it. A run that throws
 * becomes an errored record; outputs are copied into fresh buffers, so they can be transferred to
 * another thread without detaching anything the model keeps.
 */
import type { RunRecord } from '../collect/runRecord.ts';
import type { Model } from '../contract/types.ts';

/** A range of runs to execute. */
export interface ChunkRange {
  readonly start: number;
  readonly count: number;
}

/** Records of a chunk and the buffers a worker can transfer with them. */
export interface ChunkOutput {
  readonly records: RunRecord[];
  readonly buffers: ArrayBuffer[];
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Run `model` for run indices `start … start + count − 1`.
 * @example runChunk({ model, scenario, seed: 1, start: 0, count: 10 }).records.length // 10
 */
export function runChunk({
  model,
  scenario,
  seed,
  start,
  count,
}: {
  model: Model<unknown>;
  scenario: unknown;
  seed: number;
} & ChunkRange): ChunkOutput {
  const records: RunRecord[] = [];
  const buffers: ArrayBuffer[] = [];
  for (let runIndex = start; runIndex < start + count; runIndex++) {
    try {
      const out = model.run({ scenario, seed, runIndex });
      const output = {
        steps: Int32Array.from(out.steps),
        series: Float64Array.from(out.series),
        outcomes: Float64Array.from(out.outcomes),
        events: Uint8Array.from(out.events),
      };
      buffers.push(output.steps.buffer, output.series.buffer, output.outcomes.buffer, output.events.buffer);
      records.push({ runIndex, ok: true, output });
    } catch (error) {
      const stack = error instanceof Error ? error.stack : undefined;
      records.push({
        runIndex,
        ok: false,
        message: errorMessage(error),
        ...(stack === undefined ? {} : { stack }),
      });
    }
  }
  return { records, buffers };
}
