/** The error of a call to a node that did not give a result: what the node said, or why it said nothing. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `RPC_REJECTED`: the node refused the request for a domain reason (JSON-RPC code -32000; `dataCode`
 * says which, e.g. `NONCE_GAP`, and `field` where); `RPC_ERROR`: any other JSON-RPC error (bad params,
 * unknown method, rate limited…); `RPC_UNREACHABLE`: no answer (connection refused, reset, DNS);
 * `RPC_BAD_RESPONSE`: an answer that is not JSON-RPC or not the result's shape; `RPC_TIMEOUT`: no answer
 * in time; `RECEIPT_TIMEOUT`: a submission acknowledged but not settled in time.
 */
export type RpcCallErrorCode =
  | 'RPC_REJECTED'
  | 'RPC_ERROR'
  | 'RPC_UNREACHABLE'
  | 'RPC_BAD_RESPONSE'
  | 'RPC_TIMEOUT'
  | 'RECEIPT_TIMEOUT';

/** What the node answered, when it answered with an error. */
export interface RpcCallErrorInfo {
  /** The JSON-RPC method called, e.g. `author_submitExtrinsic`. */
  readonly method: string;
  /** The JSON-RPC error code, e.g. -32000. */
  readonly rpcCode?: number;
  /** `data.code`: the domain error's stable code, e.g. `BAD_SIGNATURE`. */
  readonly dataCode?: string;
  /** `data.field`: the input at fault, e.g. `params[0].nonce`. */
  readonly field?: string;
  /** `data.fix`: what to send instead. */
  readonly fix?: string;
}

/** A call that gave no result. */
export class RpcCallError extends TensormarketError {
  declare readonly code: RpcCallErrorCode;
  readonly method: string;
  readonly rpcCode: number | undefined;
  readonly dataCode: string | undefined;
  readonly field: string | undefined;
  readonly fix: string | undefined;

  constructor(
    code: RpcCallErrorCode,
    message: string,
    info: RpcCallErrorInfo,
    options?: { cause?: unknown },
  ) {
    const details: Record<string, unknown> = { ...info };
    super(code, message, options?.cause === undefined ? { details } : { details, cause: options.cause });
    this.method = info.method;
    this.rpcCode = info.rpcCode;
    this.dataCode = info.dataCode;
    this.field = info.field;
    this.fix = info.fix;
  }
}
