/**
 * The `localnet` command alone, for tests that start and kill the node many times: the command's own
 * code (flags, output, block production, shutdown) without loading the CLI's other commands, which
 * would double every start-up. Run as `node --import tsx localnetCommand.ts localnet --port 0 …`.
 */
import { Command } from 'commander';
import { registerLocalnet } from '../../src/cli/localnet.ts';

const program = new Command().name('tensormarket');
registerLocalnet(program);
await program.parseAsync(process.argv);
