/** A small RFC 4180 CSV reader that keeps each record's line number, for line-numbered errors. */

/** One record of a CSV file: its fields and the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A syntax problem of a CSV file (an unterminated quote, text after a closing quote). */
export interface CsvSyntaxProblem {
  readonly line: number;
  readonly message: string;
}

/** The records of a CSV text (the header is `records[0]`) and its syntax problems, if any. */
export interface CsvText {
  readonly records: readonly CsvRecord[];
  readonly problems: readonly CsvSyntaxProblem[];
}

/**
 * Split CSV text into records: comma separated, CRLF or LF line ends, fields in double quotes may hold
 * commas, line breaks and doubled quotes (`""`). Empty lines are skipped; a leading BOM is dropped.
 * @example readCsv('a,b\n1,"x, y"\n').records[1]!.fields // ['1', 'x, y']
 */
export function readCsv(text: string): CsvText {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let recordDone = false;
    while (!recordDone) {
      let field = '';
      if (src[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else {
            if (c === '\n') line++;
            field += c;
            i++;
          }
        }
        if (!closed) {
          problems.push({
            line: start,
            message: 'a quoted field is not closed before the end of the file (file cut short?)',
          });
        } else if (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          problems.push({
            line,
            message: 'text after a closing quote; double the quote ("") inside a quoted field',
          });
          // Skip to the next separator so the rest of the record is still read.
          while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
        }
      } else {
        while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          if (src[i] === '"') {
            problems.push({ line, message: 'a quote inside an unquoted field; quote the whole field' });
          }
          field += src[i++];
        }
      }
      fields.push(field);
      if (i < n && src[i] === ',') {
        i++;
        continue;
      }
      if (src[i] === '\r') i++;
      if (src[i] === '\n') {
        i++;
        line++;
      }
      recordDone = true;
    }
    // A blank line reads as one empty field: skip it rather than report a short record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, problems };
}
