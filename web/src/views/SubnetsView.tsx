/** Every subnet in a table sortable by any column and filtered by netuid or owner. */
import { useState } from 'preact/hooks';
import type { SubnetJson } from '../../../src/sdk/views/subnetsView.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { alpha, price, shortAddress, tao } from '../format.ts';
import { useHeadData } from '../live.ts';

const rao = (a: { rao: string }) => Number(a.rao);

const COLUMNS: readonly Column<SubnetJson>[] = [
  {
    key: 'netuid',
    label: 'netuid',
    widthCh: 8,
    numeric: true,
    sortBy: (s) => s.netuid,
    cell: (s) => <a href={`#/subnet/${s.netuid}`}>{s.netuid}</a>,
  },
  {
    key: 'price',
    label: 'price',
    widthCh: 16,
    numeric: true,
    sortBy: (s) => s.price,
    cell: (s) => price(s.price),
  },
  {
    key: 'taoIn',
    label: 'TAO in',
    widthCh: 22,
    numeric: true,
    sortBy: (s) => rao(s.taoIn),
    cell: (s) => tao(s.taoIn),
  },
  {
    key: 'alphaIn',
    label: 'alpha in',
    widthCh: 22,
    numeric: true,
    sortBy: (s) => rao(s.alphaIn),
    cell: (s) => alpha(s.alphaIn),
  },
  {
    key: 'alphaOut',
    label: 'alpha out',
    widthCh: 22,
    numeric: true,
    sortBy: (s) => rao(s.alphaOut),
    cell: (s) => alpha(s.alphaOut),
  },
  {
    key: 'neurons',
    label: 'UIDs',
    widthCh: 7,
    numeric: true,
    sortBy: (s) => s.neurons,
    cell: (s) => s.neurons,
  },
  {
    key: 'burn',
    label: 'burn',
    widthCh: 16,
    numeric: true,
    sortBy: (s) => rao(s.burn),
    cell: (s) => tao(s.burn),
  },
  {
    key: 'owner',
    label: 'owner',
    widthCh: 16,
    sortBy: (s) => s.owner,
    cell: (s) => (
      <a href={`#/account/${s.owner}`} title={s.owner}>
        {shortAddress(s.owner)}
      </a>
    ),
  },
];

export function SubnetsView() {
  const subnets = useHeadData((node) => node.call<SubnetJson[]>('tm_subnets'), 'subnets');
  const [filter, setFilter] = useState('');
  const wanted = filter.trim().toLowerCase();
  const rows = (subnets.data ?? []).filter(
    (s) => wanted === '' || String(s.netuid) === wanted || s.owner.toLowerCase().includes(wanted),
  );
  return (
    <section aria-labelledby="subnets-title">
      <h1 id="subnets-title">Subnets</h1>
      <div class="toolbar">
        <label>
          Filter{' '}
          <input
            type="search"
            value={filter}
            placeholder="netuid or owner"
            onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          />
        </label>
        <span class="count" data-testid="subnet-count">
          {subnets.data === undefined ? '' : `${rows.length} of ${subnets.data.length}`}
        </span>
      </div>
      <DataTable
        label="subnets"
        testId="subnets-table"
        columns={COLUMNS}
        rows={rows}
        rowKey={(s) => String(s.netuid)}
        rowHref={(s) => `#/subnet/${s.netuid}`}
        initialSort="netuid"
      />
    </section>
  );
}
