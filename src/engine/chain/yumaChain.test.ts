/**
 * The chain with Yuma Consensus wired in: honest validators follow the best miner, a lazy one keeps
 * its first weights; once the best miner changes, the lazy validator's bonds point at a miner the
 * consensus no longer pays, and its dividends fall.
 */
import { describe, expect, it } from 'vitest';
import { yumaEpoch } from '../epoch/index.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { ChainState } from '../state/types.ts';
import { netuid } from '../types.ts';
import { applyBlock } from './applyBlock.ts';
import type { Extrinsic } from './extrinsics.ts';

const TAO = 1_000_000_000n;
// UIDs: 0 owner, 1-3 validators (1 and 2 honest, 3 lazy), 4-7 miners.
const validators = ['honest1', 'honest2', 'lazy'];
const minerUids = [4, 5, 6, 7];

function start(): ChainState {
  return createGenesis({
    sudo: 'sudo',
    subnets: [
      {
        netuid: 1,
        ownerColdkey: 'owner',
        ownerHotkey: 'owner-hk',
        taoReserve: 10_000n * TAO,
        alphaIn: 10_000n * TAO,
        movingPrice: 0.5,
        tempo: 50,
        neurons: [
          ...validators.map((hotkey) => ({
            hotkey,
            coldkey: `${hotkey}-ck`,
            stake: 1_000n * TAO,
            validatorPermit: true,
          })),
          ...minerUids.map((u) => ({ hotkey: `miner${u}`, coldkey: `miner${u}-ck` })),
        ],
      },
    ],
  });
}

const vote = (signer: string, best: number): Extrinsic => ({
  call: 'set_weights',
  signer,
  netuid: 1,
  uids: minerUids,
  weights: minerUids.map((u) => (u === best ? 65_535 : 1_000)),
});

describe('the chain running Yuma Consensus', () => {
  it("lowers a lazy validator's dividends once the honest ones follow a new best miner", () => {
    let state = start();
    const dividends: { block: number; honest: number; lazy: number }[] = [];
    for (let b = 1; b <= 1_000; b++) {
      const exts: Extrinsic[] = [];
      if (b === 1) exts.push(...validators.map((v) => vote(v, 4)));
      if (b === 400) exts.push(vote('honest1', 5), vote('honest2', 5));
      if (b > 400 && b % 200 === 0) exts.push(vote('honest1', 5), vote('honest2', 5));
      const r = applyBlock(state, exts, { epoch: yumaEpoch });
      expect(r.receipts.filter((x) => !x.ok)).toEqual([]);
      state = r.state;
      if (r.events.some((e) => e.type === 'EpochRun')) {
        const n = state.subnets.get(netuid(1))!.neurons;
        dividends.push({ block: b, honest: n[1]!.dividends, lazy: n[3]!.dividends });
      }
    }
    expect(checkInvariants(state)).toEqual([]);
    const before = dividends.filter((d) => d.block < 400 && d.block > 100);
    const after = dividends.filter((d) => d.block > 800);
    expect(before.length).toBeGreaterThan(2);
    expect(after.length).toBeGreaterThan(2);
    // Before the switch the three validators agree and earn alike.
    for (const d of before) expect(Math.abs(d.lazy - d.honest)).toBeLessThanOrEqual(d.honest * 0.05 + 2);
    // After it the lazy validator earns clearly less than an honest one, and less than it did.
    const last = after.at(-1)!;
    expect(last.lazy).toBeLessThan(last.honest * 0.8);
    expect(last.lazy).toBeLessThan(before.at(-1)!.lazy);
  });
});
