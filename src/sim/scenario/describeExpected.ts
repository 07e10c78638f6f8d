/**
 * Plain-words descriptions of what a field accepts, read from the JSON Schema of the scenario (so the
 * model's own constraints are described without knowing the model): `a number >= 0`, `one of "block",
 * "tempo", "day"`, `an integer between 1 and 128`.
 */

/** A JSON Schema node (the subset zod writes). */
export type JsonSchema = { readonly [key: string]: unknown };

const LARGEST_SAFE = Number.MAX_SAFE_INTEGER;

function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (ref === '#') return root;
  const name = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref)?.[1];
  const defs = (root.$defs ?? root.definitions) as Record<string, JsonSchema> | undefined;
  return (name !== undefined ? defs?.[decodeURIComponent(name)] : undefined) ?? node;
}

/** The alternatives of a node (its anyOf/oneOf branches, flattened), references resolved. */
export function branches(root: JsonSchema, node: JsonSchema): JsonSchema[] {
  const n = resolveRef(root, node);
  const list = (n.anyOf ?? n.oneOf) as JsonSchema[] | undefined;
  return list === undefined ? [n] : list.flatMap((b) => branches(root, b));
}

/**
 * The schema of the field at `path` under `root`, or undefined when the path leaves the schema.
 * @example schemaAt(root, ['model', 'market', 'volatility'])
 */
export function schemaAt(root: JsonSchema, path: readonly PropertyKey[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    let next: JsonSchema | undefined;
    for (const b of branches(root, node)) {
      const props = b.properties as Record<string, JsonSchema> | undefined;
      if (typeof segment === 'string' && props?.[segment] !== undefined) next = props[segment];
      else if (typeof segment === 'number' && typeof b.items === 'object') next = b.items as JsonSchema;
      else if (typeof segment === 'string' && typeof b.additionalProperties === 'object')
        next = b.additionalProperties as JsonSchema;
      if (next !== undefined) break;
    }
    node = next;
  }
  return node === undefined ? undefined : resolveRef(root, node);
}

const quote = (v: unknown) => JSON.stringify(v);

function listWords(items: readonly string[], last: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

function bounds(node: JsonSchema): string {
  const num = (k: string) =>
    typeof node[k] === 'number' && Math.abs(node[k]) < LARGEST_SAFE ? node[k] : undefined;
  const lo = num('minimum');
  const xlo = num('exclusiveMinimum');
  const hi = num('maximum');
  const xhi = num('exclusiveMaximum');
  if (lo !== undefined && hi !== undefined) return ` between ${lo} and ${hi}`;
  const parts: string[] = [];
  if (lo !== undefined) parts.push(`>= ${lo}`);
  if (xlo !== undefined) parts.push(`> ${xlo}`);
  if (hi !== undefined) parts.push(`<= ${hi}`);
  if (xhi !== undefined) parts.push(`< ${xhi}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

/**
 * What a schema node accepts, in words.
 * @example describeSchema({ type: 'number', minimum: 0 }) // 'a number >= 0'
 */
export function describeSchema(node: JsonSchema, root: JsonSchema = node): string {
  const alts = branches(root, node);
  if (alts.length > 1) return listWords([...new Set(alts.map((b) => describeSchema(b, root)))]);
  const n = alts[0] ?? node;
  if ('const' in n) return quote(n.const);
  if (Array.isArray(n.enum))
    return n.enum.length === 1 ? quote(n.enum[0]) : `one of ${listWords(n.enum.map(quote))}`;
  switch (n.type) {
    case 'integer':
      return `an integer${bounds(n)}`;
    case 'number':
      return `a number${bounds(n)}`;
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    case 'string': {
      const examples = Array.isArray(n.examples) ? listWords(n.examples.map(quote)) : undefined;
      const pattern = typeof n.pattern === 'string' ? n.pattern : undefined;
      if (examples !== undefined && pattern !== undefined)
        return `a string like ${examples} (pattern ${pattern})`;
      if (pattern !== undefined) return `a string matching ${pattern}`;
      if (typeof n.minLength === 'number' && n.minLength > 0) return 'a non-empty string';
      return 'a string';
    }
    default:
      return 'a value';
  }
}

/**
 * A short phrase for a value found in a file: `"high"`, `12`, `a list`, `nothing`.
 * @example describeValue('high') // '"high"'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
