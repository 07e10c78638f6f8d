/**
 * The commands that read the node's stake, metagraph, hyperparameter and swap-quote views, run end to end
 * against a stub node: `stake list`, `subnets metagraph`, `subnets hyperparameters`, and `stake move`
 * refusing a move whose quote loses more than the tolerance (nothing is sent).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ERROR_SHAPE, CLI_JSON_SHAPES } from '../src/cli/cliJsonShapes.ts';
import { amountJson } from '../src/sdk/amount/amount.ts';
import { keypairFromUri } from '../src/sdk/keys/keypair.ts';
import { writeColdkey, writeHotkey } from '../src/sdk/wallet/walletKeys.ts';
import { metagraphJson } from './support/metagraphJson.ts';
import { type CliResult, runCliAsync } from './support/runCli.ts';
import { type StubNode, startStubNode } from './support/stubNode.ts';
import { createTempDirs } from './support/tempDirs.ts';

const cwd = createTempDirs('tm-views-cli-')();
const walletPath = join(cwd, 'wallets');
const coldkey = keypairFromUri('//Dave').address;
const hotkeys = [keypairFromUri('//Eve').address, keypairFromUri('//Ferdie').address];

/** Two positions of the coldkey, as the node lists them. */
const POSITIONS = [
  { hotkey: hotkeys[0]!, netuid: 1, alpha: 12_500_000_000n, taoValue: 13_000_000_001n },
  { hotkey: hotkeys[1]!, netuid: 2, alpha: 3n, taoValue: 2n },
];
const METAGRAPH = metagraphJson(
  { netuid: 2, block: 57, hotkeys },
  {
    coldkeys: [coldkey, null],
    stake: [amountJson(100_000_000_000n), amountJson(0n)],
    validator_permit: [true, false],
  },
);
const subnet = (netuid: number, price: number) => ({
  netuid,
  owner: coldkey,
  ownerHotkey: hotkeys[0],
  registeredAt: 1,
  tempo: 10,
  taoIn: amountJson(100_000_000_000n),
  alphaIn: amountJson(100_000_000_000n),
  alphaOut: amountJson(0n),
  price,
  neurons: 2,
  burn: amountJson(1_000_000_000n),
});

let node: StubNode;
beforeAll(async () => {
  node = await startStubNode({
    tm_stake: ([who]) =>
      who === coldkey
        ? POSITIONS.map(({ taoValue, ...p }) => ({
            ...p,
            alpha: amountJson(p.alpha),
            tao: amountJson(taoValue),
          }))
        : [],
    tm_metagraph: ([netuid]) => ({ ...METAGRAPH, netuid }),
    tm_hyperparameters: () => ({ tempo: 10, commitRevealEnabled: true, minBurn: amountJson(500_000_000n) }),
    tm_subnets: () => [subnet(1, 2), subnet(2, 1)],
    // Selling 100 alpha at 2 τ/α gives 180 τ (10 % below the spot value); buying with it, 180 alpha at 1 τ/α.
    tm_simulateSwap: ([, order]) =>
      typeof order === 'object' && order !== null && 'alphaIn' in order
        ? { side: 'sell', amountOut: amountJson(180_000_000_000n), priceBefore: 2 }
        : { side: 'buy', amountOut: amountJson(180_000_000_000n), priceBefore: 1 },
  });
  await writeColdkey({ walletPath, name: 'dave', uri: '//Dave', password: null, overwrite: false });
  await writeHotkey({
    walletPath,
    name: 'dave',
    hotkey: 'default',
    uri: '//Eve',
    password: null,
    overwrite: false,
  });
});
afterAll(() => node.close());

/** Run a command against the stub, asking for JSON. */
const cli = (args: readonly string[]): Promise<CliResult> =>
  runCliAsync([...args, '--network', node.url, '--wallet-path', walletPath, '--json-output'], { cwd });

function json(result: CliResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not one JSON document (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

describe('commands on the node views', () => {
  it('list stake, a metagraph and hyperparameters in their published shapes, and refuse a lossy move', async () => {
    const [stake, metagraph, hyper, move, nobody] = await Promise.all([
      cli(['stake', 'list', '--wallet-name', 'dave']),
      cli(['s', 'metagraph', '--netuid', '2']),
      cli(['subnets', 'hyperparameters', '--netuid', '2']),
      cli([
        'st',
        'move',
        '--wallet-name',
        'dave',
        '--origin-netuid',
        '1',
        '--dest-netuid',
        '2',
        '--amount',
        '100',
      ]),
      cli(['stake', 'list', '--ss58', hotkeys[1]!]),
    ]);

    expect(stake.status, stake.stderr).toBe(0);
    const listed = CLI_JSON_SHAPES['stake list'].parse(json(stake));
    expect(listed.coldkey).toBe(coldkey);
    expect(listed.stakes).toEqual(
      POSITIONS.map((p) => ({ ...p, alpha: amountJson(p.alpha), taoValue: amountJson(p.taoValue) })),
    );
    expect(listed.total).toEqual(amountJson(POSITIONS.reduce((s, p) => s + p.taoValue, 0n)));
    expect(CLI_JSON_SHAPES['stake list'].parse(json(nobody)).stakes).toEqual([]);

    expect(metagraph.status, metagraph.stderr).toBe(0);
    const graph = CLI_JSON_SHAPES['subnets metagraph'].parse(json(metagraph)).metagraph;
    expect(graph).toEqual({ ...METAGRAPH, netuid: 2 });

    expect(hyper.status, hyper.stderr).toBe(0);
    expect(CLI_JSON_SHAPES['subnets hyperparameters'].parse(json(hyper))).toEqual({
      network: node.url,
      netuid: 2,
      hyperparameters: { tempo: 10, commitRevealEnabled: true, minBurn: amountJson(500_000_000n) },
    });

    // 100 alpha at 2 τ/α should buy 200 alpha at 1 τ/α; the quote gives 180: 10 % lost, over 5 %.
    expect(move.status).toBe(2);
    const refused = CLI_ERROR_SHAPE.parse(json(move)).error;
    expect(refused).toMatchObject({ code: 'SlippageTooHigh', field: '--tolerance' });
    expect(refused.message).toContain('10.00 %');
    expect(node.calls.map((c) => c.method)).not.toContain('author_submitExtrinsic');
  });
});
