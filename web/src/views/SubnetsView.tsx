/** Every subnet in a table sortable by any column and filtered by netuid or owner. */
import { useState } from 'preact/hooks';
import type { SubnetEconomicsJson } from '../../../src/sdk/views/subnetEconomicsView.ts';
import type { SubnetJson } from '../../../src/sdk/views/subnetsView.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { alpha, percent, price, shortAddress, tao } from '../format.ts';
import { useHeadData } from '../live.ts';

const rao = (a: { rao: string }) => Number(a.rao);

/** A subnet's registration and pool facts with its economics (none for root). */
type SubnetRow = SubnetJson & { readonly economics: SubnetEconomicsJson | undefined };

/** A column of the economics, blank for root. */
function economic(
  key: string,
  label: string,
  widthCh: number,
  value: (e: SubnetEconomicsJson) => number,
  text: (e: SubnetEconomicsJson) => string,
): Column<SubnetRow> {
  return {
    key,
    label,
    widthCh,
    numeric: true,
    sortBy: (s) => (s.economics === undefined ? -Infinity : value(s.economics)),
    cell: (s) => (s.economics === undefined ? '' : text(s.economics)),
  };
}

const COLUMNS: readonly Column<SubnetRow>[] = [
  {
    key: 'netuid',
    label: 'netuid',
    widthCh: 8,
    numeric: true,
    sortBy: (s) => s.netuid,
    cell: (s) => <a href={`#/subnet/${s.netuid}`}>{s.netuid}</a>,
  },
  economic(
    'share',
    'emission',
    10,
    (e) => e.emissionShare,
    (e) => percent(e.emissionShare),
  ),
  {
    key: 'price',
    label: 'price',
    widthCh: 14,
    numeric: true,
    sortBy: (s) => s.price,
    cell: (s) => price(s.price),
  },
  economic(
    'ema',
    'EMA price',
    14,
    (e) => e.emaPrice,
    (e) => price(e.emaPrice),
  ),
  {
    key: 'taoIn',
    label: 'TAO in',
    widthCh: 19,
    numeric: true,
    sortBy: (s) => rao(s.taoIn),
    cell: (s) => tao(s.taoIn),
  },
  {
    key: 'alphaIn',
    label: 'alpha in',
    widthCh: 19,
    numeric: true,
    sortBy: (s) => rao(s.alphaIn),
    cell: (s) => alpha(s.alphaIn),
  },
  {
    key: 'alphaOut',
    label: 'alpha out',
    widthCh: 19,
    numeric: true,
    sortBy: (s) => rao(s.alphaOut),
    cell: (s) => alpha(s.alphaOut),
  },
  economic(
    'flow',
    'TAO flow',
    16,
    (e) => rao(e.taoFlow),
    (e) => tao(e.taoFlow),
  ),
  economic(
    'emaFlow',
    'EMA flow',
    16,
    (e) => (e.emaTaoFlow === null ? 0 : rao(e.emaTaoFlow)),
    (e) => (e.emaTaoFlow === null ? '—' : tao(e.emaTaoFlow)),
  ),
  economic(
    'cap',
    'market cap',
    20,
    (e) => rao(e.marketCap),
    (e) => tao(e.marketCap),
  ),
  economic(
    'root',
    'root prop.',
    10,
    (e) => e.rootProportion,
    (e) => percent(e.rootProportion),
  ),
  economic(
    'burned',
    'miners burned',
    12,
    (e) => e.minersBurned,
    (e) => percent(e.minersBurned),
  ),
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
  const subnets = useHeadData(async (node) => {
    const [list, economics] = await Promise.all([
      node.call<SubnetJson[]>('tm_subnets'),
      node.call<SubnetEconomicsJson[]>('tm_subnetEconomics'),
    ]);
    const byNetuid = new Map(economics.map((e) => [e.netuid, e]));
    return list.map((s): SubnetRow => ({ ...s, economics: byNetuid.get(s.netuid) }));
  }, 'subnet-rows');
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
