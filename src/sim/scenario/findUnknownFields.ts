/**
 * Fields a file sets that the schema does not know. Zod's plain objects drop unknown keys silently, so
 * a typo in a model parameter would run with its default; this pass reports every such key instead.
 */
import { branches, type JsonSchema } from './describeExpected.ts';
import { RENAMED_KEYS } from './withRenamedKeys.ts';
import { RETIRED_KEYS } from './withRetiredKeys.ts';

/**
 * One unknown field: its path, the fields known at that level, its new name if it was renamed, and what
 * replaced it if it was retired.
 */
export interface UnknownField {
  readonly path: readonly (string | number)[];
  readonly known: readonly string[];
  readonly renamedTo?: string;
  readonly retired?: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every key of `value` not allowed by `root` (objects without `additionalProperties` count as closed).
 * @example findUnknownFields({ runz: 5 }, schema) // [{ path: ['runz'], known: ['name', 'runs', ...] }]
 */
export function findUnknownFields(value: unknown, root: JsonSchema): UnknownField[] {
  const found: UnknownField[] = [];
  const walk = (v: unknown, node: JsonSchema | undefined, path: (string | number)[]) => {
    if (node === undefined) return;
    const alts = branches(root, node);
    if (isPlainObject(v)) {
      const objects = alts.filter((b) => b.type === 'object' || b.properties !== undefined);
      if (objects.length === 0) return;
      const extra = objects.find(
        (b) => b.additionalProperties !== undefined && b.additionalProperties !== false,
      );
      const known = new Map<string, JsonSchema>();
      const renamed = new Map<string, string>();
      const retired = new Map<string, string>();
      for (const b of objects) {
        for (const [k, to] of Object.entries((b[RENAMED_KEYS] ?? {}) as Record<string, string>))
          renamed.set(k, to);
        for (const [k, why] of Object.entries((b[RETIRED_KEYS] ?? {}) as Record<string, string>))
          retired.set(k, why);
        for (const [k, s] of Object.entries((b.properties ?? {}) as Record<string, JsonSchema>))
          if (!known.has(k)) known.set(k, s);
      }
      for (const [k, child] of Object.entries(v)) {
        const sub = known.get(k);
        if (sub !== undefined) walk(child, sub, [...path, k]);
        else if (extra !== undefined)
          walk(
            child,
            typeof extra.additionalProperties === 'object'
              ? (extra.additionalProperties as JsonSchema)
              : undefined,
            [...path, k],
          );
        else {
          const to = renamed.get(k);
          const why = retired.get(k);
          found.push({
            path: [...path, k],
            known: [...known.keys()],
            ...(to !== undefined && { renamedTo: to }),
            ...(why !== undefined && { retired: why }),
          });
        }
      }
    } else if (Array.isArray(v)) {
      const items = alts.find((b) => typeof b.items === 'object')?.items as JsonSchema | undefined;
      v.forEach((item, i) => {
        walk(item, items, [...path, i]);
      });
    }
  };
  walk(value, root, []);
  return found;
}
