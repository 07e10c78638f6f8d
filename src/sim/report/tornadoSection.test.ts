import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import type { SensitivityScreen, SummaryWithSensitivity } from '../sensitivity/sensitivityScreen.ts';
import { sensitivityLines } from './sensitivityLines.ts';
import { syntheticSummary } from './syntheticSummary.ts';
import { tornadoChartSpec } from './tornadoChartSpec.ts';
import { writeReport } from './writeReport.ts';

const tempDir = createTempDirs('tm-tornado-');

/** Test data: a screen of ten parameters, effects shrinking with rank; one name needs escaping. */
function screen(): SensitivityScreen {
  const parameters = Array.from({ length: 10 }, (_, k) => ({
    parameter: k === 2 ? 'market.<b>odd</b>' : `section.param${k}`,
    value: 1,
    low: 0.5,
    high: 2,
    source: k === 0 ? 'spec "§4" & <notes>' : 'assumption: ×0.5–×2 of the default',
    atLow: { median: -0.2 - 0.3 / (k + 1), probLoss: 0.6 + 0.02 * (10 - k) },
    atHigh: { median: -0.2 + 0.2 / (k + 1), probLoss: 0.5 - 0.01 * (10 - k) },
    rank: k + 1,
  }));
  return {
    outcome: { key: 'holderReturn', label: 'Holder return', unit: 'return', description: 'Return.' },
    runs: 8,
    seed: 1,
    variations: 21,
    top: 8,
    rule: 'ranked by the larger change in the median holder return (test rule)',
    baseline: { median: -0.2, probLoss: 0.55 },
    parameters,
    completed: 168,
    errored: 0,
  };
}

async function render(summary: SummaryWithSensitivity) {
  const outDir = tempDir();
  const paths = await writeReport({ summary, manifest: { seed: 1 }, outDir });
  return { paths, html: await readFile(join(outDir, 'report.html'), 'utf8') };
}

describe('tornado section', () => {
  it('opens the page right after the answer, with how the screen was run and the top parameters drawn', async () => {
    const summary = { ...syntheticSummary(), sensitivity: screen() };
    const { html, paths } = await render(summary);
    const answer = html.indexOf('aria-label="Answer"');
    const section = html.indexOf('<h2 id="sensitivity"');
    expect(answer).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(answer);
    expect(section).toBeLessThan(html.indexOf('<h2 id="key-figures">'));
    const text = html.slice(section, html.indexOf('</section>', section)).replace(/<svg[\s\S]*?<\/svg>/g, '');
    expect(text).toContain('10 parameters were set to the low and then the high end');
    expect(text).toContain('8 paired runs per variation (21 variations with the baseline)');
    expect(text).toContain(
      'parameters are ranked by the larger change in the median holder return (test rule)',
    );
    expect(text).toContain('The 8 largest effects are shown');
    // Escaped, never raw.
    expect(text).toContain('market.&lt;b&gt;odd&lt;/b&gt;');
    expect(text).toContain('spec &quot;§4&quot; &amp; &lt;notes&gt;');
    expect(html).not.toContain('<b>odd</b>');
    const svg = await readFile(paths.find((p) => p.endsWith('tornado-holderReturn.svg'))!, 'utf8');
    expect(html.slice(section)).toContain(svg);
    expect(paths.some((p) => p.endsWith('tornado-holderReturn.png'))).toBe(true);
    // The eight shown, not the ninth.
    expect(svg).toContain('section.param7');
    expect(svg).not.toContain('section.param8');
  });

  it('draws a bar per end and panel for each shown parameter, around the baseline', () => {
    const spec = tornadoChartSpec(screen()) as unknown as {
      data: { values: { parameter: string; median: number; probLoss: number }[] };
      hconcat: { layer: { encoding: { x2?: { datum: number }; x?: { datum?: number } } }[] }[];
    };
    expect(spec.data.values).toHaveLength(16);
    expect(spec.data.values[0]).toMatchObject({ parameter: 'section.param0\n0.5 … 2', median: -0.5 });
    expect(spec.hconcat.map((p) => p.layer[0]!.encoding.x2?.datum)).toEqual([-0.2, 0.55]);
    expect(tornadoChartSpec({ ...screen(), parameters: [] })).toBeNull();
  });

  it('leaves the page without a section when there is no screen, and is deterministic with one', async () => {
    const plain = await render(syntheticSummary());
    expect(plain.html).not.toContain('id="sensitivity"');
    expect(plain.paths.some((p) => p.includes(join('charts', 'tornado')))).toBe(false);
    const summary = { ...syntheticSummary(), sensitivity: screen() };
    expect((await render(summary)).html).toBe((await render(summary)).html);
  });

  it('prints the top parameters for the console', () => {
    const lines = sensitivityLines(screen(), 3);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Most sensitive of 10 parameters screened one at a time (8 paired runs per variation; holder return at the low … high end of each range):',
    );
    expect(lines[1]).toBe(
      '1. section.param0 (0.5 … 2): median -50% … 0% (baseline -20%), P(loss) 80% … 40% (baseline 55%)',
    );
  });
});
