/**
 * A comparison's variants read from their own summaries: the branches of the series chosen in the
 * address (`#/results?series=<key>`) on one chart, and the holder classes' returns side by side.
 */

import { useMemo } from 'preact/hooks';
import { BranchChart } from '../components/BranchChart.tsx';
import { VariantsHead } from '../components/VariantsHead.tsx';
import { figure } from '../format.ts';
import type { ResultsHref } from '../resultsHref.ts';
import {
  type Comparison,
  HOLDER_CLASSES_TITLE,
  type HolderClassFigures,
  holderClassesAcross,
  readBranches,
  readSummary,
  sharedSeries,
} from '../resultsSummary.ts';

/** One cell of the holder-class table: the median and, under it, p5–p95 and the chance of a loss. */
function HolderClassCell(props: { readonly figures: HolderClassFigures | undefined }) {
  const f = props.figures;
  if (f === undefined) return <>—</>;
  return (
    <>
      {f.median === undefined ? '—' : figure(f.median)}
      {f.p5 !== undefined && f.p95 !== undefined && (
        <div class="difference">
          p5–p95 {figure(f.p5)} to {figure(f.p95)}
        </div>
      )}
      {f.probNegative !== undefined && <div class="difference">probNegative {figure(f.probNegative)}</div>}
    </>
  );
}

export function VariantsAcross(props: {
  readonly comparison: Comparison;
  /** Each variant's parsed `summary.json`, in the comparison's order; undefined where it was not read. */
  readonly summaries: readonly unknown[];
  readonly series: string | undefined;
  readonly hrefAt: ResultsHref;
}) {
  const { comparison, summaries } = props;
  const read = useMemo(
    () => summaries.map((s) => (s === undefined ? undefined : readSummary(s))),
    [summaries],
  );
  const shared = useMemo(() => sharedSeries(read), [read]);
  const branches = useMemo(
    () => readBranches({ comparison, summaries: read, key: props.series }),
    [comparison, read, props.series],
  );
  const holders = useMemo(() => holderClassesAcross(summaries), [summaries]);
  const unread = comparison.variants.filter((_, i) => summaries[i] === undefined).map((v) => v.name);
  const unknown = props.series !== undefined && branches !== undefined && branches.key !== props.series;
  return (
    <>
      <h2>Branches over time</h2>
      {unread.length > 0 && <p class="note">No readable summary.json for {unread.join(', ')}.</p>}
      {branches === undefined ? (
        <p class="note">The variants share no series over time.</p>
      ) : (
        <>
          <nav class="series-picker" aria-label="series">
            {shared.map((s) => (
              <a
                key={s.key}
                href={props.hrefAt(undefined, s.key)}
                aria-current={s.key === branches.key ? 'true' : undefined}
              >
                {s.label}
              </a>
            ))}
          </nav>
          {unknown && <p class="note">The variants share no series “{props.series}”; showing the first.</p>}
          <div class="panel fan-panel">
            <h3 data-testid="branch-title">
              {branches.label}
              {branches.unit === undefined ? '' : ` (${branches.unit})`}
            </h3>
            <p class="note fan-note">
              Median (line) and p25–p75 (band) of each variant
              {branches.forkDay === undefined
                ? '.'
                : `; until day ${branches.forkDay} (dashed) every variant follows ${comparison.variants[0]?.name ?? 'the first'}.`}
            </p>
            <BranchChart key={branches.key} branches={branches} />
          </div>
        </>
      )}
      {holders.length > 0 && (
        <>
          <h2>{HOLDER_CLASSES_TITLE}, by variant</h2>
          <div class="table-scroll">
            <table data-testid="holder-classes-across">
              <VariantsHead variants={comparison.variants} />
              <tbody>
                {holders.map((h) => (
                  <tr key={h.key}>
                    <th scope="row" title={h.key}>
                      {h.label}
                    </th>
                    {comparison.variants.map((v, i) => (
                      <td key={v.folder} class="num">
                        <HolderClassCell figures={h.cells[i]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
