/** Settling a step's fills into the agents' wallets. */
import { BATCH_STAKE, BATCH_UNSTAKE, type IntentBatch } from '../../../engine/kernel/intentBatch.ts';
import { HOLDER_INDEX, type StepReport } from '../../../engine/kernel/types.ts';
import type { Wallets } from './agents.ts';

/** Move what the kernel filled into the agents' wallets (TAO from sales, alpha from buys, pump P&L). */
export function settleWallets(args: { wallets: Wallets; intents: IntentBatch; report: StepReport }): void {
  const { wallets, intents, report } = args;
  const pumpIntents = settledPumpIntents;
  // Clearing a Set allocates a new table: only when there is something to clear.
  if (pumpIntents.size > 0) pumpIntents.clear();
  for (const pump of wallets.pumps) {
    if (pump.buyIntent >= 0) {
      pumpIntents.add(pump.buyIntent);
      pump.alpha = report.received[pump.buyIntent] ?? 0;
      pump.taoIn = report.filled[pump.buyIntent] ?? 0;
      pump.buyIntent = -1;
    }
    if (pump.sellIntent >= 0) {
      pumpIntents.add(pump.sellIntent);
      wallets.pumpProfitTao += (report.proceeds[pump.sellIntent] ?? 0) - pump.taoIn;
      pump.alpha = 0;
    }
  }
  for (let k = wallets.pumps.length - 1; k >= 0; k--)
    if (wallets.pumps[k]!.sellIntent >= 0) wallets.pumps.splice(k, 1);
  // Intents of other kinds sit in the batch as objects: none of them moves a wallet.
  const { kind, holder, slot, amount } = intents;
  for (let k = 0; k < intents.length; k++) {
    if (pumpIntents.size > 0 && pumpIntents.has(k)) continue;
    const kk = kind[k];
    if (kk === BATCH_UNSTAKE) {
      const proceeds = report.proceeds[k] ?? 0;
      const h = holder[k];
      if (h === STAKER) wallets.stakers += proceeds;
      else if (h === ROOT) wallets.rootClaims += proceeds;
      else if (h === SPECULATOR) wallets.speculators += proceeds;
    } else if (kk === BATCH_STAKE) {
      const unspent = amount[k]! - (report.filled[k] ?? 0);
      const h = holder[k];
      if (h === STAKER) wallets.stakers += unspent;
      if (h === SPECULATOR) {
        const i = slot[k]!;
        wallets.specAlpha[i] = wallets.specAlpha[i]! + (report.received[k] ?? 0);
      }
    }
  }
}

const STAKER = HOLDER_INDEX.staker;
const ROOT = HOLDER_INDEX.root;
const SPECULATOR = HOLDER_INDEX.speculator;

/** Pump intents of the step being settled (reused: settling is not re-entrant). */
const settledPumpIntents = new Set<number>();
