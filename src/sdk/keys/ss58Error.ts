/** The error thrown when an SS58 address cannot be read or written. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `SS58_BAD_BASE58`: a character outside the base58 alphabet; `SS58_BAD_LENGTH`: not a 32-byte account;
 * `SS58_BAD_PREFIX`: a network prefix outside 0–16383 or reserved (46, 47); `SS58_BAD_CHECKSUM`: the
 * checksum does not match (a mistyped character); `SS58_WRONG_NETWORK`: a valid address of another network.
 */
export type Ss58ErrorCode =
  | 'SS58_BAD_BASE58'
  | 'SS58_BAD_LENGTH'
  | 'SS58_BAD_PREFIX'
  | 'SS58_BAD_CHECKSUM'
  | 'SS58_WRONG_NETWORK';

/** An address that is not a valid SS58 account address. */
export class Ss58Error extends TensormarketError {
  declare readonly code: Ss58ErrorCode;

  constructor(code: Ss58ErrorCode, message: string) {
    super(code, message);
  }
}
