/** Temporary folders for one test file, removed once its tests are done. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A maker of fresh folders under the system's temporary folder, named `prefix` plus a random suffix;
 * call it at the top of a test file (it registers the clean-up with `afterAll`).
 * @example const tempDir = createTempDirs('tm-runner-'); const out = tempDir();
 */
export function createTempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
