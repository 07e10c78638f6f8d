import { describe, expect, it } from 'vitest';
import { stakeProportionalEpoch } from '../../epoch/stakeProportionalEpoch.ts';
import type { EpochInput } from '../../epoch/types.ts';
import { checkInvariants } from '../../invariants/checkInvariants.ts';
import type { ChainState } from '../../state/types.ts';
import { hotkey } from '../../types.ts';
import { applyBlock } from '../applyBlock.ts';
import { MAX_UNREVEALED_COMMITS } from '../commitRevealWindow.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { weightsCommitHash } from '../weightsCommitHash.ts';
import { outcome, servingChain, servingNetwork, subnetOne } from './servingNetwork.testkit.ts';

const { advanceUntil, block } = servingChain(checkInvariants);

const intent = { uids: [1, 2], values: [400, 100], salt: [9, 8, 7], versionKey: 3n };
const hashOf = (i: typeof intent, hk = 'val') => weightsCommitHash({ hotkey: hk, netuid: 1, ...i });
const commit = (hash = hashOf(intent), signer = 'val'): Extrinsic => ({
  call: 'commit_weights',
  signer,
  netuid: 1,
  commitHash: hash,
});
const reveal = (i: typeof intent = intent, signer = 'val'): Extrinsic => ({
  call: 'reveal_weights',
  signer,
  netuid: 1,
  ...i,
});

/** The network with commit-reveal on for subnet 1. */
const crNetwork = (): ChainState => servingNetwork({ newSubnetCommitRevealEnabled: true });
const epochOf = (s: ChainState) => subnetOne(s).epochIndex;
const row = (s: ChainState, uid: number) => subnetOne(s).weights[uid];
const valNeuron = (s: ChainState) => subnetOne(s).neurons[1]!;

/** What the next epoch of subnet 1 reads. */
function nextEpochInput(state: ChainState): EpochInput {
  const seen: EpochInput[] = [];
  const spy = (input: EpochInput) => {
    seen.push(input);
    return stakeProportionalEpoch(input);
  };
  for (let s = state; seen.length === 0; ) s = applyBlock(s, [], { epoch: spy }).state;
  return seen[0]!;
}

/** A committed state and the epoch its commit was made in. */
function committed(start = crNetwork()): { state: ChainState; epoch: number } {
  const r = block(start, [commit()]);
  expect(outcome(r)).toBe('ok');
  return { state: r.state, epoch: subnetOne(r.state).weightCommits.get(hotkey('val'))![0]!.epoch };
}

describe('commit_weights and reveal_weights', () => {
  it('refuses set_weights while commit-reveal is on, as the chain does', () => {
    const r = block(crNetwork(), [
      { call: 'set_weights', signer: 'val', netuid: 1, uids: [1], weights: [1] },
    ]);
    expect(outcome(r)).toBe('CommitRevealEnabled');
  });

  it('stores a commit with its epoch and block, and counts it as activity', () => {
    const start = crNetwork();
    const r = block(start, [commit()]);
    expect(outcome(r)).toBe('ok');
    const commits = subnetOne(r.state).weightCommits.get(hotkey('val'));
    expect(commits).toEqual([{ hash: hashOf(intent), epoch: epochOf(r.state), block: r.state.block }]);
    expect(valNeuron(r.state).lastUpdate).toBe(r.state.block);
    expect(r.events).toContainEqual({
      type: 'WeightsCommitted',
      netuid: 1,
      hotkey: 'val',
      hash: hashOf(intent),
    });
    expect(row(r.state, 1)).toEqual(row(start, 1)); // nothing visible yet
  });

  it('reveals in the epoch commitRevealPeriod after the commit, storing the weights as set_weights would', () => {
    const { state, epoch } = committed();
    expect(outcome(block(state, [reveal()]))).toBe('RevealTooEarly');
    const due = advanceUntil(state, (s) => epochOf(s) === epoch + 1);
    const r = block(due, [reveal()]);
    expect(outcome(r)).toBe('ok');
    expect(subnetOne(r.state).weightCommits.has(hotkey('val'))).toBe(false);
    expect(r.events.filter((e) => e.type === 'WeightsSet' || e.type === 'WeightsRevealed')).toEqual([
      { type: 'WeightsSet', netuid: 1, uid: 1 },
      { type: 'WeightsRevealed', netuid: 1, hotkey: 'val', hash: hashOf(intent) },
    ]);
    // The same weights through set_weights on the same state with commit-reveal off.
    const direct = block(servingNetwork(), [
      { call: 'set_weights', signer: 'val', netuid: 1, uids: intent.uids, weights: intent.values },
    ]);
    expect(outcome(direct)).toBe('ok');
    expect(row(r.state, 1)).toEqual(row(direct.state, 1));
    // Under commit-reveal the commit set LastUpdate; the reveal leaves it.
    expect(valNeuron(r.state).lastUpdate).toBe(valNeuron(state).lastUpdate);
  });

  it('honours a longer commitRevealPeriod', () => {
    const start = block(crNetwork(), [
      { call: 'sudo_set_hyperparameter', signer: 'owner', netuid: 1, name: 'commitRevealPeriod', value: 3 },
    ]).state;
    const { state, epoch } = committed(start);
    const early = advanceUntil(state, (s) => epochOf(s) === epoch + 2);
    expect(outcome(block(early, [reveal()]))).toBe('RevealTooEarly');
    const due = advanceUntil(early, (s) => epochOf(s) === epoch + 3);
    expect(outcome(block(due, [reveal()]))).toBe('ok');
  });

  it('expires a commit whose reveal epoch has passed', () => {
    const { state, epoch } = committed();
    const late = advanceUntil(state, (s) => epochOf(s) === epoch + 2);
    expect(outcome(block(late, [reveal()]))).toBe('ExpiredWeightCommit');
    expect(outcome(block(late, [reveal({ ...intent, salt: [1] })]))).toBe('NoWeightsCommitFound');
  });

  it('rejects a reveal that hashes to no commit, and one without any commit', () => {
    const { state, epoch } = committed();
    const due = advanceUntil(state, (s) => epochOf(s) === epoch + 1);
    expect(outcome(block(due, [reveal({ ...intent, salt: [9, 8, 6] })]))).toBe(
      'InvalidRevealCommitHashNotMatch',
    );
    expect(outcome(block(due, [reveal({ ...intent, values: [400, 101] })]))).toBe(
      'InvalidRevealCommitHashNotMatch',
    );
    expect(outcome(block(due, [reveal({ ...intent, versionKey: 4n })]))).toBe(
      'InvalidRevealCommitHashNotMatch',
    );
    expect(outcome(block(due, [reveal(intent, 'miner')]))).toBe('NoWeightsCommitFound');
  });

  it('reveals a later commit and drops the older ones with it', () => {
    const second = { ...intent, salt: [1, 2, 3] };
    const start = block(crNetwork(), [
      { call: 'sudo_set_hyperparameter', signer: 'sudo', netuid: 1, name: 'weightsSetRateLimit', value: 0 },
      commit(),
      commit(hashOf(second)),
    ]);
    expect(start.receipts.map((x) => x.ok)).toEqual([true, true, true]);
    const epoch = subnetOne(start.state).weightCommits.get(hotkey('val'))![0]!.epoch;
    const due = advanceUntil(start.state, (s) => epochOf(s) === epoch + 1);
    const r = block(due, [reveal(second), reveal()]);
    expect(r.receipts.map((x) => (x.ok ? 'ok' : x.error.code))).toEqual(['ok', 'NoWeightsCommitFound']);
  });

  it('keeps the commit when the revealed weights fail a set_weights check', () => {
    const bad = { ...intent, uids: [1, 9] };
    const { state, epoch } = committed(block(crNetwork(), []).state);
    const withBad = block(
      block(state, [
        { call: 'sudo_set_hyperparameter', signer: 'sudo', netuid: 1, name: 'weightsSetRateLimit', value: 0 },
      ]).state,
      [commit(hashOf(bad))],
    ).state;
    const due = advanceUntil(withBad, (s) => epochOf(s) === epoch + 1);
    const r = block(due, [reveal(bad)]);
    expect(outcome(r)).toBe('UidVecContainInvalidOne');
    expect(subnetOne(r.state).weightCommits).toEqual(subnetOne(due).weightCommits);
  });

  it('limits commits by the weights rate limit and by the number waiting', () => {
    const { state } = committed();
    expect(outcome(block(state, [commit(hashOf({ ...intent, salt: [2] }))]))).toBe(
      'CommittingWeightsTooFast',
    );
    const free = block(state, [
      { call: 'sudo_set_hyperparameter', signer: 'sudo', netuid: 1, name: 'weightsSetRateLimit', value: 0 },
    ]).state;
    const more = Array.from({ length: MAX_UNREVEALED_COMMITS }, (_, i) =>
      commit(hashOf({ ...intent, salt: [i] })),
    );
    const r = block(free, more);
    const codes = r.receipts.map((x) => (x.ok ? 'ok' : x.error.code));
    expect(codes.slice(0, MAX_UNREVEALED_COMMITS - 1).every((c) => c === 'ok')).toBe(true);
    expect(codes[MAX_UNREVEALED_COMMITS - 1]).toBe('TooManyUnrevealedCommits');
    expect(subnetOne(r.state).weightCommits.get(hotkey('val'))).toHaveLength(MAX_UNREVEALED_COMMITS);
  });

  it('rejects malformed input and calls on a subnet without commit-reveal, naming the field', () => {
    const cr = crNetwork();
    const off = servingNetwork();
    const cases: [ChainState, Extrinsic, string, string][] = [
      [off, commit(), 'CommitRevealDisabled', 'netuid'],
      [off, reveal(), 'CommitRevealDisabled', 'netuid'],
      [cr, { ...commit(), netuid: 0 } as Extrinsic, 'SubnetNotExists', 'netuid'],
      [cr, { ...reveal(), netuid: 5 } as Extrinsic, 'SubnetNotExists', 'netuid'],
      [cr, commit('0x1234'), 'InvalidValue', 'commitHash'],
      [cr, commit(`0x${'g'.repeat(64)}`), 'InvalidValue', 'commitHash'],
      [cr, commit(hashOf(intent, 'stranger'), 'stranger'), 'HotKeyNotRegisteredInSubNet', 'signer'],
      [cr, reveal({ ...intent, salt: [70_000] }), 'InvalidValue', 'salt[0]'],
      [cr, reveal({ ...intent, uids: [-1, 2] }), 'InvalidValue', 'uids[0]'],
      [cr, reveal({ ...intent, values: [1, 1.5] }), 'InvalidValue', 'values[1]'],
      [cr, reveal({ ...intent, versionKey: -1n }), 'InvalidValue', 'versionKey'],
    ];
    for (const [state, ext, code, field] of cases) {
      const receipt = block(state, [ext]).receipts[0]!;
      expect(
        receipt.ok ? 'ok' : [receipt.error.code, receipt.error.field],
        JSON.stringify(ext, (_, v) => (typeof v === 'bigint' ? `${v}` : v)),
      ).toEqual([code, field]);
    }
  });

  it('accepts an uppercase hash and stores it lowercase', () => {
    const r = block(crNetwork(), [commit(hashOf(intent).toUpperCase().replace('0X', '0x'))]);
    expect(subnetOne(r.state).weightCommits.get(hotkey('val'))![0]!.hash).toBe(hashOf(intent));
  });

  it("passes the epoch each validator's earliest live commit block, for the chain's weight mask", () => {
    const { state } = committed();
    const commitBlock = subnetOne(state).weightCommits.get(hotkey('val'))![0]!.block;
    expect(nextEpochInput(state).commitBlocks).toEqual([null, commitBlock, null, null]);
    expect(nextEpochInput(servingNetwork()).commitBlocks).toBeUndefined();
  });
});
