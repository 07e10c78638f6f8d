/**
 * Validate a scenario text (YAML or JSON) against the scenario schema with the model's section schema,
 * collecting every problem with its file, line, column, field path, and the expected and found values.
 */
import type { z } from 'zod';
import { checkSweepParameters } from './checkSweepParameters.ts';
import { describeSchema, describeValue, type JsonSchema, schemaAt } from './describeExpected.ts';
import { findUnknownFields } from './findUnknownFields.ts';
import { formatPath, type ScenarioIssue } from './scenarioIssue.ts';
import { scenarioJsonSchema } from './scenarioJsonSchema.ts';
import {
  createScenarioSchema,
  resolveScenario,
  type Scenario,
  type ScenarioVariant,
} from './scenarioSchema.ts';
import { createSourceMap } from './sourceMap.ts';

/** The outcome of validating a scenario: the resolved scenario, or every problem found. */
export type ParseScenarioResult<M> =
  | { readonly ok: true; readonly scenario: Scenario<M> }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(
        up + 1,
        row[j - 1]! + 1,
        diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      diag = up;
    }
  }
  return row[b.length]!;
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  const close = known
    .map((k) => [k, editDistance(key, k)] as const)
    .filter(([k, d]) => d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((x, y) => x[1] - y[1])[0];
  if (close !== undefined) return `unknown field; did you mean "${close[0]}"?`;
  return known.length === 0 ? 'unknown field' : `unknown field; expected one of ${known.join(', ')}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `base` with `changes` laid over it: objects merge key by key, anything else replaces. */
export function mergeChanges(base: unknown, changes: unknown): unknown {
  if (changes === undefined) return base ?? {};
  if (!isPlainObject(base) || !isPlainObject(changes)) return changes;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(changes)) out[k] = mergeChanges(base[k], v);
  return out;
}

function zodIssueMessage(issue: z.core.$ZodIssue, root: JsonSchema): string {
  if (issue.code === 'custom') return issue.message;
  const leaf = schemaAt(root, issue.path);
  const expected = leaf !== undefined ? describeSchema(leaf, root) : issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `expected ${expected}, got nothing (the field is required)`;
  return `expected ${expected}, got ${describeValue(issue.input)}`;
}

/**
 * Parse and validate a scenario. `file` names the text in messages; a `.json` name selects strict JSON
 * syntax, anything else YAML (which also reads JSON).
 * @example parseScenario({ text: 'name: x\nruns: 10\n', file: 'x.yaml', modelSchema: z.object({}) })
 */
export function parseScenario<M extends z.ZodType>({
  text,
  file,
  modelSchema,
  checkStart,
}: {
  text: string;
  file: string;
  modelSchema: M;
  /** Checks the file `start:` names; returns what is wrong, or null (reading files is the caller's). */
  checkStart?: (start: string) => string | null;
}): ParseScenarioResult<z.output<M>> {
  const source = createSourceMap(text, { json: file.toLowerCase().endsWith('.json') });
  if (source.syntaxErrors.length > 0) {
    return {
      ok: false,
      issues: source.syntaxErrors.map((e) => ({
        file,
        line: e.line,
        col: e.col,
        path: '',
        message: e.message,
      })),
    };
  }
  if (source.value === null || source.value === undefined) {
    return {
      ok: false,
      issues: [
        { file, line: 1, col: 1, path: '', message: 'expected a mapping of fields, got an empty file' },
      ],
    };
  }
  const root = scenarioJsonSchema(modelSchema);
  const issues: (ScenarioIssue & { order: number })[] = [];
  const add = (path: readonly PropertyKey[], message: string) => {
    const at = source.locate(path);
    issues.push({ file, line: at.line, col: at.col, path: formatPath(path), message, order: issues.length });
  };

  for (const u of findUnknownFields(source.value, root)) {
    add(
      u.path,
      u.renamedTo !== undefined
        ? `renamed to "${u.renamedTo}"`
        : u.retired !== undefined
          ? `no longer a field: ${u.retired}; remove it`
          : unknownFieldMessage(String(u.path.at(-1)), u.known),
    );
  }
  const parsed = createScenarioSchema(modelSchema).safeParse(source.value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // Unknown keys were reported above, with suggestions, for strict and plain objects alike.
      if (issue.code === 'unrecognized_keys') continue;
      add(issue.path, zodIssueMessage(issue, root));
    }
  }
  const variants: ScenarioVariant<z.output<M>>[] = [];
  if (parsed.success) {
    // A variant's model is the scenario's model section (as written) with the variant's changes on top,
    // validated whole, so defaults fill only what neither sets.
    const rawModel = (source.value as Record<string, unknown>).model;
    const rawVariants = (source.value as Record<string, unknown>).variants;
    parsed.data.variants.forEach((v, i) => {
      const changes = Array.isArray(rawVariants)
        ? (rawVariants[i] as Record<string, unknown>)?.model
        : undefined;
      const merged = modelSchema.safeParse(mergeChanges(rawModel, changes), { reportInput: true });
      if (!merged.success) {
        for (const issue of merged.error.issues) {
          if (issue.code === 'unrecognized_keys') continue;
          add(['variants', i, 'model', ...issue.path], zodIssueMessage(issue, root));
        }
        return;
      }
      variants.push({
        name: v.name,
        title: v.title ?? v.name,
        description: v.description,
        model: merged.data,
      });
    });
    if (parsed.data.start !== undefined && checkStart !== undefined) {
      const problem = checkStart(parsed.data.start);
      if (problem !== null) add(['start'], problem);
    }
    if (parsed.data.sweep !== undefined)
      for (const issue of checkSweepParameters({ sweep: parsed.data.sweep, modelSchema }))
        add(issue.path, issue.message);
    const names = new Set<string>();
    parsed.data.variants.forEach((v, i) => {
      if (names.has(v.name))
        add(['variants', i, 'name'], `expected a name no other variant has, got "${v.name}" twice`);
      names.add(v.name);
    });
  }
  if (issues.length > 0 || !parsed.success) {
    issues.sort((a, b) => a.line - b.line || a.col - b.col || a.order - b.order);
    return { ok: false, issues: issues.map(({ order: _o, ...i }) => i) };
  }
  const { variants: _raw, ...fields } = parsed.data;
  return {
    ok: true,
    scenario: resolveScenario({ ...fields, variants }) as unknown as Scenario<z.output<M>>,
  };
}
