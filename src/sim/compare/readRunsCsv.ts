/**
 * Read a `runs.csv` back into one column per outcome and event, indexed by run: what a comparison
 * pairs across variants (errored runs read as NaN, so they drop out of every pair).
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/errors.ts';

/** The columns of a runs.csv, each indexed by run. */
export interface RunsTable {
  /** Highest run index + 1. */
  readonly runs: number;
  /** Column name → values by run index (NaN where the run errored or the cell is empty). */
  readonly columns: ReadonlyMap<string, Float64Array>;
}

/** Split one CSV line, honouring double-quoted fields (only the error message is ever quoted). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else text += line[i++];
      }
      cells.push(text);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return cells;
}

/** Split CSV text into records (a quoted field may hold line breaks). */
function records(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * Parse runs.csv text; `file` names it in errors.
 * @example parseRunsCsv('run,status,x,error\n0,ok,1.5,\n', 'runs.csv').columns.get('x') // [1.5]
 */
export function parseRunsCsv(text: string, file: string): RunsTable {
  const lines = records(text);
  const header = splitLine(lines[0] ?? '');
  if (header[0] !== 'run' || header[1] !== 'status' || header.at(-1) !== 'error')
    throw new InputError(
      file,
      'expected a runs.csv written by `tensormarket simulate` (header run,status,...,error)',
    );
  const names = header.slice(2, -1);
  const rows = lines.slice(1).filter((l) => l !== '');
  let runs = 0;
  const parsed = rows.map((line, k) => {
    const cells = splitLine(line);
    const run = Number(cells[0]);
    if (!Number.isInteger(run) || run < 0)
      throw new InputError(`${file}:${k + 2}`, `expected a run index in the first column, got "${cells[0]}"`);
    runs = Math.max(runs, run + 1);
    return { run, ok: cells[1] === 'ok', cells };
  });
  const columns = new Map<string, Float64Array>();
  names.forEach((name, c) => {
    const values = new Float64Array(runs).fill(Number.NaN);
    for (const { run, ok, cells } of parsed) {
      const cell = cells[c + 2] ?? '';
      if (ok && cell !== '') values[run] = Number(cell);
    }
    columns.set(name, values);
  });
  return { runs, columns };
}

/** Read and parse a runs.csv file. */
export function readRunsCsv(path: string): RunsTable {
  return parseRunsCsv(readFileSync(path, 'utf8'), path);
}
