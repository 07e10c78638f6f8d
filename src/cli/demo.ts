/**
 * `tensormarket demo [--network URL] [--out DIR] [--tempos N] [--adversary random|slow] [--keep]`: the glyphs
 * subnet end to end. It starts a local network (or uses --network, a dev chain where //Alice is rich and
 * sudo), creates and starts the subnet, registers a validator and four miners (nearest centroid, k
 * nearest neighbours, a small convolutional network, and an adversary), runs each as a process of its
 * own for N tempos, then stops them all and prints the metagraph: each miner's measured accuracy beside
 * its incentive and emission. Its own network serves the dashboard with the validator's rounds on the
 * subnet's page, and with --keep stays up after the report.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { startLocalnet } from '../node/startLocalnet.ts';
import { amountJson } from '../sdk/amount/amount.ts';
import { connectChain } from '../sdk/chain/connectChain.ts';
import { devGenesis } from '../sdk/devnet/devGenesis.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { BUILD_DASHBOARD_HINT, builtDashboard } from './dashboardDir.ts';
import { demoLines, readRounds } from './demo/demoReport.ts';
import { demoHotkeyUri, setUpDemoSubnet } from './demo/demoSubnet.ts';
import { type NeuronProcess, startNeuronProcess } from './demo/neuronProcess.ts';
import { dim, green } from './output.ts';
import { wholeNumber } from './wholeNumber.ts';

const NEURONS = resolve(import.meta.dirname, '..', '..', 'subnets', 'glyphs', 'neurons');

/** The demo's miners: three models of clearly different quality, then the adversary. */
const HONEST = [
  { name: 'centroid', behaviour: 'nearestCentroid' },
  { name: 'knn', behaviour: 'kNearestNeighbours' },
  { name: 'convnet', behaviour: 'convNet' },
] as const;

/** The adversaries `--adversary` chooses from: answers without looking, or answers after the deadline. */
const ADVERSARIES = { random: 'random', slow: 'slow:kNearestNeighbours:8000' } as const;

/** Resolves at the first Ctrl-C or SIGTERM. */
function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Register the `demo` command. */
export function registerDemo(program: Command): void {
  const command = program
    .command('demo')
    .description(
      'run the glyphs subnet: a validator and miners of different quality as processes, then the metagraph',
    )
    .option('--network <url>', 'use this dev chain instead of starting a local network')
    .option('--out <dir>', 'where the chain and the validator’s rounds are written', '.demo')
    .option('--tempos <n>', 'epochs to run once the validator has set weights', '6')
    .option('--adversary <kind>', `the adversarial miner (${Object.keys(ADVERSARIES).join(', ')})`, 'random')
    .option('--images <n>', 'images per challenge', '100')
    .option('--train <n>', 'images each miner renders and trains its model on', '3000')
    .option('--keep', 'keep the local network and its dashboard up after the demo, until Ctrl-C');
  addJsonOptions(command).action(
    async (
      opts: {
        network?: string;
        out: string;
        tempos: string;
        adversary: string;
        images: string;
        train: string;
        keep?: boolean;
      } & JsonOptions,
    ) => {
      const tempos = wholeNumber(opts.tempos, '--tempos', 1, 100);
      const images = wholeNumber(opts.images, '--images', 10, 512);
      const train = wholeNumber(opts.train, '--train', 100, 25_000);
      if (!Object.hasOwn(ADVERSARIES, opts.adversary))
        throw new InputError(
          '--adversary',
          `expected ${Object.keys(ADVERSARIES).join(' or ')}, got "${opts.adversary}"`,
        );
      const adversary = ADVERSARIES[opts.adversary as keyof typeof ADVERSARIES];
      const json = wantsJson(opts);
      const say = (line: string) => {
        if (!json) process.stderr.write(`${line}\n`);
      };
      const out = resolve(opts.out);
      rmSync(join(out, 'validator'), { recursive: true, force: true });
      mkdirSync(out, { recursive: true });

      if (opts.keep === true && opts.network !== undefined)
        throw new InputError(
          '--keep',
          'keeps the local network the demo starts; leave out --network to use it',
        );
      const dashboard = builtDashboard();
      const net =
        opts.network === undefined
          ? await startLocalnet({
              dataDir: join(out, 'chain'),
              fresh: true,
              genesis: devGenesis(),
              production: { everyMs: 250 },
              port: 0,
              // The page's subnet view shows the validator's rounds as it writes them.
              roundsDir: out,
              ...(dashboard === undefined ? {} : { staticDir: dashboard }),
            })
          : undefined;
      const url = opts.network ?? net!.server.url;
      const chain = connectChain(url, { timeoutMs: 15_000 });
      const processes: NeuronProcess<unknown>[] = [];
      try {
        say(green(`chain at ${url}`));
        const miners = [
          ...HONEST.map((m) => ({ ...m, adversary: false })),
          { name: opts.adversary, behaviour: adversary, adversary: true },
        ];
        const subnet = await setUpDemoSubnet(
          chain,
          miners.map((m) => m.name),
        );
        say(
          `subnet ${subnet.netuid} created and started (tempo ${subnet.tempo}); training the miners' models…`,
        );
        say(
          net === undefined
            ? dim(
                `to see the validator's rounds on the subnet page: tensormarket dashboard --network ${url} --rounds ${opts.out}`,
              )
            : dashboard === undefined
              ? dim(`dashboard: not built; ${BUILD_DASHBOARD_HINT}`)
              : `dashboard: ${net.server.url}#/subnet/${subnet.netuid}`,
        );
        const common = ['--network', url, '--netuid', String(subnet.netuid)];
        const started = await Promise.all(
          miners.map((m, i) =>
            startNeuronProcess(
              `miner ${m.name}`,
              join(NEURONS, 'minerMain.ts'),
              [
                ...common,
                '--hotkey-uri',
                demoHotkeyUri(m.name),
                '--behaviour',
                m.behaviour,
                '--seed',
                `demo-miner-${i}`,
                '--train',
                String(train),
              ],
              300_000,
            ),
          ),
        );
        processes.push(...started);
        const validatorDir = join(out, 'validator');
        processes.push(
          await startNeuronProcess(
            'validator',
            join(NEURONS, 'validatorMain.ts'),
            [
              ...common,
              '--hotkey-uri',
              demoHotkeyUri('validator'),
              '--data',
              validatorDir,
              '--images',
              String(images),
            ],
            60_000,
          ),
        );
        const from = await chain.head();
        const until = from + tempos * (subnet.tempo + 1) + subnet.tempo + 1;
        say(`miners and validator running; blocks ${from} to ${until} (${tempos} tempos)…`);
        for (let head = from; head < until; head = await chain.head()) {
          for (const p of processes)
            if (p.child.exitCode !== null) throw new Error(`${p.name} stopped: ${p.stderr().trim()}`);
          await new Promise((done) => setTimeout(done, 500));
        }
        await Promise.all(processes.map((p) => p.stop()));
        const graph = await chain.metagraph(subnet.netuid);
        const rounds = readRounds(validatorDir);
        const lines = demoLines(
          graph,
          rounds,
          miners.map((m) => ({
            label: m.behaviour,
            hotkey: subnet.miners.get(m.name)!.address,
            adversary: m.adversary,
          })),
        );
        if (json)
          printJson('demo', {
            network: url,
            netuid: subnet.netuid,
            block: graph.block,
            rounds: rounds.rounds,
            difficulty: rounds.lastDifficulty,
            roundsFile: join(validatorDir, 'rounds.jsonl'),
            miners: lines.map((l) => ({ ...l, emission: amountJson(l.emission) })),
          });
        else {
          const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
          process.stdout.write(
            `subnet ${subnet.netuid} at block ${graph.block}: ${rounds.rounds} validator rounds, difficulty ${rounds.lastDifficulty ?? '–'}\n`,
          );
          process.stdout.write(
            `${'uid'.padStart(3)}  ${'miner'.padEnd(42)} ${'accuracy (95% CI)'.padEnd(24)} ${'incentive'.padStart(9)}  emission α\n`,
          );
          for (const l of lines)
            process.stdout.write(
              `${String(l.uid).padStart(3)}  ${`${l.label}${l.adversary ? ' (adversary)' : ''}`.padEnd(42)} ${`${pct(l.accuracy)} [${pct(l.accuracyLow)}, ${pct(l.accuracyHigh)}]`.padEnd(24)} ${l.incentive.toFixed(4).padStart(9)}  ${amountJson(l.emission).tao}\n`,
            );
          process.stdout.write(dim(`rounds: ${join(validatorDir, 'rounds.jsonl')}\n`));
        }
        if (opts.keep === true && net !== undefined) {
          say(
            `the network stays up${dashboard === undefined ? '' : `: dashboard at ${net.server.url}#/subnet/${subnet.netuid}`}; Ctrl-C stops it`,
          );
          await untilInterrupted();
        }
      } finally {
        await Promise.all(processes.map((p) => p.stop()));
        await chain.close();
        await net?.close();
      }
    },
  );
}
