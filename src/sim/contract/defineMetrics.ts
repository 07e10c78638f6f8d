/**
 * Metrics declared as `{ info, compute }` entries keyed by a literal union, in an order fixed by a key
 * list: a misspelt or missing key is a type error, and values are written by key order, never by a
 * hand-kept position.
 */
import type { MetricInfo } from './types.ts';

/** One metric's meaning (its key is the table's) and how to compute it from a model's context. */
export interface MetricEntry<C, V extends number | boolean = number> {
  readonly info: Omit<MetricInfo, 'key'>;
  compute(context: C): V;
}

/** A table of metrics: one entry per key of the union `K`. */
export type MetricTable<K extends string, C, V extends number | boolean = number> = {
  readonly [Key in K]: MetricEntry<C, V>;
};

/** Declared metrics: their keys in output order, their infos in that order, and a writer. */
export interface Metrics<K extends string, C> {
  readonly keys: readonly K[];
  /** One info per key, in key order (what a model's shape lists). */
  readonly infos: readonly MetricInfo[];
  /** Compute every metric in key order into `out` from `offset` (booleans as 0/1). */
  write(context: C, out: Float64Array | Uint8Array, offset?: number): void;
}

/**
 * Declare metrics in the order of `keys`.
 * @example
 * const KEYS = ['price'] as const;
 * const metrics = defineMetrics<(typeof KEYS)[number], { price: number }>(KEYS, {
 *   price: { info: { label: 'Price', unit: 'USD', description: 'Price.' }, compute: (c) => c.price },
 * });
 */
export function defineMetrics<K extends string, C, V extends number | boolean = number>(
  keys: readonly K[],
  table: MetricTable<K, C, V>,
): Metrics<K, C> {
  const entries = keys.map((key) => table[key]);
  return {
    keys,
    infos: keys.map((key) => ({ key, ...table[key].info })),
    write(context, out, offset = 0) {
      for (let k = 0; k < entries.length; k++) {
        const v = entries[k]!.compute(context);
        out[offset + k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
      }
    },
  };
}
