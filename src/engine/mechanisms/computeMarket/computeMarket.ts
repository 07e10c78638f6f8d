/**
 * Burn-and-mint compute market (mechanisms.md §5), Render / io.net style.
 *
 * Who pays: compute buyers, by `compute_buy`: a job priced in USD costs ⌈usd · raoPerUsd⌉ rao at the
 * oracle price the sudo account sets (`compute_set_price`); a fee share (`feeShare`, floored) goes to the
 * treasury coldkey and the rest is burned (removed from TotalIssuance).
 * Who receives: providers (registered hotkeys), paid in newly minted TAO to their owner coldkeys at each
 * market epoch (`epochBlocks`): the schedule's mint (`mint`, halving every `halvingEpochs`,
 * capped by the 21M supply) split pro rata to the work validators reported (`compute_report`), each
 * share floored; only what is paid is minted and added to TotalIssuance.
 * Default: none on chain; an epoch without reported work mints nothing.
 */

import { TOTAL_SUPPLY } from '../../emission/blockEmission.ts';
import { type Coldkey, coldkey, hotkey } from '../../types.ts';
import {
  burnTao,
  debitSigner,
  hasValidatorPermit,
  isRejection,
  paramsOf,
  updateMechanisms,
} from '../common.ts';
import { type ComputeMarketParams, PPM } from '../config.ts';
import type { MechanismExtrinsic } from '../extrinsics.ts';
import type { MechanismContext, MechanismHandler } from '../mechanismContext.ts';
import { rejection } from '../mechanismRejectionCodes.ts';
import { mechanismsOf } from '../mechanismsOf.ts';

type Call<N extends MechanismExtrinsic['call']> = MechanismExtrinsic & { call: N };

/** USD amounts are in micro-dollars. */
const MICROS = 1_000_000n;

/** Mint of market epoch `epoch` under the schedule (rao): halved every `halvingEpochs` (0 = flat). */
export function scheduledMint(p: ComputeMarketParams, epoch: number): bigint {
  if (p.halvingEpochs === 0) return p.mint;
  const halvings = Math.floor(epoch / p.halvingEpochs);
  return halvings >= 64 ? 0n : p.mint >> BigInt(halvings);
}

/** `compute_set_price`: the sudo account sets the oracle price in rao per USD. */
export const computeSetPrice: MechanismHandler<Call<'compute_set_price'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'computeMarket');
  if (isRejection(on)) return on;
  if (ext.signer !== draft.sudo) return rejection('BadOrigin', 'signer', 'only the sudo account may do this');
  if (ext.raoPerUsd <= 0n) return rejection('InvalidValue', 'raoPerUsd', 'must be a positive number of rao');
  updateMechanisms(draft, { compute: { ...on.m.compute, raoPerUsd: ext.raoPerUsd } });
  events.push({ type: 'ComputePriceSet', raoPerUsd: ext.raoPerUsd });
  return null;
};

/** `compute_buy`: burn TAO worth a USD job price; the fee share goes to the treasury. */
export const computeBuy: MechanismHandler<Call<'compute_buy'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'computeMarket');
  if (isRejection(on)) return on;
  const price = on.m.compute.raoPerUsd;
  if (price === 0n) return rejection('PriceNotSet', 'usdMicros', 'the oracle price has not been set');
  if (ext.usdMicros <= 0n) return rejection('AmountZero', 'usdMicros', 'must be a positive USD amount');
  const cost = (ext.usdMicros * price + MICROS - 1n) / MICROS; // ceil: the buyer pays the full price
  const short = debitSigner(draft, ext.signer, cost, 'usdMicros');
  if (short !== null) return short;
  const fee = (cost * on.params.feeShare) / PPM; // floor
  draft.credit(coldkey(on.params.treasury), fee);
  burnTao(draft, cost - fee);
  updateMechanisms(draft, { compute: { ...on.m.compute, burned: on.m.compute.burned + cost - fee } });
  events.push({
    type: 'ComputeBought',
    buyer: coldkey(ext.signer),
    usdMicros: ext.usdMicros,
    burned: cost - fee,
    fee,
  });
  return null;
};

/** `compute_report`: a validator hotkey reports verified work units of a provider hotkey. */
export const computeReport: MechanismHandler<Call<'compute_report'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'computeMarket');
  if (isRejection(on)) return on;
  if (!hasValidatorPermit(draft, ext.signer, null))
    return rejection('NotValidator', 'signer', 'only a hotkey with a validator permit reports work');
  const provider = hotkey(ext.provider);
  if (draft.ownerOf(provider) === undefined)
    return rejection('HotKeyAccountNotExists', 'provider', `hotkey ${ext.provider} is not registered`);
  if (ext.units <= 0n) return rejection('AmountZero', 'units', 'must be a positive number of work units');
  const work = new Map(on.m.compute.work).set(provider, (on.m.compute.work.get(provider) ?? 0n) + ext.units);
  updateMechanisms(draft, { compute: { ...on.m.compute, work } });
  events.push({ type: 'ComputeReported', validator: ext.signer, provider, units: ext.units });
  return null;
};

/** At each market epoch boundary, mint the schedule's amount to providers pro rata to work. */
export function computeEpoch({ draft, events }: MechanismContext): void {
  const m = mechanismsOf(draft);
  const p = m?.params.computeMarket;
  if (m === undefined || p === null || p === undefined || draft.block % p.epochBlocks !== 0) return;
  const c = m.compute;
  const total = [...c.work.values()].reduce((a, b) => a + b, 0n);
  const room = TOTAL_SUPPLY - draft.totalIssuance;
  const scheduled = scheduledMint(p, c.epoch);
  const mint = scheduled < room ? scheduled : room > 0n ? room : 0n;
  let minted = 0n;
  let providers = 0;
  if (total > 0n && mint > 0n) {
    for (const hk of [...c.work.keys()].sort()) {
      const part = (mint * c.work.get(hk)!) / total; // floor; the dust is never minted
      const owner = draft.ownerOf(hk) as Coldkey | undefined;
      if (part === 0n || owner === undefined) continue;
      draft.credit(owner, part);
      minted += part;
      providers += 1;
    }
    draft.totalIssuance += minted;
  }
  updateMechanisms(draft, {
    compute: { ...c, epoch: c.epoch + 1, work: new Map(), minted: c.minted + minted },
  });
  events.push({ type: 'ComputeMinted', epoch: c.epoch, minted, providers });
}
