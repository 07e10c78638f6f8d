/**
 * A parsed YAML or JSON text that can say where a field is: line and column of the key (or list
 * item) at a field path, for error messages. JSON is read by the YAML 1.2 parser (JSON is a subset),
 * so both formats share one position map.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A 1-based position in a text. */
export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

/** A syntax error of the text, at a position. */
export interface SyntaxProblem extends SourcePosition {
  readonly message: string;
}

/** The parsed text and its positions. */
export interface SourceMap {
  /** The plain value (undefined when the text has syntax errors or is empty). */
  readonly value: unknown;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /**
   * Position of the field at `path`: its key in a mapping or its item in a list. A path that is not
   * in the text (a missing field) maps to its deepest existing parent.
   */
  locate(path: readonly PropertyKey[]): SourcePosition;
}

/** Strict JSON syntax check: the error's position, or null when the text is valid JSON. */
function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    return { offset, message: message.replace(/ at position \d+.*$/, '') };
  }
}

/**
 * Parse `text` as YAML, or as strict JSON when `json` is set (JSON's own syntax rules: no trailing
 * commas, no comments, last duplicate key wins).
 * @example createSourceMap('a:\n  b: 1\n').locate(['a', 'b']) // { line: 2, col: 3 }
 */
export function createSourceMap(text: string, { json = false }: { json?: boolean } = {}): SourceMap {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: !json });
  const at = (offset: number): SourcePosition => {
    const { line, col } = counter.linePos(offset);
    return { line, col };
  };
  const jsonError = json ? jsonSyntaxError(text) : null;
  const syntaxErrors = json
    ? jsonError === null
      ? []
      : [{ ...at(jsonError.offset), message: jsonError.message }]
    : doc.errors.map((e) => ({
        ...at(e.pos[0]),
        // The parser appends " at line L, column C" and a code frame; the position is reported separately.
        message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      }));
  const value =
    syntaxErrors.length > 0 ? undefined : json ? JSON.parse(text) : doc.toJS({ maxAliasCount: 1000 });
  return {
    value,
    syntaxErrors,
    locate(path) {
      let node: unknown = doc.contents;
      let found: SourcePosition =
        node && (node as Node).range ? at((node as Node).range![0]) : { line: 1, col: 1 };
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
          );
          if (pair === undefined) break;
          const key = pair.key as Node;
          if (key.range) found = at(key.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment];
          if (item === undefined) break;
          if (isScalar(item) || isMap(item) || isSeq(item)) {
            if (item.range) found = at(item.range[0]);
          }
          node = item;
        } else {
          break;
        }
      }
      return found;
    },
  };
}
