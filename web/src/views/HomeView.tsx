/** The network at a glance: height, issuance, emission and the subnets' prices, refreshed at each block. */
import type { NetworkJson } from '../../../src/sdk/views/networkView.ts';
import type { SupplyJson } from '../../../src/sdk/views/supplyView.ts';
import { PENDING, Stat } from '../components/Stat.tsx';
import { percent, price, tao } from '../format.ts';
import { useHeadData, useLive } from '../live.ts';

export function HomeView() {
  const { head } = useLive();
  const network = useHeadData((node) => node.call<NetworkJson>('tm_network'), 'network');
  const supply = useHeadData((node) => node.call<SupplyJson>('tm_supply'), 'supply');
  const n = network.data;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Network</h1>
      <div class="stats">
        <Stat label="block" testId="block-height">
          {head === undefined ? PENDING : <a href={`#/block/${head.number}`}>{head.number}</a>}
        </Stat>
        <Stat label="issuance">{n === undefined ? PENDING : tao(n.issuance)}</Stat>
        <Stat label="emission per block">{n === undefined ? PENDING : tao(n.blockEmission)}</Stat>
        <Stat label="subnets">{n === undefined ? PENDING : n.subnets}</Stat>
        <Stat label="sum of alpha prices">{n === undefined ? PENDING : price(n.alphaPriceSum)}</Stat>
        <Stat label="sum of EMA prices">{n === undefined ? PENDING : price(n.emaPriceSum)}</Stat>
        <Stat label="chain-buy share">{n === undefined ? PENDING : percent(n.chainBuyShare)}</Stat>
        <Stat label="root proportion">{n === undefined ? PENDING : percent(n.rootProportion)}</Stat>
        <Stat label="TAO in pools">{supply.data === undefined ? PENDING : tao(supply.data.pools)}</Stat>
        <Stat label="free balances">{supply.data === undefined ? PENDING : tao(supply.data.balances)}</Stat>
        <Stat label="supply conserved">
          {supply.data === undefined ? PENDING : supply.data.conserved ? 'yes' : 'NO'}
        </Stat>
      </div>
      <p>
        <a href="#/subnets">All subnets →</a>
      </p>
    </section>
  );
}
