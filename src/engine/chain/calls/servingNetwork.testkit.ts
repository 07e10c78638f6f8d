/**
 * A one-subnet network for the tests of the serving, weights and hyperparameter calls: subnet 1 (owner
 * coldkey `owner`, tempo 10) with a permitted validator `val` and two miners, `sudo` as the sudo account.
 */
import { RAO_PER_TAO } from '../../chainConstants.ts';
import { stakeProportionalEpoch } from '../../epoch/stakeProportionalEpoch.ts';
import { createGenesis } from '../../genesis/createGenesis.ts';
import type { ChainParams, ChainState, SubnetState } from '../../state/types.ts';
import { netuid } from '../../types.ts';
import { applyBlock, type BlockResult } from '../applyBlock.ts';
import type { Extrinsic } from '../extrinsics.ts';

/** The network; `params` overrides chain parameters (e.g. commit-reveal on for new subnets). */
export function servingNetwork(params: Partial<ChainParams> = {}): ChainState {
  return createGenesis({
    sudo: 'sudo',
    author: 'author',
    params,
    balances: { alice: 1_000n * RAO_PER_TAO },
    subnets: [
      {
        netuid: 1,
        ownerColdkey: 'owner',
        ownerHotkey: 'owner-hk',
        taoReserve: 1_000n * RAO_PER_TAO,
        alphaIn: 4_000n * RAO_PER_TAO,
        movingPrice: 0.25,
        tempo: 10,
        neurons: [
          { hotkey: 'val', coldkey: 'vc', stake: 1_000n * RAO_PER_TAO, validatorPermit: true },
          { hotkey: 'miner', coldkey: 'mc' },
          { hotkey: 'miner2', coldkey: 'mc' },
        ],
      },
    ],
  });
}

/**
 * Blocks with the stand-in epoch, each checked by `check` (the chain's invariants, passed in by the
 * tests so that this kit stays below the invariants folder): `block` throws when an identity breaks,
 * `advanceUntil` runs empty blocks until `done` holds (at most `limit`).
 */
export function servingChain(check: (state: ChainState) => readonly string[]) {
  const block = (state: ChainState, extrinsics: readonly Extrinsic[] = []): BlockResult => {
    const r = applyBlock(state, extrinsics, { epoch: stakeProportionalEpoch });
    const problems = check(r.state);
    if (problems.length > 0) throw new Error(problems.join('; '));
    return r;
  };
  const advanceUntil = (state: ChainState, done: (s: ChainState) => boolean, limit = 1_000): ChainState => {
    let s = state;
    for (let i = 0; i < limit && !done(s); i++) s = block(s).state;
    if (!done(s)) throw new Error(`condition not reached in ${limit} blocks`);
    return s;
  };
  return { block, advanceUntil };
}

/** Subnet 1 of a state. */
export const subnetOne = (s: ChainState): SubnetState => s.subnets.get(netuid(1))!;

/** The first receipt of a block: its error code, or 'ok'. */
export function outcome(r: BlockResult): string {
  const receipt = r.receipts[0]!;
  return receipt.ok ? 'ok' : receipt.error.code;
}
