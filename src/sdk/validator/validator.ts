/**
 * A validator's loop, the part every subnet shares: each round it reads the metagraph, asks the subnet's
 * own `evaluate` to query and score the miners that serve an axon, folds the scores into a running
 * average per miner, and once per tempo turns the averages into weights, set with `set_weights` or, when
 * the subnet has commit-reveal on, committed and revealed in the epoch the chain opens for it. Each round
 * is appended to `rounds.jsonl` in the data folder. What a task is and how an answer scores are the
 * subnet's: they come in as `evaluate`.
 */
import { randomInt } from 'node:crypto';
import { weightsCommitHash } from '../../engine/chain/weightsCommitHash.ts';
import type { Chain } from '../chain/chain.ts';
import { type AxonEntry, type Metagraph, uidOf } from '../client/metagraph.ts';
import type { TransactionOutcome } from '../client/transactionOutcome.ts';
import type { Keypair } from '../keys/keypair.ts';
import { appendRoundRecord, type MinerRound, type RoundRecord, type WeightsAction } from './roundRecord.ts';
import { ScoreBook } from './scoreBook.ts';
import { type WeightVector, weightsFromScores } from './weightsFromScores.ts';

/** A miner to evaluate: its UID, hotkey and axon. */
export interface MinerTarget {
  readonly uid: number;
  readonly hotkey: string;
  readonly axon: AxonEntry;
}

/** How a miner did in a round, as the subnet's `evaluate` reports it. */
export interface MinerOutcome {
  readonly uid: number;
  readonly ok: boolean;
  readonly status: number;
  readonly code: string | null;
  readonly latencyMs: number;
  /** 0..1. */
  readonly score: number;
}

/** What `evaluate` gives back: each miner's outcome and the task's own facts for the record. */
export interface Evaluation {
  readonly miners: readonly MinerOutcome[];
  readonly task: Readonly<Record<string, number | string | boolean>>;
}

/** Options of {@link Validator}. */
export interface ValidatorOptions {
  readonly chain: Chain;
  /** The validator's hotkey: signs queries and weights. */
  readonly hotkey: Keypair;
  readonly netuid: number;
  /** Where `rounds.jsonl` is written. */
  readonly dataDir: string;
  /** Query and score the miners (the subnet's task). */
  readonly evaluate: (miners: readonly MinerTarget[], round: number) => Promise<Evaluation>;
  /** Weight of the newest round in each miner's average (default 0.1). */
  readonly scoreAlpha?: number;
  /** Blocks between two weight settings (default: the subnet's tempo; never less than its weights rate limit). */
  readonly weightsEvery?: number;
  /** Clock for the records (default `Date.now`). */
  readonly now?: () => number;
}

/** A weights commit awaiting its reveal. */
interface PendingCommit {
  readonly weights: WeightVector;
  readonly salt: number[];
}

/** Salt of a commit: 8 random u16. */
const newSalt = () => Array.from({ length: 8 }, () => randomInt(65_536));

export class Validator {
  readonly #o: ValidatorOptions;
  readonly #scores: ScoreBook;
  #round = 0;
  #lastWeightsBlock: number | null = null;
  #pending: PendingCommit[] = [];

  constructor(options: ValidatorOptions) {
    this.#o = options;
    this.#scores = new ScoreBook(options.scoreAlpha);
  }

  /** Each miner's running average, by hotkey. */
  average(hotkey: string): number {
    return this.#scores.get(hotkey);
  }

  /** One round: query and score, maybe weights; returns what it appended to `rounds.jsonl`. */
  async round(): Promise<RoundRecord> {
    const { chain, netuid, hotkey } = this.#o;
    const round = ++this.#round;
    const [block, metagraph, hyper] = await Promise.all([
      chain.head(),
      chain.metagraph(netuid),
      chain.hyperparameters(netuid),
    ]);
    const time = new Date((this.#o.now ?? Date.now)()).toISOString();
    const self = uidOf(metagraph, hotkey.address);
    const targets = minersOf(metagraph, self);
    const evaluation =
      targets.length === 0 ? { miners: [], task: {} } : await this.#o.evaluate(targets, round);
    this.#scores.keepOnly(metagraph.hotkeys);
    const miners: MinerRound[] = evaluation.miners.map((m) => {
      const hotkeyOf = metagraph.hotkeys[m.uid] ?? '';
      return { ...m, hotkey: hotkeyOf, average: this.#scores.update(hotkeyOf, m.score) };
    });
    const weights: WeightsAction[] = [];
    for (const reveal of await this.#reveal()) weights.push(reveal);
    // Once per tempo, and never faster than the chain's rate limit would take.
    const every = Math.max(this.#o.weightsEvery ?? Number(hyper.tempo), Number(hyper.weightsSetRateLimit));
    if (miners.length > 0 && (this.#lastWeightsBlock === null || block - this.#lastWeightsBlock >= every)) {
      const vector = weightsFromScores(
        metagraph.hotkeys.map((h) => this.#scores.get(h)),
        {
          minAllowedWeights: Number(hyper.minAllowedWeights),
          ...(self === undefined ? {} : { exclude: [self] }),
        },
      );
      const action =
        hyper.commitRevealEnabled === true ? await this.#commit(vector) : await this.#set(vector);
      if (action.outcome === 'included') this.#lastWeightsBlock = block;
      weights.push(action);
    }
    const record: RoundRecord = {
      round,
      block,
      time,
      netuid,
      validator: hotkey.address,
      task: { ...evaluation.task },
      miners,
      weights,
    };
    appendRoundRecord(this.#o.dataDir, record);
    return record;
  }

  async #set(vector: WeightVector): Promise<WeightsAction> {
    const outcome = await this.#o.chain.send(this.#o.hotkey, {
      name: 'set_weights',
      args: { netuid: this.#o.netuid, uids: vector.uids, weights: vector.weights },
    });
    return actionOf('set', vector, outcome);
  }

  async #commit(vector: WeightVector): Promise<WeightsAction> {
    const salt = newSalt();
    const hash = weightsCommitHash({
      hotkey: this.#o.hotkey.address,
      netuid: this.#o.netuid,
      uids: vector.uids,
      values: vector.weights,
      salt,
      versionKey: 0n,
    });
    const outcome = await this.#o.chain.send(this.#o.hotkey, {
      name: 'commit_weights',
      args: { netuid: this.#o.netuid, commitHash: hash },
    });
    if (outcome.status === 'included') this.#pending.push({ weights: vector, salt });
    return actionOf('commit', vector, outcome);
  }

  /** Reveal the oldest commits whose epoch has come; a commit still early waits, one refused otherwise is dropped. */
  async #reveal(): Promise<WeightsAction[]> {
    const done: WeightsAction[] = [];
    while (this.#pending.length > 0) {
      const { weights, salt } = this.#pending[0]!;
      const outcome = await this.#o.chain.send(this.#o.hotkey, {
        name: 'reveal_weights',
        args: { netuid: this.#o.netuid, uids: weights.uids, values: weights.weights, salt, versionKey: '0' },
      });
      if (outcome.status !== 'included' && outcome.error.code === 'RevealTooEarly') break;
      this.#pending.shift();
      done.push(actionOf('reveal', weights, outcome));
    }
    return done;
  }
}

/** The miners to ask: every UID but the validator's own that serves an axon. */
function minersOf(metagraph: Metagraph, self: number | undefined): MinerTarget[] {
  return metagraph.uids.flatMap((uid) => {
    const axon = metagraph.axons[uid];
    return uid === self || axon === null || axon === undefined
      ? []
      : [{ uid, hotkey: metagraph.hotkeys[uid]!, axon }];
  });
}

function actionOf(
  action: WeightsAction['action'],
  vector: WeightVector,
  outcome: TransactionOutcome,
): WeightsAction {
  return {
    action,
    uids: vector.uids,
    weights: vector.weights,
    outcome: outcome.status === 'included' ? 'included' : outcome.error.code,
    block: outcome.block,
  };
}
