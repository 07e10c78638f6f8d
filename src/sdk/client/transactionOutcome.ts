/** What became of a submitted transaction, once settled. */
import type { Hex } from '../tx/envelope.ts';
import type { RejectionView } from './rpcResults.ts';

/**
 * `included`: in block `block` and applied (its events given); `failed`: in block `block` but the chain
 * refused the call (e.g. not enough balance), the nonce is used; `rejected`: dropped before a block (e.g.
 * expired, nonce gap), the nonce is free again.
 */
export type TransactionOutcome =
  | {
      readonly status: 'included';
      readonly id: Hex;
      readonly block: number;
      readonly events: readonly unknown[];
    }
  | { readonly status: 'failed'; readonly id: Hex; readonly block: number; readonly error: RejectionView }
  | { readonly status: 'rejected'; readonly id: Hex; readonly block: number; readonly error: RejectionView };
