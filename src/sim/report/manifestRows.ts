/**
 * The run manifest as the runner records it (`manifest.json`: `version`, `rulePack`, `scenarioHash`,
 * `seed`, `runs`, `workers`, `wallTimeMs`, `node`…). Typed as a plain object so that the runner's
 * `Manifest` interface and parsed JSON both fit; known fields are shown first, with labels.
 */
export type ReportManifest = object;

const KNOWN: readonly (readonly [key: string, label: string])[] = [
  ['scenario', 'Scenario'],
  ['scenarioHash', 'Scenario hash'],
  ['seed', 'Seed'],
  ['runs', 'Runs'],
  ['completed', 'Completed'],
  ['errored', 'Errored'],
  ['status', 'Status'],
  ['workers', 'Workers'],
  ['rulePack', 'Rule pack'],
  ['model', 'Model'],
  ['modelExport', 'Model export'],
  ['package', 'Package'],
  ['version', 'Version'],
  ['wallTimeMs', 'Wall time'],
  ['node', 'Node.js'],
  ['startedAt', 'Started at'],
  ['files', 'Files'],
];

/** A wall time in ms as `850 ms`, `12.3 s` or `4 min 05 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return String(ms);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Text of any manifest value: strings as they are, numbers and bigints in full, `none` for null, lists
 * of plain values comma-separated, other objects as JSON.
 */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value === null) return 'none';
  if (value === undefined) return '';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return value.map(valueText).join(', ');
  }
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch {
    return String(value);
  }
}

/** Sentence-case label of an unknown camelCase key (`startedAt` → `Started at`). */
function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/**
 * Label/value rows of a manifest: the known fields in a fixed order (the scenario name falls back to
 * the summary's), then every other field in its own order. Values are plain text, not yet escaped.
 */
export function manifestRows({
  manifest,
  scenarioName,
}: {
  manifest: ReportManifest;
  scenarioName: string;
}): { label: string; value: string }[] {
  const entries = new Map<string, unknown>(Object.entries(manifest));
  if (!entries.has('scenario') || valueText(entries.get('scenario')) === '')
    entries.set('scenario', scenarioName);
  const rows: { label: string; value: string }[] = [];
  for (const [key, label] of KNOWN) {
    if (!entries.has(key)) continue;
    const value = entries.get(key);
    rows.push({
      label,
      value: key === 'wallTimeMs' && typeof value === 'number' ? formatDuration(value) : valueText(value),
    });
    entries.delete(key);
  }
  for (const [key, value] of entries) rows.push({ label: labelOf(key), value: valueText(value) });
  return rows;
}
