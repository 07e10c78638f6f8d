/**
 * Nearest centroid: each class is the mean of its training images; an image gets the class whose mean
 * is nearest in Euclidean distance. One template per class cannot follow rotation, shift or font
 * style, which makes it the weakest miner.
 */
import { InputError } from '../../../src/engine/errors.ts';
import { GLYPH_CLASS_COUNT, type GlyphLabel } from '../task/glyphClasses.ts';
import { GLYPH_PIXELS, type GlyphImage } from '../task/glyphImage.ts';
import type { GlyphClassifier, GlyphModel } from './glyphClassifier.ts';
import { pixelFeatures } from './pixelFeatures.ts';

/** Trains a nearest-centroid model (the seed is unused: the model is a set of means). */
export const nearestCentroid: GlyphClassifier = {
  kind: 'nearestCentroid',
  async train(set) {
    const x = pixelFeatures(set.images);
    const centroids = new Float64Array(GLYPH_CLASS_COUNT * GLYPH_PIXELS);
    const counts = new Array<number>(GLYPH_CLASS_COUNT).fill(0);
    set.labels.forEach((label, i) => {
      counts[label]! += 1;
      for (let p = 0; p < GLYPH_PIXELS; p++) centroids[label * GLYPH_PIXELS + p]! += x[i * GLYPH_PIXELS + p]!;
    });
    counts.forEach((n, c) => {
      if (n === 0)
        throw new InputError('set.labels', `class ${c} has no training image; render a larger set`);
      for (let p = 0; p < GLYPH_PIXELS; p++) centroids[c * GLYPH_PIXELS + p]! /= n;
    });
    return centroidModel(centroids);
  },
};

function centroidModel(centroids: Float64Array): GlyphModel {
  return {
    kind: 'nearestCentroid',
    predict(images: readonly GlyphImage[]): GlyphLabel[] {
      const x = pixelFeatures(images);
      return images.map((_, i) => {
        let best = 0;
        let bestDistance = Number.POSITIVE_INFINITY;
        for (let c = 0; c < GLYPH_CLASS_COUNT; c++) {
          let d = 0;
          for (let p = 0; p < GLYPH_PIXELS; p++) {
            const diff = x[i * GLYPH_PIXELS + p]! - centroids[c * GLYPH_PIXELS + p]!;
            d += diff * diff;
          }
          if (d < bestDistance) {
            bestDistance = d;
            best = c;
          }
        }
        return best;
      });
    },
  };
}
