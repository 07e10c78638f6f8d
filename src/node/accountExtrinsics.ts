/**
 * `tm_accountExtrinsics(address, limit)`: an account's latest extrinsics, newest first: those it signed
 * and the transfers it received, each with its block and receipt. The store keeps no index by account,
 * so this reads blocks back from the head and stops after {@link ACCOUNT_SCAN_BLOCKS}: an older
 * transaction is not listed (the answer says how far back it looked).
 */
import type { LocalNode } from './localNode.ts';
import type { StoredExtrinsic, StoredReceipt } from './store/blockStore.ts';

/** Blocks read back from the head at most (about 20 minutes at 250 ms blocks, 33 hours at 12 s). */
export const ACCOUNT_SCAN_BLOCKS = 5_000;

/** One extrinsic of the account. */
export interface AccountExtrinsic {
  readonly block: number;
  /** Its place in the block. */
  readonly index: number;
  /** The submission id that carried it (for `tm_receipt`). */
  readonly submission: string;
  /** `signed` by the account, or a transfer it `received`. */
  readonly role: 'signed' | 'received';
  readonly extrinsic: StoredExtrinsic;
  readonly receipt: StoredReceipt;
}

/** The answer: the extrinsics found and the oldest block read. */
export interface AccountExtrinsics {
  readonly extrinsics: AccountExtrinsic[];
  /** The oldest block read; older extrinsics of the account, if any, are not in the list. */
  readonly scannedFrom: number;
}

/**
 * The latest `limit` extrinsics of `address` within the last {@link ACCOUNT_SCAN_BLOCKS} blocks.
 * @example accountExtrinsics(node, bob, 20).extrinsics[0]?.extrinsic.call // 'add_stake'
 */
export function accountExtrinsics(node: LocalNode, address: string, limit: number): AccountExtrinsics {
  const found: AccountExtrinsic[] = [];
  const head = node.head.number;
  const oldest = Math.max(1, head - ACCOUNT_SCAN_BLOCKS + 1);
  let n = head;
  for (; n >= oldest && found.length < limit; n--) {
    const block = node.block(n);
    if (block === undefined) continue;
    for (let i = block.extrinsics.length - 1; i >= 0 && found.length < limit; i--) {
      const extrinsic = block.extrinsics[i]!;
      const received = 'dest' in extrinsic && extrinsic.dest === address;
      if (extrinsic.signer !== address && !received) continue;
      found.push({
        block: n,
        index: i,
        submission: block.submissions[i] ?? '',
        role: extrinsic.signer === address ? 'signed' : 'received',
        extrinsic,
        receipt: block.receipts[i]!,
      });
    }
  }
  return { extrinsics: found, scannedFrom: Math.max(n + 1, oldest) };
}
