/**
 * `tensormarket node genesis` and `node start --genesis FILE` end to end: the local network's genesis
 * written with a mechanism on, edited (a longer tempo, one more funded account), served by the real
 * command, and a signed mechanism call applied over JSON-RPC with the supply still conserved. A
 * misspelt field is refused naming the file and the field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RAO_PER_TAO } from '../src/engine/chainConstants.ts';
import { connect } from '../src/sdk/client/chainClient.ts';
import { expectIncluded } from '../src/sdk/client/transactionFailure.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { type LocalnetChild, startLocalnetChild } from './support/localnetChild.ts';
import { runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const cwd = createTempDirs('tm-node-start-')();
let node: LocalnetChild | undefined;
afterAll(() => node?.stop());

const alice = keypairFromUri('//Alice');
const extra = keypairFromUri('//Zoe');

describe('node start --genesis', () => {
  it('serves an edited genesis with a mechanism on, and applies a signed mechanism call', async () => {
    const file = join(cwd, 'genesis.json');
    const written = await runCliAsync(['node', 'genesis', '--mechanisms', 'covenant', '--out', file], {
      cwd,
    });
    expect(written.status).toBe(0);
    const genesis = JSON.parse(readFileSync(file, 'utf8'));
    genesis.params.defaultTempo = 20;
    genesis.balances[extra.address] = '42';
    genesis.mechanisms.covenant.minBond = String(2n * RAO_PER_TAO);
    writeFileSync(file, JSON.stringify(genesis));

    node = await startLocalnetChild(cwd, ['--genesis', file, '--block-time', 'instant'], 'node start');
    expect(node.facts).toMatchObject({ mechanisms: ['covenant'], overlay: [], sudo: alice.address });
    expect(node.facts.accounts.find((a) => a.address === extra.address)).toEqual({
      name: 'account',
      uri: null,
      address: extra.address,
      balance: { rao: '42000000000', tao: '42' },
    });

    const client = connect(node.facts.url);
    try {
      const send = async (name: string, args: Record<string, string | number>) =>
        expectIncluded(
          await client.submitAndWait(await client.prepareEnvelope({ keypair: alice, call: { name, args } })),
        );
      await send('register_network', { hotkey: keypairFromUri('//Alice//hot').address });
      const subnet = (await client.subnets()).at(-1)!;
      expect(subnet.tempo).toBe(20);
      await send('start_call', { netuid: subnet.netuid });
      const low = await client.submitAndWait(
        await client.prepareEnvelope({
          keypair: alice,
          call: {
            name: 'covenant_open',
            args: {
              netuid: subnet.netuid,
              share: '50000',
              bond: String(RAO_PER_TAO),
              period: 1,
              gracePeriods: 1,
            },
          },
        }),
      );
      expect(low).toMatchObject({ status: 'failed', error: { code: 'BondTooLow' } });
      await send('covenant_open', {
        netuid: subnet.netuid,
        share: '50000',
        bond: String(3n * RAO_PER_TAO),
        period: 1,
        gracePeriods: 1,
      });
      const supply = await fetch(node.facts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tm_supply', params: [] }),
      }).then((r) => r.json() as Promise<{ result: { conserved: boolean; mechanisms: { tao: string } } }>);
      expect(supply.result).toMatchObject({ conserved: true, mechanisms: { tao: '3' } });
    } finally {
      await client.close();
    }
  });

  it('refuses a misspelt field, naming the file and the field', async () => {
    const file = join(cwd, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'tensormarket-genesis/1', sudo: alice.address, params: { tempo: 5 } }),
    );
    const result = await runCliAsync(['node', 'start', '--genesis', file, '--port', '0', '--json-output'], {
      cwd,
    });
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'INVALID_INPUT', field: `${file}: genesis.params.tempo` },
    });
  });
});
