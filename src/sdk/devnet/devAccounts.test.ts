import { describe, expect, it } from 'vitest';
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { InputError } from '../../engine/errors.ts';
import { DEV_ACCOUNTS, DEV_SUDO, FUND_VARIABLE, fundedFromEnv } from './devAccounts.ts';

describe('dev accounts', () => {
  it('are the Substrate dev keys with the local network balances; Alice is sudo', () => {
    expect(DEV_ACCOUNTS.map((a) => [a.name, a.address, a.balance / RAO_PER_TAO])).toEqual([
      ['Alice', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', 1_000_000n],
      ['Bob', '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', 1_000_000n],
      ['Charlie', '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y', 1_000_000n],
      ['Dave', '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy', 2_000n],
      ['Eve', '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw', 2_000n],
      ['Ferdie', '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL', 2_000n],
    ]);
    expect(DEV_SUDO.name).toBe('Alice');
  });

  it('TENSORMARKET_FUND funds an address with 1,000,000 TAO or the TAO it names', () => {
    const bob = DEV_ACCOUNTS[1]!.address;
    expect(fundedFromEnv({})).toBeNull();
    expect(fundedFromEnv({ [FUND_VARIABLE]: bob })).toEqual({
      address: bob,
      balance: 1_000_000n * RAO_PER_TAO,
    });
    expect(fundedFromEnv({ [FUND_VARIABLE]: `${bob}:25` })).toEqual({
      address: bob,
      balance: 25n * RAO_PER_TAO,
    });
    for (const bad of ['nope', `${bob}:1.5`, `${bob}:-3`]) {
      const thrown = (() => {
        try {
          fundedFromEnv({ [FUND_VARIABLE]: bad });
        } catch (e) {
          return e;
        }
      })();
      expect(thrown, bad).toBeInstanceOf(InputError);
      expect((thrown as InputError).field).toBe(FUND_VARIABLE);
    }
  });
});
