/**
 * The node's `tm_` views and `author_submitAndWatchExtrinsic`, through a real server on a free port: a
 * subnet is built with signed calls (register, start, a neuron, stake, an axon, an epoch), then each view
 * is checked against what the calls did and against the other views.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HYPERPARAMETER_NAMES } from '../engine/chain/subnetHyperparameters.ts';
import { devGenesis } from '../sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../sdk/keys/keypair.ts';
import type { Hex } from '../sdk/tx/envelope.ts';
import { result, rpcError, send, signed } from './nodeCalls.testkit.ts';
import { connect } from './rpc/rpcClients.testkit.ts';
import { type Localnet, startLocalnet } from './startLocalnet.ts';

const alice = keypairFromUri('//Alice');
const bob = keypairFromUri('//Bob');
const charlie = keypairFromUri('//Charlie');
const aliceHot = keypairFromUri('//Alice//hot');
const bobHot = keypairFromUri('//Bob//hot');

interface Amount {
  rao: string;
  tao: string;
}
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field
type Json = any;

const dirs: string[] = [];
const nets: Localnet[] = [];
afterAll(async () => {
  for (const n of nets) await n.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(options: { maxBlockTransactions?: number } = {}): Promise<Localnet> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-views-'));
  dirs.push(dir);
  const net = await startLocalnet({
    dataDir: dir,
    genesis: devGenesis(),
    production: 'manual',
    port: 0,
    ...options,
  });
  nets.push(net);
  return net;
}

describe('tm_ views of a subnet built with signed calls', () => {
  let url: string;
  let netuid: number;
  const produce = async (blocks = 1) => {
    for (let i = 0; i < blocks; i++) await result(url, 'tm_produceBlock');
  };
  /** Send a call and include it; fails the test when the chain refuses it. */
  const apply = async (key: typeof alice, name: string, args: Json) => {
    const id = await send(url, key, name, args);
    await produce();
    const receipt = (await result(url, 'tm_receipt', [id])) as Json;
    expect(receipt.status, `${name}: ${JSON.stringify(receipt)}`).toBe('included');
    expect(receipt.receipt.ok, `${name}: ${JSON.stringify(receipt)}`).toBe(true);
  };

  beforeAll(async () => {
    url = (await start()).server.url;
    const before = ((await result(url, 'tm_subnets')) as Json[]).map((s) => s.netuid);
    await apply(alice, 'register_network', { hotkey: aliceHot.address });
    const created = ((await result(url, 'tm_subnets')) as Json[]).find((s) => !before.includes(s.netuid));
    netuid = created.netuid;
    await apply(alice, 'start_call', { netuid });
    await apply(bob, 'burned_register', { hotkey: bobHot.address, netuid });
    await apply(bob, 'add_stake', { hotkey: bobHot.address, netuid, amount: '50000000000' });
    await apply(bobHot, 'serve_axon', { netuid, ip: '10.0.0.7', port: 8091, protocol: 0, version: 3 });
    await produce(12); // past the subnet's first epoch (tempo 10)
  });

  it('tm_metagraph gives bittensor field names, one entry per UID, and what the calls stored', async () => {
    const m = (await result(url, 'tm_metagraph', [netuid])) as Json;
    const head = (await result(url, 'chain_getHeader')) as Json;
    expect([m.netuid, m.block]).toEqual([netuid, head.number]);
    const perUid = [
      'uids',
      'hotkeys',
      'coldkeys',
      'stake',
      'consensus',
      'incentive',
      'dividends',
      'emission',
      'validator_trust',
      'validator_permit',
      'weights',
      'bonds',
      'axons',
      'active',
      'last_update',
    ];
    for (const field of perUid) expect(`${field}: ${m[field]?.length}`).toBe(`${field}: ${m.n}`);
    expect([m.ranks, m.trust]).toEqual([null, null]);
    const uid = m.hotkeys.indexOf(bobHot.address);
    expect(uid).toBeGreaterThanOrEqual(0);
    expect(m.uids[uid]).toBe(uid);
    expect(m.coldkeys[uid]).toBe(bob.address);
    expect(m.axons[uid]).toEqual({ ip: '10.0.0.7', port: 8091, ip_type: 4, protocol: 0, version: 3 });
    for (const x of [...m.consensus, ...m.incentive, ...m.dividends, ...m.validator_trust]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(BigInt(m.stake[uid].rao)).toBeGreaterThan(0n);
  });

  it('tm_stake lists the coldkey position the metagraph counts, valued at the pool price', async () => {
    const positions = (await result(url, 'tm_stake', [bob.address])) as Json[];
    const onSubnet = positions.filter((p) => p.netuid === netuid);
    expect(onSubnet.map((p) => p.hotkey)).toEqual([bobHot.address]);
    const m = (await result(url, 'tm_metagraph', [netuid])) as Json;
    // Bob is the hotkey's only staker: his position is the hotkey's whole alpha.
    expect(onSubnet[0].alpha).toEqual(m.stake[m.hotkeys.indexOf(bobHot.address)]);
    const price = ((await result(url, 'tm_subnets')) as Json[]).find((s) => s.netuid === netuid).price;
    const alpha = Number(onSubnet[0].alpha.rao);
    expect(Math.abs(Number(onSubnet[0].tao.rao) - alpha * price) / (alpha * price)).toBeLessThan(1e-9);
    expect(await result(url, 'tm_stake', [charlie.address])).toEqual([]);
  });

  it('tm_hyperparameters reads every settable hyperparameter, and follows sudo_set_hyperparameter', async () => {
    const h = (await result(url, 'tm_hyperparameters', [netuid])) as Json;
    expect(Object.keys(h).sort()).toEqual([...HYPERPARAMETER_NAMES].sort());
    expect(h.tempo).toBe(10);
    expect(h.minBurn).toMatchObject({ rao: expect.stringMatching(/^\d+$/) });
    expect(typeof h.yuma3).toBe('boolean');
    const next = h.immunityPeriod === 77 ? 78 : 77;
    await apply(alice, 'sudo_set_hyperparameter', { netuid, name: 'immunityPeriod', value: next });
    expect(((await result(url, 'tm_hyperparameters', [netuid])) as Json).immunityPeriod).toBe(next);
  });

  it('tm_simulateSwap predicts a stake to the rao and leaves the chain as it was', async () => {
    const amount = '2000000000';
    const subnetsBefore = await result(url, 'tm_subnets');
    const buy = (await result(url, 'tm_simulateSwap', [netuid, { taoIn: { rao: amount } }])) as Json;
    const sell = (await result(url, 'tm_simulateSwap', [netuid, { alphaIn: '1.5' }])) as Json;
    expect(await result(url, 'tm_subnets')).toEqual(subnetsBefore);
    expect([buy.side, buy.amountIn.rao, sell.side, sell.amountIn.rao]).toEqual([
      'buy',
      amount,
      'sell',
      '1500000000',
    ]);
    expect(BigInt(buy.fee.rao)).toBeGreaterThan(0n);
    expect(buy.priceAfter).toBeGreaterThan(buy.priceBefore);
    expect(sell.priceAfter).toBeLessThan(sell.priceBefore);
    await apply(charlie, 'add_stake', { hotkey: bobHot.address, netuid, amount });
    const staked = ((await result(url, 'tm_stake', [charlie.address])) as Json[]).find(
      (p) => p.netuid === netuid,
    );
    // Share-pool flooring may keep dust below one rao per staker in the pool.
    const diff = BigInt(buy.amountOut.rao) - BigInt(staked.alpha.rao);
    expect(diff >= 0n && diff <= 1n, `${buy.amountOut.rao} vs ${staked.alpha.rao}`).toBe(true);
  });

  it('refuses unknown subnets and malformed orders, naming the field', async () => {
    const cases: [string, unknown[], string][] = [
      ['tm_metagraph', [9999], 'params[0]'],
      ['tm_hyperparameters', [9999], 'params[0]'],
      ['tm_simulateSwap', [9999, { taoIn: '1' }], 'params[0]'],
      ['tm_simulateSwap', [1, { taoIn: '1', alphaIn: '1' }], 'params[1]'],
      ['tm_simulateSwap', [1, { taoIn: '0' }], 'params[1].taoIn'],
      ['tm_stake', [42], 'params[0]'],
    ];
    for (const [method, params, field] of cases) {
      const error = await rpcError(url, method, params);
      expect(`${method} ${JSON.stringify(params)}: ${error?.code} ${error?.data?.field}`).toBe(
        `${method} ${JSON.stringify(params)}: -32602 ${field}`,
      );
    }
  });

  it('tm_supply shows issuance equal to every holding', async () => {
    const s = (await result(url, 'tm_supply')) as Json;
    expect(s.problems).toEqual([]);
    expect(s.conserved).toBe(true);
    const sum = (...xs: Amount[]) => xs.reduce((t, x) => t + BigInt(x.rao), 0n);
    expect(sum(s.issuance, s.uncounted)).toBe(BigInt(s.held.rao));
    expect(sum(s.balances, s.pools, s.subnetAccounts, s.burned, s.mechanisms)).toBe(BigInt(s.held.rao));
  });

  it('tm_accountExtrinsics lists what an account signed, newest first, with receipts', async () => {
    const answer = (await result(url, 'tm_accountExtrinsics', [bob.address, 2])) as Json;
    expect(answer.extrinsics.map((x: Json) => [x.role, x.extrinsic.call, x.receipt.ok])).toEqual([
      ['signed', 'add_stake', true],
      ['signed', 'burned_register', true],
    ]);
    expect(answer.extrinsics[0].block).toBeGreaterThan(answer.extrinsics[1].block);
    const receipt = (await result(url, 'tm_receipt', [answer.extrinsics[0].submission])) as Json;
    expect(receipt.block).toBe(answer.extrinsics[0].block);
    expect(answer.scannedFrom).toBeGreaterThanOrEqual(1);
    const none = (await result(url, 'tm_accountExtrinsics', [keypairFromUri('//Nobody').address])) as Json;
    expect(none.extrinsics).toEqual([]);
  });

  it('tm_subnetEconomics and tm_network agree with tm_subnets and tm_supply at the same head', async () => {
    const economics = (await result(url, 'tm_subnetEconomics')) as Json[];
    const subnets = (await result(url, 'tm_subnets')) as Json[];
    const network = (await result(url, 'tm_network')) as Json;
    const supply = (await result(url, 'tm_supply')) as Json;
    const mine = economics.find((e) => e.netuid === netuid);
    expect(mine.price).toBe(subnets.find((s) => s.netuid === netuid).price);
    expect(economics.map((e) => e.netuid)).not.toContain(0);
    expect(network.issuance).toEqual(supply.issuance);
    expect(network.subnets).toBe(economics.length);
    expect(network.blockEmission.tao).toBe('1');
    // A young subnet's EMA price may still round its share to nothing: shares add up to 1 or all are 0.
    const emitted = economics.reduce((t, e) => t + Number(e.emission.rao), 0);
    const shares = economics.reduce((t, e) => t + e.emissionShare, 0);
    expect(shares).toBeCloseTo(emitted === 0 ? 0 : 1, 9);
    expect(network.chainBuyShare).toBeGreaterThanOrEqual(0);
    expect(network.chainBuyShare).toBeLessThanOrEqual(1);
  });
});

describe('author_submitAndWatchExtrinsic', () => {
  it('tells ready, then in block and finalized with the block hash', async () => {
    const net = await start();
    const ws = await connect(net.server.wsUrl);
    const genesisHash = net.node.genesisHash;
    const tx = signed(alice, 'transfer', { dest: bob.address, amount: '1000' }, { genesisHash, nonce: 0 });
    const opened = await ws.call('author_submitAndWatchExtrinsic', [tx]);
    const subscription = opened.result as string;
    const ready = (await ws.next()) as Json;
    expect(ready.method).toBe('author_extrinsicUpdate');
    expect(ready.params.subscription).toBe(subscription);
    const id = ready.params.result.ready as string;
    expect(id).toMatch(/^0x[0-9a-f]{64}$/);
    const header = (await result(net.server.url, 'tm_produceBlock')) as Json;
    expect(((await ws.next()) as Json).params.result).toEqual({ inBlock: header.hash });
    expect(((await ws.next()) as Json).params.result).toEqual({ finalized: header.hash });
    expect(((await result(net.server.url, 'tm_receipt', [id])) as Json).status).toBe('included');
    // Refused at once: the subscribe call's error, with the code and field.
    const forged = {
      ...signed(alice, 'transfer', { dest: bob.address, amount: '1' }, { genesisHash, nonce: 1 }),
    };
    const other = signed(bob, 'transfer', { dest: bob.address, amount: '1' }, { genesisHash, nonce: 1 });
    const refused = await ws.call('author_submitAndWatchExtrinsic', [
      { ...forged, signature: other.signature },
    ]);
    expect((refused.error as Json).data).toMatchObject({ code: 'BAD_SIGNATURE', field: 'signature' });
    await ws.close();
  });

  it('tells invalid when a block finds the era passed, and dropped for the nonce gap it leaves', async () => {
    const net = await start({ maxBlockTransactions: 1 });
    const ws = await connect(net.server.wsUrl);
    const genesisHash: Hex = net.node.genesisHash;
    const head = net.node.head.number;
    const at = (nonce: number, from = 0, period = 4096) => ({ genesisHash, nonce, from, period });
    const txs = [
      signed(alice, 'transfer', { dest: bob.address, amount: '1' }, at(0)),
      // Valid in the next block only, which will be full with the first.
      signed(alice, 'transfer', { dest: bob.address, amount: '2' }, at(1, head + 1, 1)),
      signed(alice, 'transfer', { dest: bob.address, amount: '3' }, at(2)),
    ];
    const subscriptions: string[] = [];
    for (const tx of txs) {
      subscriptions.push((await ws.call('author_submitAndWatchExtrinsic', [tx])).result as string);
      expect(((await ws.next()) as Json).params.result).toHaveProperty('ready');
    }
    await result(net.server.url, 'tm_produceBlock');
    await result(net.server.url, 'tm_produceBlock');
    const updates = new Map<string, Json[]>();
    for (let i = 0; i < 4; i++) {
      const frame = (await ws.next()) as Json;
      updates.set(frame.params.subscription, [
        ...(updates.get(frame.params.subscription) ?? []),
        frame.params.result,
      ]);
    }
    expect(Object.keys(updates.get(subscriptions[0]!)![0])).toEqual(['inBlock']);
    expect(updates.get(subscriptions[1]!)).toEqual([
      { invalid: { code: 'EXPIRED', field: 'era', message: expect.stringContaining('era:') } },
    ]);
    expect(updates.get(subscriptions[2]!)).toEqual([
      { dropped: { code: 'NONCE_GAP', field: 'nonce', message: expect.stringContaining('nonce 2') } },
    ]);
    await ws.close();
  });
});
