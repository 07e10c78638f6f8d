/**
 * `on_initialize` of a block (spec §2): registration price decay for every subnet, mint the block
 * emission, run the coinbase (with epochs), and recycle the unspent credit.
 */
import { blockEmissionForIssuance, mintableAmount } from '../emission/blockEmission.ts';
import type { EpochFunction } from '../epoch/types.ts';
import { decayBurn } from '../registration/burnPrice.ts';
import { type CallContext, phase } from './context.ts';
import { runCoinbase } from './runCoinbase.ts';

export function onInitialize(ctx: CallContext, epoch: EpochFunction): void {
  const { draft, events } = ctx;
  phase(ctx, 'registration-price', () => decayRegistrationPrices(ctx));
  const emission = blockEmissionForIssuance(draft.totalIssuance);
  const minted = mintableAmount(emission, draft.totalIssuance);
  draft.totalIssuance += minted;
  const leftover = runCoinbase(ctx, minted, epoch);
  draft.totalIssuance -= leftover; // unspent credit is recycled (spec §4.7 step 6)
  events.push({ type: 'BlockEmission', minted, recycled: leftover });
  const { addOn } = ctx;
  if (addOn !== undefined) phase(ctx, 'add-on', () => addOn.afterCoinbase(ctx));
}

/** Per-block burn decay for every subnet, and the per-block registration counter reset (spec §8.1). */
function decayRegistrationPrices({ draft }: CallContext): void {
  for (const id of draft.netuids()) {
    const s = draft.read(id);
    const burn = decayBurn({
      burn: s.burn,
      halfLife: s.burnHalfLife,
      minBurn: s.minBurn,
      maxBurn: s.maxBurn,
      block: draft.block,
    });
    if (burn !== s.burn || s.registrationsThisBlock !== 0) {
      const w = draft.write(id);
      w.burn = burn;
      w.registrationsThisBlock = 0;
    }
  }
}
