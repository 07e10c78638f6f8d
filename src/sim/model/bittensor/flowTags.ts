/**
 * Which of a step's intents trade TAO against USD, and for which flow class: an emission recipient's
 * sale ends on an exchange as TAO sold (dilution), an alpha holder's purchase starts there as TAO bought
 * with new money (demand), a buyback or mechanism payment buys TAO with revenue (value returned). Other
 * intents (stakers' rebalancing, speculators, root claims) move TAO already on the chain.
 */
import type { KernelIntent, StepReport } from '../../../engine/kernel/types.ts';
import type { TaoFlowClass, TaoFlows } from './taoMarket.ts';

/** The step's tagged intents: indices into the intent list and their classes, in step order. */
export interface FlowTags {
  readonly intents: number[];
  readonly classes: TaoFlowClass[];
}

/** An empty tag list. */
export function createFlowTags(): FlowTags {
  return { intents: [], classes: [] };
}

/** Forget the previous step's tags. */
export function clearFlowTags(tags: FlowTags): void {
  tags.intents.length = 0;
  tags.classes.length = 0;
}

/** Tag the intent just pushed. */
export function tagLastIntent(tags: FlowTags, intents: readonly KernelIntent[], cls: TaoFlowClass): void {
  tags.intents.push(intents.length - 1);
  tags.classes.push(cls);
}

/** Mechanism payments made in TAO bought with revenue or users' money (spec/mechanisms.md). */
const PAID_FROM_OUTSIDE = new Set<KernelIntent['kind']>(['covenantPay', 'usagePayment', 'computeJob']);

/**
 * Add a step's TAO traded against USD to `flows` (sold positive): tagged sales at their proceeds, tagged
 * purchases and buybacks at what filled, mechanism payments at their amount.
 */
export function addStepFlows(args: {
  flows: TaoFlows;
  tags: FlowTags;
  intents: readonly KernelIntent[];
  report: StepReport;
  /** Whether mechanism payments can be among the intents (a scan of every intent otherwise skipped). */
  mechanismsOn: boolean;
}): void {
  const { flows, tags, intents, report } = args;
  for (let t = 0; t < tags.intents.length; t++) {
    const k = tags.intents[t]!;
    const intent = intents[k]!;
    const cls = tags.classes[t]!;
    if (intent.kind === 'unstake') flows[cls] += report.proceeds[k] ?? 0;
    else if (intent.kind === 'stake' || intent.kind === 'buyback') flows[cls] -= report.filled[k] ?? 0;
  }
  if (!args.mechanismsOn) return;
  for (const intent of intents) {
    if (PAID_FROM_OUTSIDE.has(intent.kind) && 'tao' in intent) flows.valueReturned -= intent.tao;
  }
}
