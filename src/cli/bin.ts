#!/usr/bin/env node
/** The `tensormarket` command line. */
import { Command } from 'commander';
import { InputError, TensormarketError } from '../engine/errors.ts';
import { FAILURE_EXIT_CODE, jsonRequested, reportFailure } from './commandOutput.ts';

/**
 * Each top-level command with its btcli alias, and the module that registers it. Only the module of the
 * command being run is loaded (the simulator and the node take seconds to load, a wallet command
 * should not wait for them); help and unknown words load them all, in this order.
 */
const COMMANDS: readonly {
  readonly names: readonly string[];
  readonly load: () => Promise<(program: Command) => void>;
}[] = [
  { names: ['conformance'], load: async () => (await import('./conformance.ts')).registerConformance },
  { names: ['simulate'], load: async () => (await import('./simulate.ts')).registerSimulate },
  { names: ['compare'], load: async () => (await import('./compare.ts')).registerCompare },
  { names: ['merge'], load: async () => (await import('./merge.ts')).registerMerge },
  { names: ['sweep'], load: async () => (await import('./sweep.ts')).registerSweep },
  { names: ['worker'], load: async () => (await import('./worker.ts')).registerWorker },
  { names: ['scenario'], load: async () => (await import('./scenario.ts')).registerScenario },
  { names: ['epoch'], load: async () => (await import('./epoch.ts')).registerEpoch },
  { names: ['snapshot'], load: async () => (await import('./snapshot.ts')).registerSnapshot },
  { names: ['localnet'], load: async () => (await import('./localnet.ts')).registerLocalnet },
  { names: ['dashboard'], load: async () => (await import('./dashboard.ts')).registerDashboard },
  { names: ['node'], load: async () => (await import('./node.ts')).registerNode },
  { names: ['demo'], load: async () => (await import('./demo.ts')).registerDemo },
  { names: ['backtest'], load: async () => (await import('./backtest.ts')).registerBacktest },
  { names: ['calibrate'], load: async () => (await import('./calibrate.ts')).registerCalibrate },
  { names: ['wallet', 'w'], load: async () => (await import('./wallet.ts')).registerWallet },
  { names: ['subnets', 's'], load: async () => (await import('./subnets.ts')).registerSubnets },
  { names: ['stake', 'st'], load: async () => (await import('./stake.ts')).registerStake },
  { names: ['weights', 'wt'], load: async () => (await import('./weights.ts')).registerWeights },
  { names: ['sudo', 'su'], load: async () => (await import('./sudo.ts')).registerSudo },
  { names: ['schema'], load: async () => (await import('./schema.ts')).registerSchema },
];

const json = jsonRequested();
// Set before the commands are added, so that every command inherits them: with --json-output a usage
// error is the JSON error document on stdout, not commander's text.
const program = new Command()
  .name('tensormarket')
  .description(
    'Exact engine, Monte Carlo lab and local network for token-funded AI networks (Bittensor dTAO).',
  )
  .version('0.1.0')
  // Options belong to the command they follow, so `calibrate demand --json` is demand's.
  .enablePositionalOptions()
  .configureOutput({
    outputError: (text, write) => {
      if (!json) write(text);
    },
  })
  .exitOverride((error) => {
    if (error.exitCode === 0) return;
    if (json) reportFailure(new InputError('arguments', error.message.replace(/^error: /, '')), true);
    process.exit(json ? FAILURE_EXIT_CODE : error.exitCode);
  });

const word = process.argv[2];
const chosen = COMMANDS.filter((c) => word !== undefined && c.names.includes(word));
for (const command of chosen.length > 0 ? chosen : COMMANDS) (await command.load())(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (json) reportFailure(error, true);
  else if (error instanceof TensormarketError) {
    process.stderr.write(`error [${error.code}] ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
