/**
 * The SDK's node client against a real local network in this process: typed reads, a transfer signed,
 * submitted and settled, a failed and a refused one with their codes, and new heads over WebSocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Localnet, startLocalnet } from '../src/node/startLocalnet.ts';
import { type ChainClient, connect } from '../src/sdk/client/chainClient.ts';
import { RpcCallError } from '../src/sdk/client/rpcCallError.ts';
import type { BlockHeaderView } from '../src/sdk/client/rpcResults.ts';
import { DEV_ACCOUNTS } from '../src/sdk/devnet/devAccounts.ts';
import { devGenesis } from '../src/sdk/devnet/devGenesis.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-sdk-client-');
let net: Localnet;
let client: ChainClient;
const alice = keypairFromUri('//Alice');
const bob = keypairFromUri('//Bob').address;
const devBalance = (address: string) => DEV_ACCOUNTS.find((a) => a.address === address)!.balance;

beforeAll(async () => {
  net = await startLocalnet({ dataDir: tempDir(), genesis: devGenesis(), production: 'instant', port: 0 });
  client = connect(net.server.wsUrl);
});
afterAll(async () => {
  await client?.close();
  await net?.close();
});

describe('the SDK client on a local network', () => {
  it('reads the chain typed', async () => {
    expect(await client.systemChain()).toBe('Tensormarket local network');
    expect(await client.genesisHash()).toBe(net.node.genesisHash);
    expect(await client.balance(bob)).toBe(devBalance(bob));
    expect(await client.getBlockHash(0)).toBe(net.node.genesisHash);
    const head = await client.getHeader();
    expect(head?.number).toBe(net.node.head.number);
    expect(await client.accountNextIndex(alice.address)).toBe(0);
    expect(await client.subnets()).toEqual(expect.any(Array));
  });

  it('signs, submits and settles a transfer; new heads arrive over WebSocket', async () => {
    const heads: BlockHeaderView[] = [];
    const subscription = await client.subscribeNewHeads((h) => heads.push(h));
    const before = await client.balance(bob);
    const envelope = await client.prepareEnvelope({
      keypair: alice,
      call: { name: 'transfer', args: { dest: bob, amount: '2500000000' } },
      period: 16,
    });
    expect(envelope.era.period).toBe(16);
    const outcome = await client.submitAndWait(envelope, { timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ status: 'included', block: net.node.head.number });
    expect(await client.balance(bob)).toBe(before + 2_500_000_000n);
    expect(await client.accountNextIndex(alice.address)).toBe(envelope.nonce + 1);
    for (let k = 0; k < 100 && heads.length === 0; k++) await new Promise((r) => setTimeout(r, 20));
    expect(heads.map((h) => h.number)).toContain(outcome.block);
    await subscription.unsubscribe();
  });

  it('reports a transfer the chain refuses as failed, with its code and field', async () => {
    const poor = keypairFromUri('//Ferdie');
    const { id } = await client.signAndSubmit({
      keypair: poor,
      call: { name: 'transfer', args: { dest: bob, amount: `${devBalance(poor.address) + 1n}` } },
    });
    const receipt = await client.receipt(id);
    expect(receipt).toMatchObject({
      status: 'included',
      receipt: { ok: false, error: { code: 'NotEnoughBalance', field: 'amount' } },
    });
    const envelope = await client.prepareEnvelope({
      keypair: poor,
      call: { name: 'transfer', args: { dest: bob, amount: `${devBalance(poor.address) + 1n}` } },
    });
    const outcome = await client.submitAndWait(envelope);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'NotEnoughBalance', field: 'amount' } });
  });

  it('refuses a forged envelope with RPC_REJECTED naming the field', async () => {
    const envelope = await client.prepareEnvelope({
      keypair: alice,
      call: { name: 'transfer', args: { dest: bob, amount: '1' } },
    });
    const forged = { ...envelope, call: { name: 'transfer', args: { dest: bob, amount: '1000' } } };
    const error = await client.submitExtrinsic(forged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect(error).toMatchObject({ code: 'RPC_REJECTED', rpcCode: -32000, dataCode: 'BAD_SIGNATURE' });
  });
});
