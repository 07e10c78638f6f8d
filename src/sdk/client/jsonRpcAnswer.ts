/** Reading one JSON-RPC answer: its result in the expected shape, or the typed error it carries. */
import type { z } from 'zod';
import { RpcCallError } from './rpcCallError.ts';

/** JSON-RPC's code for a domain rejection, which carries `data.code` and `data.field`. */
const REJECTED_CODE = -32000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The result of `answer` (a parsed JSON-RPC response to `method`) checked against `schema`; throws
 * {@link RpcCallError}: `RPC_REJECTED` / `RPC_ERROR` for an error answer, `RPC_BAD_RESPONSE` otherwise.
 */
export function readAnswer<S extends z.ZodType>(method: string, answer: unknown, schema: S): z.output<S> {
  if (!isObject(answer) || answer.jsonrpc !== '2.0')
    throw new RpcCallError('RPC_BAD_RESPONSE', `${method}: the answer is not JSON-RPC 2.0`, { method });
  if (isObject(answer.error)) {
    const { code, message, data } = answer.error;
    const rpcCode = typeof code === 'number' ? code : undefined;
    const extra = isObject(data) ? data : {};
    const dataCode = text(extra.code);
    const field = text(extra.field);
    const fix = text(extra.fix);
    throw new RpcCallError(
      rpcCode === REJECTED_CODE ? 'RPC_REJECTED' : 'RPC_ERROR',
      `${method}: ${text(message) ?? 'error'}${fix === undefined ? '' : `; ${fix}`}`,
      {
        method,
        ...(rpcCode === undefined ? {} : { rpcCode }),
        ...(dataCode === undefined ? {} : { dataCode }),
        ...(field === undefined ? {} : { field }),
        ...(fix === undefined ? {} : { fix }),
      },
    );
  }
  if (!Object.hasOwn(answer, 'result'))
    throw new RpcCallError('RPC_BAD_RESPONSE', `${method}: the answer has neither result nor error`, {
      method,
    });
  const parsed = schema.safeParse(answer.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue === undefined || issue.path.length === 0 ? 'result' : `result.${issue.path.join('.')}`;
    throw new RpcCallError('RPC_BAD_RESPONSE', `${method}: ${at}: ${issue?.message ?? 'unexpected shape'}`, {
      method,
    });
  }
  return parsed.data;
}
