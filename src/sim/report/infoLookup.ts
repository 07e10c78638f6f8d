import type { MetricInfo } from '../contract/types.ts';

/** Metric info by key; a key the shape does not describe gets itself as label and a plain unit. */
export function infoLookup(infos: readonly MetricInfo[]): (key: string) => MetricInfo {
  const byKey = new Map(infos.map((i) => [i.key, i]));
  return (key) => byKey.get(key) ?? { key, label: key, unit: 'ratio', description: '' };
}
