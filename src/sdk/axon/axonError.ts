/**
 * The reasons an axon refuses a request, each with its HTTP status (bittensor's axon uses 401 for a
 * request that fails verification, 403 for a caller it will not serve, 503 when busy, 408 on timeout, 404
 * for an unknown synapse, 400 for a body it cannot read) and its own stable code.
 */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * Every code and its status. `MISSING_SIGNATURE`: no signature header (never skipped);
 * `MISSING_HEADER`: another signed header absent; `MALFORMED_HEADER`: a header not in its form (the field
 * names it); `WRONG_AXON_HOTKEY`: the request is addressed to another miner; `STALE_NONCE` /
 * `FUTURE_NONCE`: the nonce is outside the window around the axon's clock; `REPLAYED_NONCE`: not above
 * the last nonce of its (hotkey, uuid); `INVALID_JSON`: the body is not JSON with an RFC 8785 form;
 * `BODY_HASH_MISMATCH`: the body is not the one hashed in `computed_body_hash`; `BAD_SIGNATURE`: not the
 * caller's signature of the signing message; `UNREGISTERED_CALLER`: the hotkey holds no UID on the
 * subnet; `NO_VALIDATOR_PERMIT`: registered without a validator permit; `NONCE_MEMORY_FULL`: too many
 * streams inside the window to track another; `INVALID_BODY`: the body is not the synapse's request
 * shape; `BLACKLISTED`: refused by the miner's blacklist; `OVERLOADED`: every worker busy and the queue
 * full (or the request displaced by one of higher priority); `HANDLER_TIMEOUT`: no answer in time;
 * `HANDLER_FAILED`: the handler threw; `INVALID_RESPONSE`: the handler's answer is not the synapse's
 * response shape; `UNKNOWN_SYNAPSE`: no such synapse (or not POST); `BODY_TOO_LARGE`: over the body limit;
 * `UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`.
 */
export const AXON_ERROR_STATUS = {
  MISSING_SIGNATURE: 401,
  MISSING_HEADER: 401,
  MALFORMED_HEADER: 400,
  WRONG_AXON_HOTKEY: 401,
  STALE_NONCE: 401,
  FUTURE_NONCE: 401,
  REPLAYED_NONCE: 401,
  INVALID_JSON: 400,
  BODY_HASH_MISMATCH: 400,
  BAD_SIGNATURE: 401,
  UNREGISTERED_CALLER: 403,
  NO_VALIDATOR_PERMIT: 403,
  NONCE_MEMORY_FULL: 503,
  INVALID_BODY: 400,
  BLACKLISTED: 403,
  OVERLOADED: 503,
  HANDLER_TIMEOUT: 408,
  HANDLER_FAILED: 500,
  INVALID_RESPONSE: 500,
  UNKNOWN_SYNAPSE: 404,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
} as const satisfies Record<string, number>;

/** Why an axon refused a request; see {@link AXON_ERROR_STATUS}. */
export type AxonErrorCode = keyof typeof AXON_ERROR_STATUS;

/** Every code, for clients that check a code they received. */
export const AXON_ERROR_CODES = Object.keys(AXON_ERROR_STATUS) as readonly AxonErrorCode[];

/** The JSON body of every refusal. */
export interface AxonErrorBody {
  readonly code: AxonErrorCode;
  readonly message: string;
  /** The header or body field at fault, when there is one (e.g. `bt_header_dendrite_nonce`, `body.text`). */
  readonly field?: string;
}

/** A refused request: its code, the status it is answered with, and the field at fault. */
export class AxonError extends TensormarketError {
  declare readonly code: AxonErrorCode;
  readonly field: string | undefined;

  constructor(code: AxonErrorCode, message: string, field?: string) {
    super(code, message);
    this.field = field;
  }

  /** The HTTP status this refusal is answered with. */
  get status(): number {
    return AXON_ERROR_STATUS[this.code];
  }

  /** The answer's body. */
  toBody(): AxonErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
