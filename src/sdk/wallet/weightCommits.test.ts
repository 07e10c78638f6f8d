import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { WalletError } from './walletError.ts';
import { walletLocation } from './walletPaths.ts';
import {
  listWeightCommits,
  removeWeightCommit,
  saveWeightCommit,
  type WeightCommit,
  weightCommitsDir,
} from './weightCommits.ts';

const tempDir = createTempDirs('tm-weight-commits-');

const commit = (netuid: number, block: number, digit: string): WeightCommit => ({
  netuid,
  hotkey: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  hash: `0x${digit.repeat(64)}`,
  uids: [0, 1],
  values: [65_535, 3],
  salt: [7, 8],
  versionKey: '0',
  block,
});

describe('kept weights commits', () => {
  it('keeps commits owner-only under the wallet, lists a subnet’s oldest first, forgets revealed ones', () => {
    const wallet = walletLocation({ walletPath: tempDir(), name: 'validator' });
    const later = saveWeightCommit(wallet, 'default', commit(1, 20, 'b'));
    saveWeightCommit(wallet, 'default', commit(1, 12, 'a'));
    saveWeightCommit(wallet, 'default', commit(2, 5, 'c'));
    expect(later).toBe(join(wallet.dir, 'weight_commits', 'default', `1-0x${'b'.repeat(64)}.json`));
    expect(statSync(later).mode & 0o777).toBe(0o600);

    const kept = listWeightCommits(wallet, 'default', 1);
    expect(kept.map((k) => k.commit.block)).toEqual([12, 20]);
    expect(kept[1]!.commit).toEqual(commit(1, 20, 'b'));
    expect(listWeightCommits(wallet, 'other', 1)).toEqual([]);

    removeWeightCommit(kept[0]!);
    expect(listWeightCommits(wallet, 'default', 1).map((k) => k.commit.block)).toEqual([20]);
  });

  it('names a file that is not a commit', () => {
    const wallet = walletLocation({ walletPath: tempDir(), name: 'validator' });
    saveWeightCommit(wallet, 'default', commit(3, 1, 'd'));
    const bad = join(weightCommitsDir(wallet, 'default'), '3-broken.json');
    writeFileSync(bad, '{"netuid":3}');
    let error: unknown;
    try {
      listWeightCommits(wallet, 'default', 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WalletError);
    expect(error).toMatchObject({ code: 'MALFORMED_KEYFILE', path: bad });
    expect(() => saveWeightCommit(wallet, '../x', commit(3, 1, 'e'))).toThrow(WalletError);
  });
});
