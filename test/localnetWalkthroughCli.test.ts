/**
 * The README's local network walkthrough, end to end on a real `localnet --block-time instant`: a wallet
 * created and funded from //Alice, a subnet created, started, a second hotkey registered, TAO staked with
 * slippage protection, weights set; then what a subnet owner does next (hyperparameters, weights commit
 * and reveal, stake removed and moved). Every step runs with --json-output and is read with its published
 * shape; values are checked against each other and the chain's rules.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CLI_JSON_SHAPES, type CliCommand } from '../src/cli/cliJsonShapes.ts';
import { buyLimitPrice, parseTolerance, priceRao, sellLimitPrice } from '../src/cli/slippageTolerance.ts';
import { weightsCommitHash } from '../src/engine/chain/weightsCommitHash.ts';
import { connect } from '../src/sdk/client/chainClient.ts';
import { expectIncluded } from '../src/sdk/client/transactionFailure.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { type LocalnetChild, startLocalnetChild } from './support/localnetChild.ts';
import { type CliResult, runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const cwd = createTempDirs('tm-walkthrough-')();
const walletPath = join(cwd, 'wallets');
let node: LocalnetChild | undefined;
afterAll(() => node?.stop());

/** Run a command with the test's wallet path and node, asking for JSON; read it with its published shape. */
async function run<C extends CliCommand>(
  command: C,
  args: readonly string[],
): Promise<z.output<(typeof CLI_JSON_SHAPES)[C]>> {
  const network = node === undefined ? [] : ['--network', node.facts.url];
  const result: CliResult = await runCliAsync(
    [...command.split(' '), ...args, '--wallet-path', walletPath, ...network, '--json-output'],
    { cwd },
  );
  let value: unknown;
  try {
    value = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `${command}: not one JSON document (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  if (result.status !== 0)
    throw new Error(`${command} exited ${result.status}: ${result.stdout}${result.stderr}`);
  return CLI_JSON_SHAPES[command].parse(value) as z.output<(typeof CLI_JSON_SHAPES)[C]>;
}

const rao = (amount: { rao: string }) => BigInt(amount.rao);
const owner = ['--wallet-name', 'owner'];

describe('the local network walkthrough', () => {
  it('creates a wallet and a subnet, registers, stakes and sets weights with the CLI', async () => {
    // 1. Keys need no node: they are written while it starts.
    const [started, created, miner] = await Promise.all([
      startLocalnetChild(cwd, ['--block-time', 'instant']),
      run('wallet create', [...owner, '--no-password']),
      run('wallet new-hotkey', [...owner, '--wallet-hotkey', 'miner', '--no-password']),
      run('wallet regen-coldkey', ['--wallet-name', 'alice', '--uri', 'alice', '--no-password']),
    ]);
    node = started;
    const alice = node.facts.accounts.find((a) => a.name === 'Alice')!;
    expect(node.facts.sudo).toBe(alice.address);
    const coldkey = created.coldkey.address;
    const hotkey = created.hotkey.address;

    // 2. Fund the wallet from //Alice; ask what a subnet costs and which exist.
    const [funded, cost, before] = await Promise.all([
      run('wallet transfer', ['--wallet-name', 'alice', '--dest', coldkey, '--amount', '1000', '-y']),
      run('subnets burn-cost', []),
      run('subnets list', []),
    ]);
    expect(funded.amount).toEqual({ rao: '1000000000000', tao: '1000' });

    // 3. Create the subnet: the lock is the burn cost asked for, the owner hotkey the wallet's.
    const subnet = await run('subnets create', owner);
    expect(before.subnets.map((s) => s.netuid)).not.toContain(subnet.netuid);
    expect(subnet).toMatchObject({ owner: coldkey, ownerHotkey: hotkey, lock: cost.burnCost });
    expect(rao(subnet.balance.before) - rao(subnet.balance.after)).toBe(rao(cost.burnCost));
    const netuid = ['--netuid', String(subnet.netuid)];

    // 4. Start it; 5. register the second hotkey, which takes the UID after the owner hotkey's.
    const start = await run('subnets start', [...owner, ...netuid]);
    expect(start.firstEmissionBlock).toBe(start.block + 1);
    const registered = await run('subnets register', [...owner, '--wallet-hotkey', 'miner', ...netuid]);
    expect(registered).toMatchObject({ uid: 1, hotkey: miner.hotkey.address, replaced: null });
    expect(rao(registered.balance.before) - rao(registered.balance.after)).toBe(rao(registered.burn));

    // 6. Stake 1 TAO, limit price 5 % over the price; 7. the owner hotkey weights both UIDs.
    const [staked, weights, shown] = await Promise.all([
      run('stake add', [...owner, ...netuid, '--amount', '1']),
      run('weights set', [...owner, ...netuid, '--uids', '0,1', '--weights', '0.5,0.5']),
      run('subnets show', netuid),
    ]);
    expect(staked.safe).not.toBeNull();
    const tolerance = parseTolerance('0.05');
    expect(rao(staked.safe!.limitPrice)).toBe(buyLimitPrice(priceRao(staked.safe!.price), tolerance));
    expect(staked).toMatchObject({ coldkey, hotkey, amount: { rao: '1000000000', tao: '1' } });
    expect(rao(staked.balance.before) - rao(staked.balance.after)).toBe(rao(staked.spent));
    expect(rao(staked.alpha)).toBeGreaterThan(0n);
    expect(weights).toMatchObject({ hotkey, uid: 0, uids: [0, 1], weights: [65_535, 65_535] });
    expect(shown.subnet).toMatchObject({
      netuid: subnet.netuid,
      owner: coldkey,
      ownerHotkey: hotkey,
      neurons: 2,
    });

    // Next steps of an owner: the sudo account lifts the weights rate limit, the owner turns on commit-reveal.
    const [limit, commitReveal] = await Promise.all([
      run('sudo set', [
        '--wallet-name',
        'alice',
        ...netuid,
        '--param',
        'weights_set_rate_limit',
        '--value',
        '0',
      ]),
      run('sudo set', [...owner, ...netuid, '--param', 'commitRevealEnabled', '--value', 'true']),
    ]);
    expect([limit.param, limit.value, commitReveal.param, commitReveal.value]).toEqual([
      'weightsSetRateLimit',
      0,
      'commitRevealEnabled',
      true,
    ]);

    // Commit weights (kept in the wallet) while selling some stake with its limit 5 % under the price.
    const [commit, removed] = await Promise.all([
      run('weights commit', [...owner, ...netuid, '--uids', '0,1', '--weights', '1,3']),
      run('stake remove', [...owner, ...netuid, '--amount', '0.25']),
    ]);
    expect(commit.hash).toBe(
      weightsCommitHash({
        hotkey,
        netuid: subnet.netuid,
        uids: [0, 1],
        values: commit.weights,
        salt: commit.salt,
        versionKey: 0n,
      }),
    );
    expect(existsSync(commit.saved)).toBe(true);
    expect(rao(removed.safe!.limitPrice)).toBe(sellLimitPrice(priceRao(removed.safe!.price), tolerance));
    expect(rao(removed.balance.after) - rao(removed.balance.before)).toBe(rao(removed.received));

    // The reveal is open during the epoch after the commit's. Epochs run every `tempo` blocks from
    // `registeredAt − netuid mod tempo`, and a block that runs one already counts in the next epoch; blocks
    // come with transactions, so //Bob's transfers bring the head to that epoch's first block.
    const { registeredAt, tempo } = shown.subnet;
    const first = registeredAt - (subnet.netuid % tempo);
    const opens = first + tempo * (Math.floor((commit.block - first) / tempo) + 1);
    const client = connect(node.facts.url);
    try {
      const dev = keypairFromUri('//Bob');
      for (let head = (await client.getHeader())!.number; head < opens; head++) {
        const call = { name: 'transfer', args: { dest: coldkey, amount: '1' } };
        expectIncluded(await client.submitAndWait(await client.prepareEnvelope({ keypair: dev, call })));
      }
    } finally {
      await client.close();
    }
    const [revealed, moved] = await Promise.all([
      run('weights reveal', [...owner, ...netuid]),
      run('stake move', [
        ...owner,
        '--origin-netuid',
        String(subnet.netuid),
        '--dest-hotkey',
        'miner',
        '--amount',
        '0.1',
      ]),
    ]);
    expect(revealed).toMatchObject({ hash: commit.hash, salt: commit.salt, weights: commit.weights });
    expect(existsSync(commit.saved)).toBe(false);
    expect(moved).toMatchObject({
      originHotkey: hotkey,
      destinationHotkey: miner.hotkey.address,
      moved: { rao: '100000000', tao: '0.1' },
      safe: { tolerance: 0.05, quotedSlippage: 0 },
    });

    // What the owner holds now, and the subnet's neurons with bittensor's Metagraph fields.
    const [list, graph] = await Promise.all([
      run('stake list', [...owner]),
      run('subnets metagraph', netuid),
    ]);
    const positions = list.stakes.filter((p) => p.netuid === subnet.netuid);
    expect(positions.map((p) => p.hotkey).sort()).toEqual([hotkey, miner.hotkey.address].sort());
    expect(rao(positions.find((p) => p.hotkey === miner.hotkey.address)!.alpha)).toBe(rao(moved.moved));
    expect(list.stakes.reduce((sum, p) => sum + rao(p.taoValue), 0n)).toBe(rao(list.total));
    expect(graph.metagraph).toMatchObject({
      netuid: subnet.netuid,
      n: 2,
      uids: [0, 1],
      hotkeys: [hotkey, miner.hotkey.address],
      coldkeys: [coldkey, coldkey],
    });
    const staked1 = graph.metagraph.stake.map(rao);
    expect(staked1[1]).toBeGreaterThanOrEqual(rao(moved.moved));
  });
});
