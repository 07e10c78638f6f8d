/**
 * A small network for tests of subnet pruning: three subnets one below the limit of four, fast tempos
 * and a short immunity, so `register_network` soon prunes one. Each subnet has two validators (coldkeys
 * c0 and c1) and a miner (c2); c0 also stakes on root.
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import type { AddOnState, ChainState } from '../state/types.ts';
import { createGenesis } from './createGenesis.ts';

const TAO = RAO_PER_TAO;

function subnet(n: number) {
  return {
    netuid: n,
    ownerColdkey: `owner${n}`,
    ownerHotkey: `oh${n}`,
    taoReserve: 500n * TAO + BigInt(n) * 37n * TAO,
    alphaIn: 1_000n * TAO,
    movingPrice: 0.2 + n * 0.1,
    tempo: 5 + n,
    neurons: [
      { hotkey: `v${n}`, coldkey: 'c0', stake: 100n * TAO, validatorPermit: true },
      { hotkey: `w${n}`, coldkey: 'c1', stake: 50n * TAO, validatorPermit: true },
      { hotkey: `m${n}`, coldkey: 'c2' },
    ],
  };
}

/** The network with these free balances (and an add-on's data, if any). */
export function nearLimitGenesis(input: {
  readonly balances: Readonly<Record<string, bigint>>;
  readonly addOn?: AddOnState;
}): ChainState {
  return createGenesis({
    sudo: 'sudo',
    author: 'author',
    params: { subnetLimit: 4, networkRateLimit: 3, networkMinLock: 10n * TAO, networkImmunityPeriod: 20 },
    balances: input.balances,
    rootStakes: [{ coldkey: 'c0', hotkey: 'v1', amount: 1_000n * TAO }],
    subnets: [subnet(1), subnet(2), subnet(3)],
    ...(input.addOn === undefined ? {} : { addOn: input.addOn }),
  });
}
