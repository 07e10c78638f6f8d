import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { guardOutputWrite, OutputDirError } from './outputDirError.ts';
import { prepareOutputDir } from './prepareOutputDir.ts';

const dir = createTempDirs('tm-outdir-')();

/** The error `fn` throws (fails the test when it throws nothing). */
function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('prepareOutputDir', () => {
  it('makes the missing folders and leaves no probe file behind', () => {
    const out = join(dir, 'a', 'b', 'c');
    prepareOutputDir({ dir: out, field: '--out' });
    expect(readdirSync(out)).toEqual([]);
    prepareOutputDir({ dir: out, field: '--out' });
  });

  it('names the field and the file in the way when a parent is a file', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const error = thrown(() => prepareOutputDir({ dir: join(blocker, 'x', 'y'), field: '--out' }));
    expect(error).toBeInstanceOf(OutputDirError);
    expect(error).toMatchObject({ code: 'OUT_DIR_UNUSABLE', field: '--out' });
    expect((error as Error).message).toMatch(/^--out: .* \(.*file is a file, not a folder\)/);
  });

  it('fails at once where a parent exists but cannot hold folders', () => {
    const error = thrown(() => prepareOutputDir({ dir: '/proc/tensormarket/x', field: 'outDir' }));
    expect(error).toMatchObject({ code: 'OUT_DIR_UNUSABLE', field: 'outDir' });
  });
});

describe('guardOutputWrite', () => {
  const where = { dir: join(dir, 'gone'), field: '--out' };

  it('turns a failed file-system write into OUT_DIR_WRITE_FAILED', () => {
    const error = thrown(() => guardOutputWrite(where, () => writeFileSync(join(where.dir, 'x.json'), '')));
    expect(error).toMatchObject({ code: 'OUT_DIR_WRITE_FAILED', field: '--out', dir: where.dir });
    expect((error as Error).message).toMatch(/^--out: could not write to the output folder .*ENOENT/);
  });

  it('passes other errors through and returns the value otherwise', () => {
    const bug = new TypeError('a bug');
    const fail = (): never => {
      throw bug;
    };
    expect(thrown(() => guardOutputWrite(where, fail))).toBe(bug);
    expect(guardOutputWrite(where, () => 7)).toBe(7);
  });
});
