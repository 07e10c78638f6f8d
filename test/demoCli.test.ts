/**
 * `tensormarket demo --json-output` end to end, short: a local network, the glyphs subnet, a validator
 * and four miners as processes for two tempos. Its one JSON document has the published shape, lists the
 * four miners best incentive first with the adversary last, and no neuron process outlives it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_JSON_SHAPES } from '../src/cli/cliJsonShapes.ts';
import { runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-demo-');

/** Processes still running one of the subnet's neuron programs against the node at `url`. */
function neuronsRunning(url: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes('neurons') && line.includes(url));
}

describe('tensormarket demo', () => {
  it('prints the metagraph as JSON, adversary last, and leaves no process behind', async () => {
    const out = tempDir();
    const result = await runCliAsync(
      ['demo', '--out', out, '--tempos', '2', '--train', '1000', '--images', '60', '--json-output'],
      {
        cwd: out,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const report = CLI_JSON_SHAPES.demo.parse(JSON.parse(result.stdout));
    expect(report.miners).toHaveLength(4);
    expect(report.rounds).toBeGreaterThan(0);
    const incentives = report.miners.map((m) => m.incentive);
    expect(incentives).toEqual([...incentives].sort((a, b) => b - a));
    expect(report.miners.at(-1)).toMatchObject({ label: 'random', adversary: true });
    expect(report.miners[0]!.accuracy).toBeGreaterThan(report.miners.at(-1)!.accuracy);
    expect(neuronsRunning(report.network)).toEqual([]);
  });
});
