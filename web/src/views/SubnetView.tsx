/**
 * One subnet: its pool and price (charted over the blocks seen since the page opened), hyperparameters,
 * the weights its validators set, its metagraph, and its validators' rounds (from their round records).
 */
import { useEffect, useState } from 'preact/hooks';
import type { AmountJson } from '../../../src/sdk/amount/amount.ts';
import type { HyperparameterJson } from '../../../src/sdk/views/hyperparametersView.ts';
import type { AxonJson, MetagraphJson } from '../../../src/sdk/views/metagraphView.ts';
import type { SubnetEconomicsJson } from '../../../src/sdk/views/subnetEconomicsView.ts';
import type { SubnetJson } from '../../../src/sdk/views/subnetsView.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { PriceChart } from '../components/PriceChart.tsx';
import { PENDING, Stat } from '../components/Stat.tsx';
import { ValidatorRounds } from '../components/ValidatorRounds.tsx';
import { WeightsHeatmap } from '../components/WeightsHeatmap.tsx';
import { alpha, percent, price, proportion, shortAddress, tao } from '../format.ts';
import { useHeadData, useLive } from '../live.ts';

/** One UID of the metagraph. */
interface NeuronRow {
  readonly uid: number;
  readonly hotkey: string;
  readonly coldkey: string | null;
  readonly stake: AmountJson;
  readonly validatorTrust: number;
  readonly consensus: number;
  readonly incentive: number;
  readonly dividends: number;
  readonly emission: AmountJson;
  readonly lastUpdate: number;
  readonly permit: boolean;
  readonly axon: AxonJson | null;
}

function neuronRows(m: MetagraphJson): NeuronRow[] {
  return m.uids.map((uid) => ({
    uid,
    hotkey: m.hotkeys[uid] ?? '',
    coldkey: m.coldkeys[uid] ?? null,
    stake: m.stake[uid] ?? { rao: '0', tao: '0' },
    validatorTrust: m.validator_trust[uid] ?? 0,
    consensus: m.consensus[uid] ?? 0,
    incentive: m.incentive[uid] ?? 0,
    dividends: m.dividends[uid] ?? 0,
    emission: m.emission[uid] ?? { rao: '0', tao: '0' },
    lastUpdate: m.last_update[uid] ?? 0,
    permit: m.validator_permit[uid] ?? false,
    axon: m.axons[uid] ?? null,
  }));
}

const share = (
  key: keyof NeuronRow & ('validatorTrust' | 'consensus' | 'incentive' | 'dividends'),
  label: string,
) =>
  ({
    key,
    label,
    widthCh: 9,
    numeric: true,
    sortBy: (r: NeuronRow) => r[key],
    cell: (r: NeuronRow) => proportion(r[key]),
  }) satisfies Column<NeuronRow>;

const NEURON_COLUMNS: readonly Column<NeuronRow>[] = [
  { key: 'uid', label: 'UID', widthCh: 6, numeric: true, sortBy: (r) => r.uid, cell: (r) => r.uid },
  {
    key: 'hotkey',
    label: 'hotkey',
    widthCh: 15,
    sortBy: (r) => r.hotkey,
    cell: (r) => <span title={r.hotkey}>{shortAddress(r.hotkey)}</span>,
  },
  {
    key: 'coldkey',
    label: 'coldkey',
    widthCh: 15,
    sortBy: (r) => r.coldkey ?? '',
    cell: (r) =>
      r.coldkey === null ? (
        '—'
      ) : (
        <a href={`#/account/${r.coldkey}`} title={r.coldkey}>
          {shortAddress(r.coldkey)}
        </a>
      ),
  },
  {
    key: 'stake',
    label: 'stake',
    widthCh: 17,
    numeric: true,
    sortBy: (r) => Number(r.stake.rao),
    cell: (r) => alpha(r.stake),
  },
  share('validatorTrust', 'trust'),
  share('consensus', 'consensus'),
  share('incentive', 'incentive'),
  share('dividends', 'dividends'),
  {
    key: 'emission',
    label: 'emission',
    widthCh: 14,
    numeric: true,
    sortBy: (r) => Number(r.emission.rao),
    cell: (r) => alpha(r.emission),
  },
  {
    key: 'permit',
    label: 'vpermit',
    widthCh: 8,
    sortBy: (r) => (r.permit ? 1 : 0),
    cell: (r) => (r.permit ? 'yes' : ''),
  },
  {
    key: 'lastUpdate',
    label: 'updated',
    widthCh: 9,
    numeric: true,
    sortBy: (r) => r.lastUpdate,
    cell: (r) => r.lastUpdate,
  },
  {
    key: 'axon',
    label: 'axon',
    widthCh: 18,
    sortBy: (r) => (r.axon === null ? '' : `${r.axon.ip}:${r.axon.port}`),
    cell: (r) => (r.axon === null ? '—' : `${r.axon.ip}:${r.axon.port}`),
  },
];

/** Prices seen per block since the page opened, for one subnet. */
interface PriceHistory {
  readonly netuid: number;
  readonly blocks: number[];
  readonly prices: number[];
}

/** At most this many points are kept: a page left open for hours stays light. */
const MAX_POINTS = 2000;

export function SubnetView(props: { readonly netuid: number }) {
  const { netuid } = props;
  const { head } = useLive();
  const subnets = useHeadData((node) => node.call<SubnetJson[]>('tm_subnets'), 'subnets');
  const metagraph = useHeadData((node) => node.call<MetagraphJson>('tm_metagraph', [netuid]), `mg${netuid}`);
  const hyper = useHeadData(
    (node) => node.call<Record<string, HyperparameterJson>>('tm_hyperparameters', [netuid]),
    `hp${netuid}`,
  );
  const economics = useHeadData(
    (node) => node.call<SubnetEconomicsJson[]>('tm_subnetEconomics'),
    'economics',
  );
  const subnet = subnets.data?.find((s) => s.netuid === netuid);
  const e = economics.data?.find((x) => x.netuid === netuid);
  const [history, setHistory] = useState<PriceHistory>({ netuid, blocks: [], prices: [] });
  useEffect(() => {
    if (subnet === undefined || head === undefined) return;
    setHistory((h) => {
      const base = h.netuid === netuid ? h : { netuid, blocks: [], prices: [] };
      if (base.blocks[base.blocks.length - 1] === head.number) return base;
      return {
        netuid,
        blocks: [...base.blocks, head.number].slice(-MAX_POINTS),
        prices: [...base.prices, subnet.price].slice(-MAX_POINTS),
      };
    });
  }, [subnet, head?.number, netuid]);
  const missing = subnets.data !== undefined && subnet === undefined;
  return (
    <section aria-labelledby="subnet-title">
      <h1 id="subnet-title">Subnet {netuid}</h1>
      {missing ? (
        <p role="alert">There is no subnet {netuid} at this block.</p>
      ) : (
        <>
          <div class="stats">
            <Stat label="price" testId="subnet-price">
              {subnet === undefined ? PENDING : price(subnet.price)}
            </Stat>
            <Stat label="EMA price">{e === undefined ? PENDING : price(e.emaPrice)}</Stat>
            <Stat label="emission share">{e === undefined ? PENDING : percent(e.emissionShare)}</Stat>
            <Stat label="TAO injected / block">{e === undefined ? PENDING : tao(e.injected)}</Stat>
            <Stat label="chain buy / block">{e === undefined ? PENDING : tao(e.chainBuy)}</Stat>
            <Stat label="alpha minted / block">{e === undefined ? PENDING : alpha(e.alphaEmission)}</Stat>
            <Stat label="market cap">{e === undefined ? PENDING : tao(e.marketCap)}</Stat>
            <Stat label="root proportion">{e === undefined ? PENDING : percent(e.rootProportion)}</Stat>
            <Stat label="miners burned">{e === undefined ? PENDING : percent(e.minersBurned)}</Stat>
            <Stat label="TAO in">{subnet === undefined ? PENDING : tao(subnet.taoIn)}</Stat>
            <Stat label="alpha in">{subnet === undefined ? PENDING : alpha(subnet.alphaIn)}</Stat>
            <Stat label="alpha out">{subnet === undefined ? PENDING : alpha(subnet.alphaOut)}</Stat>
            <Stat label="UIDs" testId="subnet-uids">
              {subnet === undefined ? PENDING : subnet.neurons}
            </Stat>
            <Stat label="burn">{subnet === undefined ? PENDING : tao(subnet.burn)}</Stat>
            <Stat label="tempo">{subnet === undefined ? PENDING : subnet.tempo}</Stat>
            <Stat label="owner">
              {subnet === undefined ? (
                PENDING
              ) : (
                <a href={`#/account/${subnet.owner}`} title={subnet.owner}>
                  {shortAddress(subnet.owner)}
                </a>
              )}
            </Stat>
          </div>
          <div class="panels">
            <div class="panel">
              <h2>Price</h2>
              <PriceChart blocks={history.netuid === netuid ? history.blocks : []} prices={history.prices} />
            </div>
            <div class="panel">
              <h2>Weights</h2>
              <WeightsHeatmap weights={metagraph.data?.weights ?? []} n={metagraph.data?.n ?? 0} />
            </div>
            <div class="panel panel-full">
              <h2>Hyperparameters</h2>
              <dl class="hyper">
                {Object.entries(hyper.data ?? {}).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd title={typeof value === 'object' ? value.rao : String(value)}>
                      {typeof value === 'object' ? tao(value) : String(value)}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
            <div class="panel panel-full panel-rounds">
              <h2>Validator rounds</h2>
              <ValidatorRounds netuid={netuid} />
            </div>
          </div>
          <h2>Metagraph</h2>
          <DataTable
            label={`metagraph of subnet ${netuid}`}
            testId="metagraph-table"
            columns={NEURON_COLUMNS}
            rows={metagraph.data === undefined ? [] : neuronRows(metagraph.data)}
            rowKey={(r) => `${r.uid}`}
            initialSort="uid"
          />
        </>
      )}
    </section>
  );
}
