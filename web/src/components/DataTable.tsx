/**
 * A table sorted by clicking (or pressing Enter or Space on) a column header; widths are fixed by the
 * columns so that live values never move the layout.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** One column: its header, its cell, the value it sorts by and its width in `ch`. */
export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  readonly cell: (row: Row) => ComponentChildren;
  readonly sortBy: (row: Row) => number | string;
  readonly widthCh: number;
  readonly numeric?: boolean;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<Row> {
  readonly label: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly initialSort: string;
  readonly testId: string;
  /** Where a row leads when clicked (its first cell should hold the same link for the keyboard). */
  readonly rowHref?: (row: Row) => string;
  /** `paired`: cells of two lines (a value and a related one under it), a smaller font, the first column kept in view. */
  readonly variant?: 'paired';
}

/** A sortable table. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({
    key: props.initialSort,
    descending: false,
  });
  const column = props.columns.find((c) => c.key === sort.key) ?? props.columns[0];
  const rows = [...props.rows];
  if (column !== undefined)
    rows.sort((a, b) => {
      const x = column.sortBy(a);
      const y = column.sortBy(b);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.descending ? -order : order;
    });
  const toggle = (key: string) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  return (
    <div class="table-scroll">
      <table
        data-testid={props.testId}
        aria-label={props.label}
        class={props.variant === undefined ? undefined : `table-${props.variant}`}
      >
        <colgroup>
          {props.columns.map((c) => (
            <col key={c.key} style={{ width: `${c.widthCh}ch` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th
                key={c.key}
                class={c.numeric === true ? 'num' : undefined}
                aria-sort={c.key === sort.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                <button type="button" onClick={() => toggle(c.key)}>
                  {c.label}
                  <span class="sort-mark" aria-hidden="true">
                    {c.key === sort.key ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={props.rowKey(row)}
              class={props.rowHref === undefined ? undefined : 'linked'}
              onClick={
                props.rowHref === undefined
                  ? undefined
                  : (event) => {
                      if ((event.target as HTMLElement).closest('a') === null)
                        window.location.hash = props.rowHref!(row);
                    }
              }
            >
              {props.columns.map((c) => (
                <td key={c.key} class={c.numeric === true ? 'num' : undefined}>
                  {c.numeric === true ? (
                    // A new node when the value changes: right-aligned text that changes width in place
                    // would count as a layout shift.
                    <span key={c.sortBy(row)}>{c.cell(row)}</span>
                  ) : (
                    c.cell(row)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
