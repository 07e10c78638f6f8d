/**
 * Which of a step's intents trade TAO against USD, and for which flow class: an emission recipient's
 * sale ends on an exchange as TAO sold (dilution), an alpha holder's purchase starts there as TAO bought
 * with new money (demand), a buyback or mechanism payment buys TAO with revenue (value returned). Other
 * intents (stakers' rebalancing, speculators, root claims) move TAO already on the chain.
 */
import {
  BATCH_BUYBACK,
  BATCH_OBJECT,
  BATCH_STAKE,
  BATCH_UNSTAKE,
  type IntentBatch,
} from '../../../engine/kernel/intentBatch.ts';
import type { KernelIntent, StepReport } from '../../../engine/kernel/types.ts';
import { TAO_FLOW_CLASSES, type TaoFlowClass, type TaoFlows } from './taoMarket.ts';

/**
 * The step's tagged intents: indices into the intent batch and their class codes (positions in
 * {@link TAO_FLOW_CLASSES}), in step order; the first `length` entries count. Columns reused from step to step
 * (grown as needed): a list emptied every step would give up its storage and allocate it again.
 */
export interface FlowTags {
  length: number;
  intents: Int32Array;
  classes: Uint8Array;
}

/** An empty tag list. */
export function createFlowTags(): FlowTags {
  return { length: 0, intents: new Int32Array(64), classes: new Uint8Array(64) };
}

/** Forget the previous step's tags. */
export function clearFlowTags(tags: FlowTags): void {
  tags.length = 0;
}

/** Tag the intent just pushed. */
export function tagLastIntent(tags: FlowTags, intents: IntentBatch, cls: TaoFlowClass): void {
  const t = tags.length;
  if (t === tags.intents.length) growTags(tags);
  tags.intents[t] = intents.length - 1;
  // A search of the three names: a lookup keyed by a name that changes from call to call goes megamorphic,
  // and `indexOf` is a call into a builtin where this loop is inlined.
  let code = 0;
  while (code < TAO_FLOW_CLASSES.length && TAO_FLOW_CLASSES[code] !== cls) code++;
  tags.classes[t] = code;
  tags.length = t + 1;
}

function growTags(tags: FlowTags): void {
  const intents = new Int32Array(tags.intents.length * 2);
  intents.set(tags.intents);
  const classes = new Uint8Array(tags.classes.length * 2);
  classes.set(tags.classes);
  tags.intents = intents;
  tags.classes = classes;
}

/** The flow classes' sums by code, as {@link addStepFlows} adds them up. */
const classSums = new Float64Array(TAO_FLOW_CLASSES.length);

/** Mechanism payments made in TAO bought with revenue or users' money (spec/mechanisms.md). */
const PAID_FROM_OUTSIDE = new Set<KernelIntent['kind']>(['covenantPay', 'usagePayment', 'computeJob']);

/**
 * Add a step's TAO traded against USD to `flows` (sold positive): tagged sales at their proceeds, tagged
 * purchases and buybacks at what filled, mechanism payments at their amount.
 */
export function addStepFlows(args: {
  flows: TaoFlows;
  tags: FlowTags;
  intents: IntentBatch;
  report: StepReport;
  /** Whether mechanism payments can be among the intents (a scan of every intent otherwise skipped). */
  mechanismsOn: boolean;
}): void {
  const { flows, tags, intents, report } = args;
  const kind = intents.kind;
  // Per-class sums in a scratch column (by class code, as tagged); each class adds its amounts in step order.
  const sums = classSums;
  for (let c = 0; c < TAO_FLOW_CLASSES.length; c++) sums[c] = flows[TAO_FLOW_CLASSES[c]!];
  const tagged = tags.intents;
  const classes = tags.classes;
  for (let t = 0; t < tags.length; t++) {
    const k = tagged[t]!;
    const c = classes[t]!;
    const kk = kind[k];
    if (kk === BATCH_UNSTAKE) sums[c] = sums[c]! + (report.proceeds[k] ?? 0);
    else if (kk === BATCH_STAKE || kk === BATCH_BUYBACK) sums[c] = sums[c]! - (report.filled[k] ?? 0);
  }
  for (let c = 0; c < TAO_FLOW_CLASSES.length; c++) flows[TAO_FLOW_CLASSES[c]!] = sums[c]!;
  if (!args.mechanismsOn) return;
  for (let k = 0; k < intents.length; k++) {
    if (kind[k] !== BATCH_OBJECT) continue;
    const intent = intents.objects[k]!;
    if (PAID_FROM_OUTSIDE.has(intent.kind) && 'tao' in intent) flows.valueReturned -= intent.tao;
  }
}
