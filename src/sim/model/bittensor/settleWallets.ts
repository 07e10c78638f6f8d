/** Settling a step's fills into the agents' wallets. */
import type { KernelIntent, StepReport } from '../../../engine/kernel/types.ts';
import type { Wallets } from './agents.ts';

/** Move what the kernel filled into the agents' wallets (TAO from sales, alpha from buys, pump P&L). */
export function settleWallets(args: {
  wallets: Wallets;
  intents: readonly KernelIntent[];
  report: StepReport;
}): void {
  const { wallets, intents, report } = args;
  const pumpIntents = settledPumpIntents;
  pumpIntents.clear();
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
  for (let k = 0; k < intents.length; k++) {
    const intent = intents[k]!;
    if (pumpIntents.size > 0 && pumpIntents.has(k)) continue;
    if (intent.kind === 'unstake') {
      const proceeds = report.proceeds[k] ?? 0;
      if (intent.holder === 'staker') wallets.stakers += proceeds;
      else if (intent.holder === 'root') wallets.rootClaims += proceeds;
      else if (intent.holder === 'speculator') wallets.speculators += proceeds;
    } else if (intent.kind === 'stake') {
      const unspent = intent.tao - (report.filled[k] ?? 0);
      if (intent.holder === 'staker') wallets.stakers += unspent;
      if (intent.holder === 'speculator') {
        wallets.speculators += unspent;
        wallets.specAlpha[intent.slot] = wallets.specAlpha[intent.slot]! + (report.received[k] ?? 0);
      }
    }
  }
}

/** Pump intents of the step being settled (reused: settling is not re-entrant). */
const settledPumpIntents = new Set<number>();
