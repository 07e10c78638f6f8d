import { describe, expect, it } from 'vitest';
import { kernelBalance } from '../../../engine/kernel/index.ts';
import { KERNEL_RULE_PACKS, type KernelRulePack } from '../../../engine/kernel/types.ts';
import { parseScenario } from '../../scenario/parseScenario.ts';
import { formatScenarioIssue } from '../../scenario/scenarioIssue.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { runFuture, simulateFuture } from './run.ts';

const scenario = (rulePack: KernelRulePack): ModelScenario => ({
  horizonDays: 45,
  step: 'day',
  recordEveryDays: 7,
  model: modelParamsSchema.parse({ rulePack, network: { subnets: 24 } }),
});

const bytes = (o: ReturnType<typeof runFuture>) =>
  Buffer.concat([
    Buffer.from(o.series.buffer, o.series.byteOffset, o.series.byteLength),
    Buffer.from(Float64Array.from(o.outcomes).buffer),
  ]);

describe('the Bittensor model under each rule pack', () => {
  const runs = KERNEL_RULE_PACKS.map((pack) => ({
    pack,
    a: runFuture({ scenario: scenario(pack), seed: 4, runIndex: 1 }),
    b: runFuture({ scenario: scenario(pack), seed: 4, runIndex: 1 }),
  }));

  it('is byte-identical for the same seed, for every pack', () => {
    for (const r of runs) expect(bytes(r.a)).toEqual(bytes(r.b));
  });

  it('gives different results from pack to pack', () => {
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        expect(bytes(runs[i]!.a).equals(bytes(runs[j]!.a)), `${runs[i]!.pack} vs ${runs[j]!.pack}`).toBe(
          false,
        );
      }
    }
  });

  it('keeps the kernel balanced under every pack', () => {
    for (const pack of KERNEL_RULE_PACKS) {
      const { state } = simulateFuture({ scenario: scenario(pack), seed: 4, runIndex: 2 });
      const b = kernelBalance(state);
      expect(b.taoError, pack).toBeLessThan(1e-6);
      expect(b.alphaError, pack).toBeLessThan(1e-3);
    }
  });
});

describe('the rulePack field of a scenario', () => {
  it('accepts every pack name and defaults to price-2026-06', () => {
    for (const pack of KERNEL_RULE_PACKS) {
      const r = parseScenario({
        text: `name: p\nmodel:\n  rulePack: ${pack}\n`,
        file: 'p.yaml',
        modelSchema: modelParamsSchema,
      });
      expect(r).toMatchObject({ ok: true, scenario: { model: { rulePack: pack } } });
    }
    const r = parseScenario({ text: 'name: p\n', file: 'p.yaml', modelSchema: modelParamsSchema });
    expect(r).toMatchObject({ ok: true, scenario: { model: { rulePack: 'price-2026-06' } } });
  });

  it('reports an unknown pack at its place, with the valid names', () => {
    const r = parseScenario({
      text: 'name: p\nruns: 2\nmodel:\n  rulePack: taoflow-2026\n',
      file: 'scenarios/p.yaml',
      modelSchema: modelParamsSchema,
    });
    expect(r).toMatchObject({ ok: false });
    if (r.ok) return;
    expect(r.issues.map(formatScenarioIssue)).toEqual([
      'scenarios/p.yaml:4:3 model.rulePack: expected one of "dtao-2025-02", "taoflow-2025-11", "netflow-2026-05", "price-2026-06" or "gate-2026-07", got "taoflow-2026"',
    ]);
  });
});
