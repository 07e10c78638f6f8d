/**
 * The demo's subnet on a chain: created and started by //Alice (the dev chain's rich account and sudo),
 * weights allowed every block (the sudo lifts the rate limit, so validators can set them once per tempo
 * of 10 blocks), a validator hotkey registered and staked so the next epoch gives it a permit, and one
 * hotkey registered per miner. Every key derives from //Alice: this is a development network.
 */
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import type { Chain } from '../../sdk/chain/chain.ts';
import { expectIncluded } from '../../sdk/client/transactionFailure.ts';
import { type Keypair, keypairFromUri } from '../../sdk/keys/keypair.ts';
import type { ArgValue } from '../../sdk/tx/envelope.ts';

/** TAO the owner stakes on the validator's hotkey: far above the subnet's other stake, so it gets a permit. */
const VALIDATOR_STAKE = 1_000n * RAO_PER_TAO;

/** The dev URI of a demo hotkey. */
export const demoHotkeyUri = (name: string) => `//Alice//demo//${name}`;

/** The demo's subnet as set up. */
export interface DemoSubnet {
  readonly netuid: number;
  readonly tempo: number;
  readonly owner: Keypair;
  readonly validator: Keypair;
  /** The miners' hotkeys by name, in registration order (UIDs 2, 3, …). */
  readonly miners: ReadonlyMap<string, Keypair>;
}

/**
 * Create, start and populate the subnet; throws a `TransactionFailure` naming the step the chain refused.
 * @example const subnet = await setUpDemoSubnet(chain, ['centroid', 'knn', 'convnet', 'random'])
 */
export async function setUpDemoSubnet(chain: Chain, minerNames: readonly string[]): Promise<DemoSubnet> {
  const alice = keypairFromUri('//Alice');
  const owner = keypairFromUri(demoHotkeyUri('owner'));
  const validator = keypairFromUri(demoHotkeyUri('validator'));
  const send = async (name: string, args: Record<string, ArgValue>) =>
    expectIncluded(await chain.send(alice, { name, args }));
  const before = new Set((await chain.subnets()).map((s) => s.netuid));
  await send('register_network', { hotkey: owner.address });
  const netuid = (await chain.subnets()).find((s) => !before.has(s.netuid))!.netuid;
  await send('start_call', { netuid });
  await send('sudo_set_hyperparameter', { netuid, name: 'weightsSetRateLimit', value: 0 });
  await send('burned_register', { hotkey: validator.address, netuid });
  await send('add_stake', { hotkey: validator.address, netuid, amount: VALIDATOR_STAKE.toString() });
  const miners = new Map<string, Keypair>();
  for (const name of minerNames) {
    const key = keypairFromUri(demoHotkeyUri(name));
    await send('burned_register', { hotkey: key.address, netuid });
    miners.set(name, key);
  }
  const { tempo } = (await chain.subnets()).find((s) => s.netuid === netuid)!;
  return { netuid, tempo, owner, validator, miners };
}
