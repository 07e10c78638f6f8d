/**
 * Create the output folder and check it can be written before any run starts. The folders are made one
 * level at a time: Node 20's recursive mkdir loops forever where a parent exists but cannot hold
 * folders (under /proc, say), and permission bits say nothing when running as root, so a probe file
 * is written and removed.
 */
import { mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OutputDirError } from './outputDirError.ts';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const errnoCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** Whether `path` is a folder (true), something else (false) or missing (null). */
function kindOf(path: string, unusable: (reason: string, cause: unknown) => never): boolean | null {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    const code = errnoCode(error);
    // ENOTDIR: a parent is a file; the walk up finds and names it.
    if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) return null;
    return unusable(errorText(error), error);
  }
}

/**
 * Make `dir` (and its missing parents) and prove it writable, or throw an {@link OutputDirError}
 * (`OUT_DIR_UNUSABLE`) naming `field`.
 * @example prepareOutputDir({ dir: 'out/default', field: '--out' })
 */
export function prepareOutputDir({ dir, field }: { dir: string; field: string }): void {
  const path = resolve(dir);
  const unusable = (reason: string, cause?: unknown): never => {
    throw new OutputDirError({ code: 'OUT_DIR_UNUSABLE', field, dir: path, reason, cause });
  };
  // Walk up to the nearest existing ancestor, remembering the folders to make on the way down.
  const missing: string[] = [];
  let at = path;
  let isDirectory = kindOf(at, unusable);
  while (isDirectory === null) {
    missing.unshift(at);
    at = dirname(at);
    isDirectory = kindOf(at, unusable);
  }
  if (!isDirectory) unusable(`${at} is a file, not a folder`);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another process may have made it meanwhile; only a folder will do.
      if (errnoCode(error) === 'EEXIST' && statSync(folder).isDirectory()) continue;
      unusable(errorText(error), error);
    }
  }
  const probe = join(path, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (error) {
    unusable(errorText(error), error);
  }
}
