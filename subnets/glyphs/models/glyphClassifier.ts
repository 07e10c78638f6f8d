/**
 * One interface for every miner's model: train on labelled images, then predict labels. Training is
 * deterministic given the set and the seed, so a miner's quality is reproducible.
 */
import type { GlyphLabel } from '../task/glyphClasses.ts';
import type { GlyphImage, GlyphSet } from '../task/glyphImage.ts';
import type { GlyphSeed } from '../task/glyphRng.ts';

/** The classifiers a miner can run, from weakest to strongest. */
export const CLASSIFIER_KINDS = ['nearestCentroid', 'kNearestNeighbours', 'convNet'] as const;

/** A classifier's name. */
export type ClassifierKind = (typeof CLASSIFIER_KINDS)[number];

/** A trained model: answers one label per image, in order. */
export interface GlyphModel {
  readonly kind: ClassifierKind;
  predict(images: readonly GlyphImage[]): GlyphLabel[];
}

/** A way to train a model. */
export interface GlyphClassifier {
  readonly kind: ClassifierKind;
  /** Train on `set`; `seed` fixes any randomness (initial weights, batch order). */
  train(set: GlyphSet, options: { readonly seed: GlyphSeed }): Promise<GlyphModel>;
}
