/**
 * `tensormarket weights|wt …` in btcli's grammar, signed by the validator's hotkey (`--wallet-hotkey`):
 * set (set_weights), commit (commit_weights: the hash of the weights and a salt, as the engine's
 * `weightsCommitHash` computes it; the weights and salt are kept in the wallet folder and printed) and
 * reveal (reveal_weights, from the kept commit or from `--uids`, `--weights` and `--salt`).
 */
import type { Command } from 'commander';
import { weightsCommitHash } from '../engine/chain/weightsCommitHash.ts';
import { InputError } from '../engine/errors.ts';
import { receiptEvent } from '../sdk/client/receiptEvents.ts';
import {
  listWeightCommits,
  removeWeightCommit,
  type StoredWeightCommit,
  saveWeightCommit,
  type WeightCommit,
  weightCommitsDir,
} from '../sdk/wallet/weightCommits.ts';
import {
  btcliCommand,
  type Context,
  finish,
  type NodeOptions,
  netuidOption,
  networkOptions,
  parsePeriod,
  periodOption,
  signingHotkey,
  withNode,
} from './btcliCommand.ts';
import { dim, green, yellow } from './output.ts';
import { sendTransaction, sentJson } from './sendTransaction.ts';
import { parseU16List, randomSalt, SALT_LENGTH, uidWeights } from './weightsInput.ts';

/** Options of the weights commands. */
interface WeightsOptions extends NodeOptions {
  readonly netuid?: string;
  readonly uids?: string;
  readonly weights?: string;
  readonly salt?: string;
  readonly versionKey: string;
}

/** The option behind each argument of the weights calls (the signer is the hotkey). */
const CALL_OPTIONS = {
  netuid: '--netuid',
  uids: '--uids',
  weights: '--weights',
  values: '--weights',
  salt: '--salt',
  versionKey: '--version-key',
  signer: '--wallet-hotkey',
} as const;

/** `--version-key`: a u64. */
function versionKey(text: string): bigint {
  if (!/^\d{1,20}$/.test(text) || BigInt(text) >= 1n << 64n)
    throw new InputError('--version-key', `expected a whole number from 0 to 2^64 − 1, got "${text}"`);
  return BigInt(text);
}

/** A weights subcommand: wallet, node and transaction flags and `--netuid`. */
function weightsCommand(
  group: Command,
  name: string,
  description: string,
  run: (opts: WeightsOptions, ctx: Context) => Promise<void>,
): Command {
  return periodOption(
    networkOptions(
      btcliCommand<WeightsOptions>({ group, name, description, run, callOptions: CALL_OPTIONS }),
    ),
  )
    .option('--netuid <n>', 'the subnet')
    .option('--uids <list>', 'the UIDs weighted, e.g. 0,1,2')
    .option('--weights <list>', 'their weights, e.g. 0.2,0.3,0.5 (scaled so the largest is 65535)');
}

/** The commit to reveal: from the arguments when `--salt` is given, else the kept one that matches. */
function commitToReveal(
  opts: WeightsOptions,
  ctx: Context,
  kept: readonly StoredWeightCommit[],
  base: { hotkey: string; netuid: number },
): { commit: Omit<WeightCommit, 'block'>; stored: StoredWeightCommit | null } {
  if (opts.salt !== undefined) {
    const { uids, weights } = uidWeights(opts.uids, opts.weights);
    const salt = parseU16List(opts.salt, '--salt');
    const key = versionKey(opts.versionKey);
    const hash = weightsCommitHash({ ...base, uids, values: weights, salt, versionKey: key });
    const stored = kept.find((k) => k.commit.hash === hash) ?? null;
    return { commit: { ...base, hash, uids, values: weights, salt, versionKey: key.toString() }, stored };
  }
  const where = weightCommitsDir(ctx.wallet, ctx.hotkey);
  if (kept.length === 0)
    throw new InputError(
      '--salt',
      `no kept commit of hotkey ${ctx.hotkey} on subnet ${base.netuid} in ${where}; give --uids, --weights and --salt`,
    );
  if (opts.uids === undefined && opts.weights === undefined)
    return { commit: kept[0]!.commit, stored: kept[0]! };
  const { uids, weights } = uidWeights(opts.uids, opts.weights);
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  const stored = kept.find((k) => same(k.commit.uids, uids) && same(k.commit.values, weights));
  if (stored === undefined)
    throw new InputError('--weights', `no kept commit of these weights on subnet ${base.netuid} in ${where}`);
  return { commit: stored.commit, stored };
}

/** Register `weights` (alias `wt`) and its subcommands. */
export function registerWeights(program: Command): void {
  const weights = program
    .command('weights')
    .alias('wt')
    .description('a validator’s weights: set, or commit and reveal, signed by its hotkey');

  weightsCommand(weights, 'set', 'set weights on a subnet (set_weights)', async (opts, ctx) => {
    const netuid = netuidOption(opts.netuid);
    const { uids, weights: values } = uidWeights(opts.uids, opts.weights);
    const period = parsePeriod(opts.period ?? '');
    const keypair = await signingHotkey(ctx);
    await withNode(opts, async (client) => {
      const included = await sendTransaction({
        ctx,
        client,
        keypair,
        call: { name: 'set_weights', args: { netuid, uids, weights: values } },
        period,
        question: `Set weights of ${keypair.address} on subnet ${netuid}: ${uids.map((u, i) => `${u}=${values[i]}`).join(' ')}?`,
        what: 'weights set',
      });
      if (included === null) return;
      const set = receiptEvent(included.events, 'WeightsSet');
      finish(
        ctx,
        'weights set',
        {
          ...sentJson(client.httpUrl, included),
          netuid,
          hotkey: keypair.address,
          uid: set.uid,
          uids,
          weights: values,
        },
        () =>
          ctx.say(`${green('weights set')} by UID ${set.uid} on subnet ${netuid} in block ${included.block}`),
      );
    });
  });

  weightsCommand(
    weights,
    'commit',
    'commit to weights by their hash; the weights and salt are kept in the wallet folder for the reveal',
    async (opts, ctx) => {
      const netuid = netuidOption(opts.netuid);
      const { uids, weights: values } = uidWeights(opts.uids, opts.weights);
      const salt = opts.salt === undefined ? randomSalt() : parseU16List(opts.salt, '--salt');
      const key = versionKey(opts.versionKey);
      const period = parsePeriod(opts.period ?? '');
      const keypair = await signingHotkey(ctx);
      const hotkey = keypair.address;
      const hash = weightsCommitHash({ hotkey, netuid, uids, values, salt, versionKey: key });
      await withNode(opts, async (client) => {
        const included = await sendTransaction({
          ctx,
          client,
          keypair,
          call: { name: 'commit_weights', args: { netuid, commitHash: hash } },
          period,
          question: `Commit weights of ${hotkey} on subnet ${netuid} (hash ${hash})?`,
          what: 'weights commit',
        });
        if (included === null) return;
        receiptEvent(included.events, 'WeightsCommitted');
        const commit = {
          netuid,
          hotkey,
          hash,
          uids,
          values,
          salt,
          versionKey: key.toString(),
          block: included.block,
        };
        const saved = saveWeightCommit(ctx.wallet, ctx.hotkey, commit);
        finish(
          ctx,
          'weights commit',
          {
            ...sentJson(client.httpUrl, included),
            netuid,
            hotkey,
            hash,
            uids,
            weights: values,
            salt,
            versionKey: key.toString(),
            saved,
          },
          () => {
            ctx.say(`${green('weights committed')} on subnet ${netuid} in block ${included.block}: ${hash}`);
            ctx.say(yellow(`  salt ${salt.join(',')} (kept in ${saved})`));
            ctx.say(dim(`  reveal in the next epoch: tensormarket weights reveal --netuid ${netuid}`));
          },
        );
      });
    },
  )
    .option('--salt <list>', `the salt, u16s (default: ${SALT_LENGTH} random ones)`)
    .option('--version-key <n>', 'the weights version key (u64)', '0');

  weightsCommand(
    weights,
    'reveal',
    'reveal committed weights: the kept commit (the oldest, or the one with --uids and --weights), or --salt',
    async (opts, ctx) => {
      const netuid = netuidOption(opts.netuid);
      const period = parsePeriod(opts.period ?? '');
      const keypair = await signingHotkey(ctx);
      const base = { hotkey: keypair.address, netuid };
      const { commit, stored } = commitToReveal(
        opts,
        ctx,
        listWeightCommits(ctx.wallet, ctx.hotkey, netuid),
        base,
      );
      await withNode(opts, async (client) => {
        const included = await sendTransaction({
          ctx,
          client,
          keypair,
          call: {
            name: 'reveal_weights',
            args: {
              netuid,
              uids: commit.uids,
              values: commit.values,
              salt: commit.salt,
              versionKey: commit.versionKey,
            },
          },
          period,
          question: `Reveal weights of ${keypair.address} on subnet ${netuid} (hash ${commit.hash})?`,
          what: 'weights reveal',
        });
        if (included === null) return;
        receiptEvent(included.events, 'WeightsRevealed');
        if (stored !== null) removeWeightCommit(stored);
        finish(
          ctx,
          'weights reveal',
          {
            ...sentJson(client.httpUrl, included),
            netuid,
            hotkey: keypair.address,
            hash: commit.hash,
            uids: [...commit.uids],
            weights: [...commit.values],
            salt: [...commit.salt],
            versionKey: commit.versionKey,
          },
          () => ctx.say(`${green('weights revealed')} on subnet ${netuid} in block ${included.block}`),
        );
      });
    },
  )
    .option('--salt <list>', 'the salt committed with (default: from the kept commit)')
    .option('--version-key <n>', 'the weights version key the commit used (with --salt)', '0');
}
