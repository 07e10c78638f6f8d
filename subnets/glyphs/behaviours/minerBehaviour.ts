/**
 * How a miner answers: honestly with a trained classifier, or one of the lazy or adversarial ways the
 * validator's scoring must catch. Answering slowly is the runtime's concern (it delays the reply); the
 * rest are pure functions here.
 */
import type { ClassifierKind } from '../models/glyphClassifier.ts';

/** A miner's behaviour, as a runtime configures it. */
export type MinerBehaviour =
  /** Answers with its trained model. */
  | { readonly kind: 'honest'; readonly classifier: ClassifierKind }
  /** Answers uniformly random labels without looking (accuracy near chance, 1 / classes). */
  | { readonly kind: 'random' }
  /** Returns another miner's answers as its own (caught by identical errors, see `answerOverlap`). */
  | { readonly kind: 'copy'; readonly source: string }
  /** Answers honestly but only after `delayMs` (caught by the validator's deadline). */
  | { readonly kind: 'slow'; readonly classifier: ClassifierKind; readonly delayMs: number };

/** The behaviours' names. */
export const MINER_BEHAVIOUR_KINDS = [
  'honest',
  'random',
  'copy',
  'slow',
] as const satisfies readonly MinerBehaviour['kind'][];
