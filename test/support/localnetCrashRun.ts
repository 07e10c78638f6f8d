/**
 * A crash run of the local network: the node in its own process, a loader sending signed transfers
 * between the dev accounts with correct nonces and recording every acknowledged id, SIGKILL at seeded
 * random moments, and a restart on the same folder after each. After every restart: the head's state
 * root recomputed from the recovered state equals the stored root, the blocks seen before the kill are
 * unchanged, every acknowledged id has a receipt (pending, included or rejected), and the supply is
 * conserved. At the end every acknowledged id is settled. Problems are collected, not thrown, so that a
 * benchmark can print them.
 */
import type { Keypair } from '../../src/sdk/keys/keypair.ts';
import { keypairFromUri } from '../../src/sdk/keys/keypair.ts';
import type { Hex } from '../../src/sdk/tx/envelope.ts';
import { signEnvelope } from '../../src/sdk/tx/signEnvelope.ts';
import { type LocalnetProcess, startLocalnetProcess } from './localnetProcess.ts';
import { seededRandom } from './seededRandom.ts';

/** Options of {@link runLocalnetCrash}. */
export interface CrashRunOptions {
  readonly dataDir: string;
  readonly kills: number;
  readonly seed: number;
  /** The node runs this long (ms, uniform) under load before each kill. Default [100, 500]. */
  readonly upMs?: readonly [number, number];
  /** Default `50ms`. */
  readonly blockTime?: string;
  /** Called with a line after each restart. */
  readonly log?: (line: string) => void;
}

/** What a crash run saw. */
export interface CrashRunReport {
  readonly kills: number;
  readonly acknowledged: number;
  readonly included: number;
  readonly rejected: number;
  /** Receipt codes of the rejected, counted. */
  readonly rejectedCodes: Readonly<Record<string, number>>;
  /** Head block after the last restart. */
  readonly blocks: number;
  /** Start-up times (spawn to serving), ms. */
  readonly startMs: readonly number[];
  /** Every check that failed, with its numbers (empty when the run passed). */
  readonly problems: readonly string[];
  readonly wallMs: number;
}

interface Header {
  number: number;
  hash: string;
  parentHash: string;
  stateRoot: string;
  time: number;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON-RPC answers are read field by field
type Answer = { result?: any; error?: { code: number; message: string; data?: { code?: string } } };

async function rpc(url: string, method: string, params: unknown[] = []): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return (await res.json()) as Answer;
}

/** One JSON-RPC batch of `method(param)` for each param (at most the server's batch limit). */
async function rpcBatch(url: string, method: string, params: readonly unknown[][]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (let i = 0; i < params.length; i += 100) {
    const body = params.slice(i, i + 100).map((p, k) => ({ jsonrpc: '2.0', id: i + k, method, params: p }));
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answers = (await res.json()) as (Answer & { id: number })[];
    out.push(...answers.sort((a, b) => a.id - b.id));
  }
  return out;
}

/** JSON-RPC code of a rate-limited request (the node allows 1,000 requests/s per client address). */
const RATE_LIMITED = -32003;

const ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => keypairFromUri(`//${n}`));

/**
 * Send transfers from `key` until the node stops answering (it was killed) or `stopped()`; each
 * acknowledged id is pushed to `acked`.
 */
async function loadFrom(args: {
  url: string;
  key: Keypair;
  dest: string;
  genesisHash: Hex;
  acked: string[];
  problems: string[];
  stopped: () => boolean;
}): Promise<void> {
  const { url, key } = args;
  let nonce: number | undefined;
  while (!args.stopped()) {
    try {
      nonce ??= (await rpc(url, 'system_accountNextIndex', [key.address])).result as number;
      const envelope = signEnvelope(
        {
          version: 1,
          call: { name: 'transfer', args: { dest: args.dest, amount: String(1 + (nonce % 1000)) } },
          signer: key.address,
          scheme: key.scheme,
          nonce,
          genesisHash: args.genesisHash,
          era: { from: 0, period: 65_536 },
        },
        key,
      );
      const answer = await rpc(url, 'author_submitExtrinsic', [envelope]);
      if (answer.error === undefined) {
        args.acked.push(answer.result as string);
        nonce += 1;
      } else if (answer.error.code === RATE_LIMITED) {
        await new Promise((r) => setTimeout(r, 100));
      } else {
        // A refusal is not an acknowledgement; a nonce refusal means ours is out of date.
        if (answer.error.data?.code !== 'STALE_NONCE' && answer.error.data?.code !== 'NONCE_GAP')
          args.problems.push(`loader ${key.address.slice(0, 8)}: ${JSON.stringify(answer.error)}`);
        nonce = undefined;
      }
    } catch {
      return; // the node is gone
    }
  }
}

/** What became of a submission: `null` when the node never journalled it. */
type Outcome = { status: string; receipt?: { code?: string } } | null;

/** The outcome of each of `ids`, in order (a rate-limited part is asked again after a pause). */
async function receipts(url: string, ids: readonly string[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const part = ids.slice(i, i + 100);
    for (;;) {
      const answers = await rpcBatch(
        url,
        'tm_receipt',
        part.map((id) => [id]),
      );
      if (answers.length === part.length && answers.every((a) => a.error === undefined)) {
        out.push(...answers.map((a) => a.result as Outcome));
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return out;
}

/**
 * Run the crash test and report.
 * @example const report = await runLocalnetCrash({ dataDir, kills: 20, seed: 7 }); report.problems // []
 */
export async function runLocalnetCrash(options: CrashRunOptions): Promise<CrashRunReport> {
  const began = performance.now();
  const random = seededRandom(options.seed);
  const [low, high] = options.upMs ?? [100, 500];
  const args = ['--block-time', options.blockTime ?? '50ms'];
  const problems: string[] = [];
  const acked: string[] = [];
  const startMs: number[] = [];
  let checkedUpTo = 0;
  let node: LocalnetProcess = await startLocalnetProcess(options.dataDir, [...args, '--fresh']);
  try {
    startMs.push(node.startMs);
    const genesisHash = (await rpc(node.url, 'tm_genesisHash')).result as Hex;
    const checkNode = async (label: string, seen: Header | undefined) => {
      // The live root first, then the stored header of that block (blocks keep coming meanwhile).
      const live = (await rpc(node.url, 'tm_stateRoot')).result as { block: number; stateRoot: string };
      const head = (await rpc(node.url, 'chain_getHeader', [live.block])).result as Header | null;
      if (head?.stateRoot !== live.stateRoot)
        problems.push(
          `${label}: recovered state ${JSON.stringify(live)} but block ${live.block} stored ${head?.stateRoot}`,
        );
      if (seen !== undefined) {
        const again = (await rpc(node.url, 'chain_getHeader', [seen.number])).result as Header | null;
        if (JSON.stringify(again) !== JSON.stringify(seen))
          problems.push(
            `${label}: block ${seen.number} was ${JSON.stringify(seen)}, now ${JSON.stringify(again)}`,
          );
      }
      const fresh = acked.slice(checkedUpTo);
      const outcomes = await receipts(node.url, fresh);
      outcomes.forEach((o, i) => {
        if (o === null) problems.push(`${label}: acknowledged ${fresh[i]} has no receipt`);
      });
      checkedUpTo = acked.length;
      const supply = (await rpc(node.url, 'tm_supply')).result as { conserved: boolean; problems: string[] };
      if (!supply.conserved) problems.push(`${label}: supply not conserved: ${supply.problems.join('; ')}`);
      if (node.stderr().includes('block production stopped'))
        problems.push(`${label}: ${node.stderr().trim()}`);
      return live.block;
    };

    for (let kill = 1; kill <= options.kills; kill++) {
      let stopped = false;
      let seen: Header | undefined;
      const loaders = ACCOUNTS.map((key, i) =>
        loadFrom({
          url: node.url,
          key,
          dest: ACCOUNTS[(i + 1) % ACCOUNTS.length]!.address,
          genesisHash,
          acked,
          problems,
          stopped: () => stopped,
        }),
      );
      const upFor = low + random() * (high - low);
      const watcher = (async () => {
        const until = performance.now() + upFor;
        while (performance.now() < until) {
          try {
            seen = (await rpc(node.url, 'chain_getHeader')).result as Header;
          } catch {
            return;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      await watcher;
      await node.kill();
      stopped = true;
      await Promise.all(loaders);
      node = await startLocalnetProcess(options.dataDir, args);
      startMs.push(node.startMs);
      const head = await checkNode(`after kill ${kill}`, seen);
      options.log?.(`kill ${kill}: up ${upFor.toFixed(0)} ms, head ${head}, ${acked.length} acknowledged`);
    }

    // Every acknowledged submission is settled by the blocks that follow.
    const outcomes = await receipts(node.url, acked);
    for (let wait = 0; wait < 50; wait++) {
      const pending = outcomes.flatMap((o, i) => (o?.status === 'pending' ? [i] : []));
      if (pending.length === 0) break;
      await new Promise((r) => setTimeout(r, 200));
      const again = await receipts(
        node.url,
        pending.map((i) => acked[i]!),
      );
      pending.forEach((i, k) => {
        outcomes[i] = again[k]!;
      });
    }
    const rejectedCodes: Record<string, number> = {};
    let included = 0;
    outcomes.forEach((o, i) => {
      if (o === null || o.status === 'pending')
        problems.push(`acknowledged ${acked[i]} is ${o?.status ?? 'lost'}`);
      else if (o.status === 'included') included += 1;
      else {
        const code = o.receipt?.code ?? 'none';
        rejectedCodes[code] = (rejectedCodes[code] ?? 0) + 1;
      }
    });
    const last = await checkNode('at the end', undefined);
    await node.stop();
    return {
      kills: options.kills,
      acknowledged: acked.length,
      included,
      rejected: outcomes.length - included,
      rejectedCodes,
      blocks: last,
      startMs,
      problems,
      wallMs: performance.now() - began,
    };
  } catch (error) {
    // Never leave a node running behind a failed run.
    await node.kill();
    throw error;
  }
}
