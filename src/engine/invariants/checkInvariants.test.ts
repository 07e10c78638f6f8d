import { describe, expect, it } from 'vitest';
import { createGenesis } from '../genesis/createGenesis.ts';
import { coldkey, netuid } from '../types.ts';
import { checkInvariants } from './checkInvariants.ts';

const base = createGenesis({
  sudo: 's',
  balances: { a: 1_000n },
  subnets: [
    {
      netuid: 1,
      ownerColdkey: 'o',
      ownerHotkey: 'oh',
      taoReserve: 10_000n,
      alphaIn: 10_000n,
      neurons: [{ hotkey: 'h', coldkey: 'c', stake: 500n }],
    },
  ],
});

describe('checkInvariants', () => {
  it('accepts a genesis state', () => {
    expect(checkInvariants(base)).toEqual([]);
    expect(base.totalIssuance).toBe(11_000n);
  });

  it('detects TAO created from nothing, to the rao', () => {
    const balances = new Map(base.balances);
    balances.set(coldkey('a'), 1_001n);
    expect(checkInvariants({ ...base, balances })[0]).toMatch(/issuance 11000 != holdings 11001/);
  });

  it('detects alpha held by nobody', () => {
    const subnets = new Map(base.subnets);
    const s = subnets.get(netuid(1))!;
    subnets.set(netuid(1), { ...s, alphaOut: s.alphaOut + 1n });
    expect(checkInvariants({ ...base, subnets }).join()).toMatch(/alphaOut 501 != holders 500/);
  });
});
