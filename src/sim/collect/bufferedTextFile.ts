/**
 * A text file written in large pieces: appended text is buffered and written once it passes 64 KiB, so
 * writing a line per run costs no system call per run; closing writes the rest.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** A file open for appending text. */
export interface BufferedTextFile {
  append(text: string): void;
  /** Write what is buffered and close the file; safe to call twice. */
  close(): void;
}

const FLUSH_AT = 64 * 1024;

/**
 * Open `path`, truncating it.
 * @example const f = openBufferedTextFile('out/x/runs.csv'); f.append('run,status\n'); f.close()
 */
export function openBufferedTextFile(path: string): BufferedTextFile {
  const fd = openSync(path, 'w');
  let buffer = '';
  let open = true;
  const flush = () => {
    if (buffer.length > 0) writeSync(fd, buffer);
    buffer = '';
  };
  return {
    append(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    close() {
      if (!open) return;
      open = false;
      flush();
      closeSync(fd);
    },
  };
}
