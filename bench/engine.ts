/**
 * Exact engine throughput: blocks per second of a 128-subnet network (256 UIDs each, 64 validators
 * with dense weights), epochs at each subnet's tempo through the configured epoch, and the share of
 * block time spent in each phase. Medians over several runs.
 */

import { applyBlock } from '../src/engine/chain/applyBlock.ts';
import type { Span } from '../src/engine/chain/context.ts';
import { BLOCKS_PER_DAY, RAO_PER_TAO } from '../src/engine/chainConstants.ts';
import { yumaEpoch } from '../src/engine/epoch/index.ts';
import { stakeProportionalEpoch } from '../src/engine/epoch/stakeProportionalEpoch.ts';
import type { EpochFunction } from '../src/engine/epoch/types.ts';
import {
  createGenesis,
  type GenesisConfig,
  type GenesisSubnet,
} from '../src/engine/genesis/createGenesis.ts';
import type { ChainState } from '../src/engine/state/types.ts';
import { fmt, median, printTable } from './lib.ts';

const TAO = RAO_PER_TAO;

/** A mainnet-sized network: `subnets` subnets of `uids` UIDs, the first `validators` staked and weighting all miners. */
export function benchNetwork(subnets = 128, uids = 256, validators = 64): ChainState {
  return createGenesis(benchNetworkGenesis(subnets, uids, validators));
}

/** The genesis configuration of {@link benchNetwork}. */
export function benchNetworkGenesis(subnets = 128, uids = 256, validators = 64): GenesisConfig {
  const list: GenesisSubnet[] = Array.from({ length: subnets }, (_, i) => ({
    netuid: i + 1,
    ownerColdkey: `owner${i}`,
    ownerHotkey: `owner-hk${i}`,
    taoReserve: 5_000n * TAO + BigInt(i) * 100n * TAO,
    alphaIn: 50_000n * TAO,
    movingPrice: 0.02 + (i % 10) * 0.01,
    neurons: Array.from({ length: uids - 1 }, (_, j) => {
      const isValidator = j < validators - 1;
      return {
        hotkey: `hk${i}.${j}`,
        coldkey: `ck${j % 50}`,
        stake: isValidator ? BigInt(1000 + j * 37) * TAO : 0n,
        validatorPermit: isValidator,
        // Registered before the genesis block and weights set at it, so the weights count (spec §7.1).
        registeredAt: 0,
        weights: isValidator
          ? Array.from(
              { length: uids - validators },
              (_, m) => [validators + m, 1 + ((m * 7919 + j) % 65_535)] as const,
            )
          : [],
      };
    }),
  }));
  return {
    block: 1,
    sudo: 'sudo',
    author: 'author',
    balances: { whale: 1_000_000n * TAO },
    rootStakes: [{ coldkey: 'ck0', hotkey: 'hk1.0', amount: 1_000_000n * TAO }],
    subnets: list,
  };
}

export interface EngineBenchResult {
  readonly blocksPerSecond: number;
  readonly shares: ReadonlyMap<string, number>;
  /** Median milliseconds per epoch (self time of the epoch phase per call). */
  readonly msPerEpoch: number;
}

/** Run `blocks` blocks `runs` times from the same state; median blocks/s and phase shares. */
export function benchBlocks(args: {
  start: ChainState;
  epoch: EpochFunction;
  blocks: number;
  runs: number;
}): EngineBenchResult {
  const rates: number[] = [];
  const epochMs: number[] = [];
  const phaseTotals = new Map<string, number[]>();
  for (let r = 0; r < args.runs; r++) {
    const spent = new Map<string, number>();
    const stack: number[] = [];
    let epochs = 0;
    // Self time per phase: time inside a phase minus time inside its nested phases.
    const span: Span = (name, fn) => {
      if (name === 'epoch') epochs += 1;
      const t0 = performance.now();
      stack.push(0);
      try {
        return fn();
      } finally {
        const nested = stack.pop()!;
        const total = performance.now() - t0;
        spent.set(name, (spent.get(name) ?? 0) + total - nested);
        if (stack.length > 0) stack[stack.length - 1]! += total;
      }
    };
    let state = args.start;
    const t0 = performance.now();
    for (let b = 0; b < args.blocks; b++) state = applyBlock(state, [], { epoch: args.epoch, span }).state;
    const elapsed = performance.now() - t0;
    rates.push((args.blocks * 1000) / elapsed);
    if (epochs > 0) epochMs.push((spent.get('epoch') ?? 0) / epochs);
    const accounted = [...spent.values()].reduce((a, b) => a + b, 0);
    spent.set('other', elapsed - accounted);
    for (const [k, v] of spent) phaseTotals.set(k, [...(phaseTotals.get(k) ?? []), v / elapsed]);
  }
  const shares = new Map([...phaseTotals].map(([k, v]) => [k, median(v)] as const));
  return { blocksPerSecond: median(rates), shares, msPerEpoch: epochMs.length > 0 ? median(epochMs) : 0 };
}

export function runEngineBench(): void {
  const start = benchNetwork();
  // Warm up: one full tempo through Yuma so every subnet has run an epoch and stores dense bonds.
  let state = start;
  for (let b = 0; b < 370; b++) state = applyBlock(state, [], { epoch: yumaEpoch }).state;
  const settings = [
    ['Yuma Consensus (exact)', yumaEpoch, 360, 3],
    ['the stake-proportional stand-in', stakeProportionalEpoch, 360, 5],
  ] as const;
  for (const [label, epoch, blocks, runs] of settings) {
    const result = benchBlocks({ start: state, epoch, blocks, runs });
    printTable(
      `Exact engine: 128 subnets x 256 UIDs (64 validators, dense weights), epochs through ${label}, median of ${runs} runs of ${blocks} blocks`,
      ['blocks/s', 'ms/block', 'ms/epoch', "a day's 2,560 epochs, s", 'one day (7,200 blocks), s'],
      [
        [
          fmt(result.blocksPerSecond),
          fmt(1000 / result.blocksPerSecond, 2),
          fmt(result.msPerEpoch, 2),
          fmt((2560 * result.msPerEpoch) / 1000),
          fmt(BLOCKS_PER_DAY / result.blocksPerSecond),
        ],
      ],
    );
    const rows = [...result.shares].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, `${fmt(v * 100)}%`]);
    printTable('Share of block time per phase', ['phase', 'share'], rows);
  }
}
