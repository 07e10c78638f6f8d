#!/usr/bin/env node
/** The `tensormarket` command line. */
import { Command } from 'commander';
import { TensormarketError } from '../engine/errors.ts';
import { registerBacktest } from './backtest.ts';
import { registerCalibrate } from './calibrate.ts';
import { registerCompare } from './compare.ts';
import { registerConformance } from './conformance.ts';
import { registerEpoch } from './epoch.ts';
import { registerLocalnet } from './localnet.ts';
import { registerScenario } from './scenario.ts';
import { registerSchema } from './schema.ts';
import { registerSimulate } from './simulate.ts';
import { registerSnapshot } from './snapshot.ts';
import { registerWallet } from './wallet.ts';

const program = new Command()
  .name('tensormarket')
  .description(
    'Exact engine, Monte Carlo lab and local network for token-funded AI networks (Bittensor dTAO).',
  )
  .version('0.1.0');

registerConformance(program);
registerSimulate(program);
registerCompare(program);
registerScenario(program);
registerEpoch(program);
registerSnapshot(program);
registerLocalnet(program);
registerBacktest(program);
registerCalibrate(program);
registerWallet(program);
registerSchema(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof TensormarketError) {
    process.stderr.write(`error [${error.code}] ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
