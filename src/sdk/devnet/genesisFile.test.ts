import { describe, expect, it } from 'vitest';
import { stateRoot } from '../../engine/chain/stateRoot.ts';
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { createGenesis } from '../../engine/genesis/createGenesis.ts';
import { MECHANISM_DEFAULTS, type MechanismsState } from '../../engine/mechanisms/config.ts';
import { DEV_ACCOUNTS, DEV_SUDO } from './devAccounts.ts';
import { devGenesis, devGenesisFile, MECHANISM_NAMES } from './devGenesis.ts';
import { GENESIS_FORMAT, genesisFromFile } from './genesisFile.ts';

const alice = DEV_SUDO.address;
const bob = DEV_ACCOUNTS[1]!.address;

/** The field an InputError names, or null when the file is accepted. */
function fieldOf(json: unknown): string | null {
  try {
    genesisFromFile(json);
    return null;
  } catch (e) {
    return (e as { field?: string }).field ?? `not an InputError: ${(e as Error).message}`;
  }
}

const minimal = { format: GENESIS_FORMAT, sudo: alice };

describe('genesis file', () => {
  it('reads back, through JSON text, the genesis the local network starts from', () => {
    const text = JSON.stringify(devGenesisFile({ rulePack: 'dtao-2025-02' }));
    const config = genesisFromFile(JSON.parse(text));
    expect(stateRoot(createGenesis(config))).toBe(
      stateRoot(createGenesis(devGenesis({ rulePack: 'dtao-2025-02' }))),
    );
    expect(createGenesis(config).params.defaultTempo).toBe(10);
    expect(config.balances?.[bob]).toBe(1_000_000n * RAO_PER_TAO);
  });

  it('switches the named mechanisms on with their defaults, and only those', () => {
    const state = createGenesis(
      genesisFromFile(JSON.parse(JSON.stringify(devGenesisFile({ mechanisms: ['covenant', 'credits'] })))),
    );
    const { params } = state.addOn!.data as MechanismsState;
    expect(state.addOn?.name).toBe('mechanisms');
    expect(params.covenant).toStrictEqual(MECHANISM_DEFAULTS.covenant);
    expect(params.credits).toStrictEqual(MECHANISM_DEFAULTS.credits);
    expect([params.vesting, params.usageEmission, params.computeMarket]).toStrictEqual([null, null, null]);
    expect(createGenesis(devGenesis()).addOn).toBeUndefined();
  });

  it('writes every mechanism with all of its parameters, so the file shows what can be set', () => {
    const file = devGenesisFile({ mechanisms: MECHANISM_NAMES });
    expect(Object.keys(file.mechanisms ?? {})).toStrictEqual([...MECHANISM_NAMES]);
    expect(file.mechanisms?.covenant).toStrictEqual({
      payTo: 'burn',
      slashTo: 'burn',
      minBond: String(RAO_PER_TAO),
    });
    expect(() => genesisFromFile(file)).not.toThrow();
  });

  it('takes amounts as { rao } or TAO strings, parameters as the chain stores them, and a dated variant', () => {
    const config = genesisFromFile({
      ...minimal,
      balances: { [alice]: '12.5', [bob]: { rao: '7' } },
      params: { defaultTempo: 20, networkMinLock: '5000000000', newSubnetCommitRevealEnabled: true },
      rulePack: 'dtao-2025-02',
      ruleVariant: 'launch',
      mechanisms: { usageEmission: { lambda: '300000', payTo: 'escrow' } },
    });
    expect(config.balances).toStrictEqual({ [alice]: 12_500_000_000n, [bob]: 7n });
    expect(config.params).toStrictEqual({
      defaultTempo: 20,
      networkMinLock: 5_000_000_000n,
      newSubnetCommitRevealEnabled: true,
    });
    expect(config.rules).toStrictEqual({ dtaoTerms: 'launch' });
    const { params } = createGenesis(config).addOn!.data as MechanismsState;
    expect(params.usageEmission).toStrictEqual({
      ...MECHANISM_DEFAULTS.usageEmission,
      lambda: 300_000n,
      payTo: 'escrow',
    });
  });

  it.each([
    ['a missing format', { sudo: alice }, 'genesis.format'],
    ['another format', { format: 'tensormarket-genesis/9', sudo: alice }, 'genesis.format'],
    ['a sudo that is no SS58 address', { ...minimal, sudo: 'alice' }, 'genesis.sudo'],
    ['a misspelt parameter', { ...minimal, params: { defaultTempoo: 10 } }, 'genesis.params.defaultTempoo'],
    ['a fractional tempo', { ...minimal, params: { defaultTempo: 1.5 } }, 'genesis.params.defaultTempo'],
    ['u64 bits as a number', { ...minimal, params: { movingAlpha: 12885 } }, 'genesis.params.movingAlpha'],
    [
      'a balance in float TAO bits',
      { ...minimal, balances: { [bob]: '1.0000000001' } },
      `genesis.balances.${bob}`,
    ],
    ['an unknown rule pack', { ...minimal, rulePack: 'dtao-2024' }, 'genesis.rulePack'],
    ['a variant without its pack', { ...minimal, ruleVariant: 'launch' }, 'genesis.ruleVariant'],
    [
      'a variant the pack lacks',
      { ...minimal, rulePack: 'price-2026-06', ruleVariant: 'launch' },
      'genesis.ruleVariant',
    ],
    ['an unknown mechanism', { ...minimal, mechanisms: { lottery: {} } }, 'genesis.mechanisms.lottery'],
    [
      'a payee the covenant lacks',
      { ...minimal, mechanisms: { covenant: { payTo: 'owner' } } },
      'genesis.mechanisms.covenant.payTo',
    ],
    [
      'a subnet owner that is no address',
      {
        ...minimal,
        subnets: [{ netuid: 1, ownerColdkey: 'x', ownerHotkey: bob, taoReserve: '1', alphaIn: '1' }],
      },
      'genesis.subnets[0].ownerColdkey',
    ],
  ])('refuses %s, naming the field', (_what, json, field) => {
    expect(fieldOf(json)).toBe(field);
  });

  it('refuses an out-of-range mechanism parameter through the engine, naming it', () => {
    expect(fieldOf({ ...minimal, mechanisms: { vesting: { vestDuration: 0 } } })).toBe(
      'mechanisms.vesting.vestDuration',
    );
  });
});
