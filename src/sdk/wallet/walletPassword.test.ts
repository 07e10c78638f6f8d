import { describe, expect, it } from 'vitest';
import { btcliPasswordVariable, passwordFromEnv, WALLET_PASSWORD_VARIABLE } from './walletPassword.ts';
import { expandWalletPath } from './walletPaths.ts';

/** btcli's masking, written out from its description: XOR with the variable name, cyclically. */
function mask(password: string, name: string): string {
  return [...password]
    .map((c, i) => String.fromCharCode(c.charCodeAt(0) ^ name.charCodeAt(i % name.length)))
    .join('');
}

describe('wallet passwords from the environment', () => {
  const keyfilePath = '/home/ann/.bittensor/wallets/my-wallet/coldkey';
  const key = { walletName: 'my-wallet', keyfilePath };

  it("names btcli's variable after the keyfile path", () => {
    expect(btcliPasswordVariable(keyfilePath)).toBe('BT_PW__HOME_ANN__BITTENSOR_WALLETS_MY-WALLET_COLDKEY');
  });

  it('reads ours first, then btcli’s masked one, then the older plain one', () => {
    const name = btcliPasswordVariable(keyfilePath);
    const all = {
      [WALLET_PASSWORD_VARIABLE]: 'ours',
      [name]: mask('btcli secret', name),
      BT_COLD_PW_MY_WALLET: 'older',
    };
    expect(passwordFromEnv(all, key)).toBe('ours');
    expect(passwordFromEnv({ ...all, [WALLET_PASSWORD_VARIABLE]: '' }, key)).toBe('btcli secret');
    expect(passwordFromEnv({ BT_COLD_PW_MY_WALLET: 'older' }, key)).toBe('older');
    expect(passwordFromEnv({}, key)).toBeUndefined();
  });

  it('expands ~ as btcli does', () => {
    expect(expandWalletPath('~/.bittensor/wallets', '/home/ann')).toBe('/home/ann/.bittensor/wallets');
    expect(expandWalletPath('~', '/home/ann')).toBe('/home/ann');
  });
});
