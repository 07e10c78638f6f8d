/**
 * A file-safe, unique chart name (`series-taoPriceUsd`): characters outside `[A-Za-z0-9_-]` become
 * `-`, and repeats get `-2`, `-3`… (compared case-insensitively, for case-insensitive file systems).
 */
export function chartFileName({
  kind,
  key,
  taken,
}: {
  kind: string;
  key: string;
  taken: Set<string>;
}): string {
  const safeKey =
    key
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart';
  const base = `${kind}-${safeKey}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}
