/** A small chain for the mechanism tests: two subnets with validators, miners and funded accounts. */

import { applyBlock, applyExtrinsic } from '../chain/applyBlock.ts';
import { RAO_PER_TAO } from '../chainConstants.ts';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { ChainState } from '../state/types.ts';
import type { MechanismsConfig } from './config.ts';
import type { MechanismChainEvent } from './events.ts';
import type { MechanismChainExtrinsic } from './extrinsics.ts';
import type { MechanismRejection } from './mechanismRejectionCodes.ts';
import { mechanismsAddOn } from './mechanismsAddOn.ts';
import { mechanismsGenesis } from './mechanismsGenesis.ts';

/** 1 TAO in rao. */
export const TAO = RAO_PER_TAO;

/** Genesis of the test chain with the given mechanisms (none when undefined). */
export function testChain(mechanisms?: MechanismsConfig, tempo = 10): ChainState {
  const subnet = (n: number) => ({
    netuid: n,
    ownerColdkey: `owner${n}`,
    ownerHotkey: `oh${n}`,
    taoReserve: 1_000n * TAO,
    alphaIn: 2_000n * TAO,
    movingPrice: 0.5,
    tempo,
    neurons: [
      { hotkey: `v${n}.1`, coldkey: 'vc1', stake: 300n * TAO, validatorPermit: true },
      { hotkey: `v${n}.2`, coldkey: 'vc2', stake: 200n * TAO, validatorPermit: true },
      { hotkey: `v${n}.3`, coldkey: 'vc3', stake: 100n * TAO, validatorPermit: true },
      { hotkey: `m${n}.1`, coldkey: 'mc1' },
      { hotkey: `m${n}.2`, coldkey: 'mc2' },
    ],
  });
  return createGenesis({
    sudo: 'sudo',
    author: null,
    balances: { owner1: 10_000n * TAO, owner2: 10_000n * TAO, buyer: 10_000n * TAO, poor: 1n },
    rootStakes: [{ coldkey: 'vc1', hotkey: 'v1.1', amount: 1_000n * TAO }],
    subnets: [subnet(1), subnet(2)],
    ...(mechanisms === undefined ? {} : { addOn: mechanismsGenesis(mechanisms) }),
  });
}

/** Result of running blocks: the last state and every event. */
export interface Run {
  readonly state: ChainState;
  readonly events: MechanismChainEvent[];
  readonly rejected: MechanismRejection[];
}

/**
 * Apply `first` in the next block, then `blocks - 1` empty blocks; throws on any broken invariant or
 * (unless `allowRejects`) any rejected extrinsic.
 */
export function run(
  state: ChainState,
  first: readonly MechanismChainExtrinsic[],
  blocks = 1,
  allowRejects = false,
): Run {
  let s = state;
  const events: MechanismChainEvent[] = [];
  const rejected: MechanismRejection[] = [];
  for (let b = 0; b < blocks; b++) {
    const r = applyBlock(s, b === 0 ? first : [], { epoch: stakeProportionalEpoch, addOn: mechanismsAddOn });
    s = r.state;
    events.push(...r.events);
    for (const x of r.receipts) if (!x.ok) rejected.push(x.error);
    const problems = checkInvariants(s, mechanismsAddOn);
    if (problems.length > 0) throw new Error(`block ${s.block}: ${problems.join('; ')}`);
  }
  if (!allowRejects && rejected.length > 0) throw new Error(`rejected: ${rejected.map((r) => r.message)}`);
  return { state: s, events, rejected };
}

/** The rejection code of applying `ext` to `state` (null when it applies). */
export function codeOf(state: ChainState, ext: MechanismChainExtrinsic): string | null {
  return applyExtrinsic(state, ext, { addOn: mechanismsAddOn }).error?.code ?? null;
}

/** Events of one type. */
export function eventsOf<T extends MechanismChainEvent['type']>(
  events: readonly MechanismChainEvent[],
  type: T,
): (MechanismChainEvent & { type: T })[] {
  return events.filter((e): e is MechanismChainEvent & { type: T } => e.type === type);
}
