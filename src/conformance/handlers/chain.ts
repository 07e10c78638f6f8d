/**
 * Conformance handlers that need the chain state machine: one `run_coinbase` on a state built from
 * the vector (coinbase.json `coinbase_block`), under the chain test mock's parameters.
 */

import type { ChainEvent } from '../../engine/chain/events.ts';
import { runCoinbase } from '../../engine/chain/runCoinbase.ts';
import { stakeProportionalEpoch } from '../../engine/epoch/stakeProportionalEpoch.ts';
import { fromF64, I96F32 } from '../../engine/fixed/index.ts';
import { createGenesis } from '../../engine/genesis/createGenesis.ts';
import { Draft } from '../../engine/state/draft.ts';
import { netuid } from '../../engine/types.ts';
import { big, bool, list, num, toBig } from '../read.ts';
import type { Handler } from '../registry.ts';
import type { JsonObject } from '../vector.ts';

export const chainHandlers: Record<string, Handler> = {
  coinbase_block: (v) => {
    const subnets = list(v.inputs, 'subnets').map((raw, i) => {
      const s = raw as JsonObject;
      const mechanism = num(s, 'mechanism');
      if (mechanism !== 0 && mechanism !== 1) throw new Error(`subnets[${i}].mechanism must be 0 or 1`);
      return {
        netuid: i + 1,
        ownerColdkey: `owner${i + 1}`,
        ownerHotkey: `owner-hotkey${i + 1}`,
        mechanism: mechanism as 0 | 1,
        taoReserve: big(s, 'tao_reserve'),
        alphaIn: big(s, 'alpha_in_reserve'),
        emissionEnabled: bool(s, 'emission_enabled'),
        movingPrice: num(s, 'moving_price'),
      };
    });
    const rootTao = big(v.inputs, 'root_tao');
    // The chain test mock: no owner cut, 32 epochs per block, the given TaoWeight and root stake.
    const state = createGenesis({
      sudo: 'sudo',
      taoWeight: toBig(v.inputs.tao_weight_raw ?? 0, 'tao_weight_raw'),
      params: { subnetOwnerCut: 0, maxEpochsPerBlock: 32, networkMinLock: 100_000_000_000n },
      rootStakes: rootTao > 0n ? [{ coldkey: 'root-staker', hotkey: 'root-hotkey', amount: rootTao }] : [],
      subnets,
    });
    const movingBits = subnets.map((s) => fromF64(I96F32, s.movingPrice));
    const withPrices = {
      ...state,
      subnets: new Map(
        [...state.subnets].map(([id, s]) => [id, id === 0 ? s : { ...s, movingPrice: movingBits[id - 1]! }]),
      ),
    };
    const draft = new Draft(withPrices);
    draft.block = withPrices.block + 1;
    const credit = big(v.inputs, 'block_tao_emission');
    draft.totalIssuance += credit;
    const events: ChainEvent[] = [];
    draft.totalIssuance -= runCoinbase({ draft, events }, credit, stakeProportionalEpoch);
    const after = draft.finish();
    const ids = subnets.map((_, i) => netuid(i + 1));
    return {
      actual: {
        subnet_tao_delta: ids.map(
          (id) => after.subnets.get(id)!.taoReserve - withPrices.subnets.get(id)!.taoReserve,
        ),
        subnet_alpha_in_delta: ids.map(
          (id) => after.subnets.get(id)!.alphaIn - withPrices.subnets.get(id)!.alphaIn,
        ),
        total_issuance_delta: after.totalIssuance - withPrices.totalIssuance,
        total_stake_delta: after.totalStake - withPrices.totalStake,
      },
    };
  },
};
