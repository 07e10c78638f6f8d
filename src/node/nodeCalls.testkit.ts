/**
 * Signed calls to a running local network for its tests: sign a call as a dev key with the node's genesis
 * hash, a given nonce and an era from a given block, and send it over JSON-RPC.
 */
import type { Keypair } from '../sdk/keys/keypair.ts';
import type { ArgValue, Envelope, Hex } from '../sdk/tx/envelope.ts';
import { signEnvelope } from '../sdk/tx/signEnvelope.ts';
import { call } from './rpc/rpcClients.testkit.ts';

/** What a call is signed for. */
export interface SigningContext {
  readonly genesisHash: Hex;
  readonly nonce: number;
  /** First block of the era (default 0) and its length (default 4096). */
  readonly from?: number;
  readonly period?: number;
}

/** An envelope of `name(args)` signed by `key`. */
export function signed(
  key: Keypair,
  name: string,
  args: Record<string, ArgValue>,
  at: SigningContext,
): Envelope {
  return signEnvelope(
    {
      version: 1,
      call: { name, args },
      signer: key.address,
      scheme: key.scheme,
      nonce: at.nonce,
      genesisHash: at.genesisHash,
      era: { from: at.from ?? 0, period: at.period ?? 4096 },
    },
    key,
  );
}

/** The JSON-RPC answer's result; throws with the error when there is one. */
export async function result(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const answer = (await call(url, method, params)).body as { result?: unknown; error?: unknown };
  if (answer.error !== undefined) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.result;
}

/** The JSON-RPC answer's error (`null` when it succeeded). */
export async function rpcError(
  url: string,
  method: string,
  params: unknown[] = [],
): Promise<{ code: number; message: string; data?: { code?: string; field?: string } } | null> {
  const answer = (await call(url, method, params)).body as { error?: never };
  return answer.error ?? null;
}

/** Sign `name(args)` as `key` with its next nonce and submit it; resolves with the submission id. */
export async function send(
  url: string,
  key: Keypair,
  name: string,
  args: Record<string, ArgValue>,
): Promise<string> {
  const genesisHash = (await result(url, 'tm_genesisHash')) as Hex;
  const nonce = (await result(url, 'system_accountNextIndex', [key.address])) as number;
  return (await result(url, 'author_submitExtrinsic', [
    signed(key, name, args, { genesisHash, nonce }),
  ])) as string;
}
