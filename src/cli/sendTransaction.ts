/**
 * Sending one chain call from a command: confirmed first when a person is asked, then signed with the
 * next nonce and an era of `--period` blocks, submitted and waited for until its block settles it. A call
 * the chain refuses throws `TransactionFailure` with the chain's code.
 */
import type { ChainClient } from '../sdk/client/chainClient.ts';
import { expectIncluded } from '../sdk/client/transactionFailure.ts';
import type { TransactionOutcome } from '../sdk/client/transactionOutcome.ts';
import type { Keypair } from '../sdk/keys/keypair.ts';
import type { Call } from '../sdk/tx/envelope.ts';
import type { Context } from './btcliCommand.ts';
import { confirm } from './terminalPrompt.ts';

/** How long a command waits for its transaction's block, ms. */
export const RECEIPT_WAIT_MS = 60_000;

/** A call included and applied: its submission id, block and events (JSON, amounts as decimal strings). */
export type Included = Extract<TransactionOutcome, { status: 'included' }>;

/** What {@link sendTransaction} takes. */
export interface TransactionRequest {
  readonly ctx: Context;
  readonly client: ChainClient;
  readonly keypair: Keypair;
  readonly call: Call;
  /** Blocks the transaction stays valid. */
  readonly period: number;
  /** The question a person confirms, e.g. `Stake 10 TAO …?` (asked only when interactive). */
  readonly question: string;
  /** What was declined, for the message, e.g. `stake add`. */
  readonly what: string;
}

/**
 * Send `call` signed by `keypair` and wait for it; null when the person declined (exit code 1, nothing
 * sent).
 * @example const included = await sendTransaction({ ctx, client, keypair, call, period: 64, question: 'Send?', what: 'transfer' })
 */
export async function sendTransaction(request: TransactionRequest): Promise<Included | null> {
  const { ctx, client, keypair, call, period } = request;
  if (ctx.interactive && !(await confirm(request.question))) {
    process.stderr.write(`${request.what} cancelled\n`);
    process.exitCode = 1;
    return null;
  }
  const envelope = await client.prepareEnvelope({ keypair, call, period });
  return expectIncluded(await client.submitAndWait(envelope, { timeoutMs: RECEIPT_WAIT_MS }));
}

/**
 * What every command that sent a transaction prints first: the node, the submission's id and the block
 * that included it.
 * @example finish(ctx, 'weights set', { ...sentJson(client.httpUrl, included), netuid, … }, say)
 */
export function sentJson(network: string, included: Included) {
  return { network, id: included.id, block: included.block };
}
