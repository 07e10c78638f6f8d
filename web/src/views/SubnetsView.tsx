/** Every subnet in a table sortable by any column and filtered by netuid or owner. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SubnetEconomicsJson } from '../../../src/sdk/views/subnetEconomicsView.ts';
import type { SubnetJson } from '../../../src/sdk/views/subnetsView.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { alpha, percent, price, shortAddress, tao } from '../format.ts';
import { useHeadData } from '../live.ts';

const rao = (a: { rao: string }) => Number(a.rao);

/** A subnet's registration and pool facts with its economics (none for root). */
type SubnetRow = SubnetJson & { readonly economics: SubnetEconomicsJson | undefined };

/** A value with a related one under it (e.g. the price and its EMA), in one cell of two lines. */
const pair = (first: string, second: string) => (
  <>
    {first}
    <span class="second">{second}</span>
  </>
);

/** Blank for root, which has no economics. */
const ofEconomics =
  (text: (e: SubnetEconomicsJson) => ComponentChildren) =>
  (s: SubnetRow): ComponentChildren =>
    s.economics === undefined ? '' : text(s.economics);
const economicValue = (value: (e: SubnetEconomicsJson) => number) => (s: SubnetRow) =>
  s.economics === undefined ? -Infinity : value(s.economics);

/**
 * The columns, most read first (as explorers order them); related figures share a cell so that the whole
 * table fits a 1280 px screen: price over its EMA, the pool's TAO over its alpha, the flow over its EMA. (A registration's burn is on the subnet's page.)
 */
const COLUMNS: readonly Column<SubnetRow>[] = [
  {
    key: 'netuid',
    label: 'netuid',
    widthCh: 6,
    numeric: true,
    sortBy: (s) => s.netuid,
    cell: (s) => <a href={`#/subnet/${s.netuid}`}>{s.netuid}</a>,
  },
  {
    key: 'price',
    label: 'price / EMA',
    widthCh: 13,
    numeric: true,
    sortBy: (s) => s.price,
    cell: (s) => pair(price(s.price), s.economics === undefined ? '' : price(s.economics.emaPrice)),
  },
  {
    key: 'share',
    label: 'emission',
    widthCh: 8,
    numeric: true,
    sortBy: economicValue((e) => e.emissionShare),
    cell: ofEconomics((e) => percent(e.emissionShare)),
  },
  {
    key: 'cap',
    label: 'market cap',
    widthCh: 18,
    numeric: true,
    sortBy: economicValue((e) => rao(e.marketCap)),
    cell: ofEconomics((e) => tao(e.marketCap)),
  },
  {
    key: 'taoIn',
    label: 'TAO in / alpha in',
    widthCh: 18,
    numeric: true,
    sortBy: (s) => rao(s.taoIn),
    cell: (s) => pair(tao(s.taoIn), alpha(s.alphaIn)),
  },
  {
    key: 'alphaOut',
    label: 'alpha out',
    widthCh: 18,
    numeric: true,
    sortBy: (s) => rao(s.alphaOut),
    cell: (s) => alpha(s.alphaOut),
  },
  {
    key: 'flow',
    label: 'TAO flow / EMA',
    widthCh: 15,
    numeric: true,
    sortBy: economicValue((e) => rao(e.taoFlow)),
    cell: ofEconomics((e) => pair(tao(e.taoFlow), e.emaTaoFlow === null ? '—' : tao(e.emaTaoFlow))),
  },
  {
    key: 'root',
    label: 'root prop.',
    widthCh: 9,
    numeric: true,
    sortBy: economicValue((e) => e.rootProportion),
    cell: ofEconomics((e) => percent(e.rootProportion)),
  },
  {
    key: 'burned',
    label: 'miners burned',
    widthCh: 9,
    numeric: true,
    sortBy: economicValue((e) => e.minersBurned),
    cell: ofEconomics((e) => percent(e.minersBurned)),
  },
  {
    key: 'neurons',
    label: 'UIDs',
    widthCh: 5,
    numeric: true,
    sortBy: (s) => s.neurons,
    cell: (s) => s.neurons,
  },
  {
    key: 'owner',
    label: 'owner',
    widthCh: 14,
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
        variant="paired"
      />
    </section>
  );
}
