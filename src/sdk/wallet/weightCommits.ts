/**
 * Weights commits kept for their reveal: a validator commits to the hash of its weights and a salt, and
 * must show the same weights and salt an epoch (or more) later. Each commit is kept in the wallet's
 * folder, `<wallet>/weight_commits/<hotkey>/<netuid>-<hash>.json`, owner-only like the keys (the salt
 * stays secret until revealed), and removed once revealed.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeOwnerOnly } from './keyfileStore.ts';
import { WalletError } from './walletError.ts';
import { checkWalletName, type WalletLocation } from './walletPaths.ts';

/** The folder of a wallet that keeps its commits. */
export const WEIGHT_COMMITS_DIR = 'weight_commits';

const u16 = z.int().min(0).max(65_535);

/** A kept commit: what was committed, and where. */
export const weightCommitSchema = z.strictObject({
  netuid: u16,
  /** The hotkey's SS58 address, part of the hash. */
  hotkey: z.string(),
  /** `0x` + 64 hex digits. */
  hash: z.string().regex(/^0x[0-9a-f]{64}$/),
  uids: z.array(u16),
  /** The weights as u16. */
  values: z.array(u16),
  salt: z.array(u16),
  /** A u64 as a decimal string. */
  versionKey: z.string().regex(/^\d+$/),
  /** The block that included the commit. */
  block: z.int().min(0),
});

/** A kept commit. */
export type WeightCommit = z.output<typeof weightCommitSchema>;

/** A kept commit and its file. */
export interface StoredWeightCommit {
  readonly path: string;
  readonly commit: WeightCommit;
}

/** The folder of hotkey `hotkey`'s commits in `wallet`. */
export function weightCommitsDir(wallet: WalletLocation, hotkey: string): string {
  return join(wallet.dir, WEIGHT_COMMITS_DIR, checkWalletName(hotkey, 'hotkey'));
}

/**
 * Keep `commit` of hotkey `hotkey` (its name in the wallet); returns the file.
 * @example saveWeightCommit(walletLocation({ name: 'owner' }), 'default', commit) // …/owner/weight_commits/default/1-0xab….json
 */
export function saveWeightCommit(wallet: WalletLocation, hotkey: string, commit: WeightCommit): string {
  const checked = weightCommitSchema.parse(commit);
  const path = join(weightCommitsDir(wallet, hotkey), `${checked.netuid}-${checked.hash}.json`);
  writeOwnerOnly(path, new TextEncoder().encode(`${JSON.stringify(checked, null, 2)}\n`));
  return path;
}

/**
 * Hotkey `hotkey`'s kept commits on subnet `netuid`, oldest first; a file that is not a commit throws
 * `MALFORMED_KEYFILE` naming it.
 */
export function listWeightCommits(
  wallet: WalletLocation,
  hotkey: string,
  netuid: number,
): StoredWeightCommit[] {
  const dir = weightCommitsDir(wallet, hotkey);
  if (!existsSync(dir)) return [];
  const stored: StoredWeightCommit[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${netuid}-`) || !name.endsWith('.json')) continue;
    const path = join(dir, name);
    let commit: WeightCommit;
    try {
      commit = weightCommitSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (cause) {
      throw new WalletError('MALFORMED_KEYFILE', {
        field: 'keyfile',
        message: `${path} is not a kept weights commit; remove it or reveal with --uids, --weights and --salt`,
        path,
        cause,
      });
    }
    if (commit.netuid === netuid) stored.push({ path, commit });
  }
  return stored.sort((a, b) => a.commit.block - b.commit.block);
}

/** Forget a commit once revealed. */
export function removeWeightCommit(stored: StoredWeightCommit): void {
  rmSync(stored.path, { force: true });
}
