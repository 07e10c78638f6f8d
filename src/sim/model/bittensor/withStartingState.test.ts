import { describe, expect, it } from 'vitest';
import { readStartingState } from '../../start/readStartingState.ts';
import { modelParamsSchema } from './params.ts';
import { withStartingState } from './withStartingState.ts';

const read = readStartingState('scenarios/start/mainnet-2026-09-30.json');
if (!read.ok) throw new Error(read.message);
const recorded = read.state;

describe('withStartingState', () => {
  const params = modelParamsSchema.parse({});

  it('takes the network and TAO/USD from the starting state', () => {
    const filled = withStartingState(params, recorded);
    expect(filled.network.subnets).toBe(128);
    expect(filled.network.rootStakeTao).toBe(5_481_210);
    expect(filled.market.taoPriceUsd).toBe(218.09);
    expect(filled.miners).toBe(params.miners);
  });

  it('gives every future of one scenario the same object, and another scenario its own', () => {
    // The futures' optimised code is specialised on one hidden class of the parameters.
    const first = withStartingState(params, recorded);
    expect(withStartingState(params, recorded)).toBe(first);
    const other = modelParamsSchema.parse({ market: { taoPriceUsd: 300 } });
    const second = withStartingState(other, recorded);
    expect(second).not.toBe(first);
    expect(second.market.taoPriceUsd).toBe(218.09);
    expect(second.network).toEqual(first.network);
  });

  it('returns the parameters themselves without a starting state', () => {
    expect(withStartingState(params, undefined)).toBe(params);
  });
});
