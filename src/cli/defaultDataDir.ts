/** Where the recorded data live when a command is not given `--data`. */
import { resolve } from 'node:path';

/** `../shared/data` of the project, or `TENSORMARKET_DATA_DIR` when it is set. */
export function defaultDataDir(): string {
  return (
    process.env.TENSORMARKET_DATA_DIR ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data')
  );
}
