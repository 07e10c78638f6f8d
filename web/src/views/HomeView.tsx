/** The network at a glance: height, issuance and the subnets' prices, refreshed at each block. */
import type { SubnetJson } from '../../../src/sdk/views/subnetsView.ts';
import type { SupplyJson } from '../../../src/sdk/views/supplyView.ts';
import { PENDING, Stat } from '../components/Stat.tsx';
import { price, tao } from '../format.ts';
import { useHeadData, useLive } from '../live.ts';

export function HomeView() {
  const { head } = useLive();
  const supply = useHeadData((node) => node.call<SupplyJson>('tm_supply'), 'supply');
  const subnets = useHeadData((node) => node.call<SubnetJson[]>('tm_subnets'), 'subnets');
  const alphaSubnets = subnets.data?.filter((s) => s.netuid !== 0);
  const priceSum = alphaSubnets?.reduce((sum, s) => sum + s.price, 0);
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Network</h1>
      <div class="stats">
        <Stat label="block" testId="block-height">
          {head === undefined ? PENDING : <a href={`#/block/${head.number}`}>{head.number}</a>}
        </Stat>
        <Stat label="issuance">{supply.data === undefined ? PENDING : tao(supply.data.issuance)}</Stat>
        <Stat label="TAO in pools">{supply.data === undefined ? PENDING : tao(supply.data.pools)}</Stat>
        <Stat label="free balances">{supply.data === undefined ? PENDING : tao(supply.data.balances)}</Stat>
        <Stat label="subnets">{alphaSubnets === undefined ? PENDING : alphaSubnets.length}</Stat>
        <Stat label="sum of alpha prices">{priceSum === undefined ? PENDING : price(priceSum)}</Stat>
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
