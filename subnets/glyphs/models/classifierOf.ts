/** Each classifier by its name, as a miner is told which to run. */
import { convNet } from './convNet.ts';
import type { ClassifierKind, GlyphClassifier } from './glyphClassifier.ts';
import { kNearestNeighbours } from './kNearestNeighbours.ts';
import { nearestCentroid } from './nearestCentroid.ts';

const CLASSIFIERS: Readonly<Record<ClassifierKind, GlyphClassifier>> = {
  nearestCentroid,
  kNearestNeighbours,
  convNet,
};

/**
 * The classifier named `kind`.
 * @example await classifierOf('kNearestNeighbours').train(set, { seed: 'm1' })
 */
export function classifierOf(kind: ClassifierKind): GlyphClassifier {
  return CLASSIFIERS[kind];
}
