/**
 * k nearest neighbours on raw pixels: an image gets the majority class of the k training images nearest
 * in Euclidean distance (ties go to the class whose neighbours are nearer in total). It remembers every
 * variation it was shown but cannot generalise beyond them, and answers in time proportional to its
 * training set.
 */
import { InputError } from '../../../src/engine/errors.ts';
import { GLYPH_CLASS_COUNT, type GlyphLabel } from '../task/glyphClasses.ts';
import { GLYPH_PIXELS, type GlyphImage } from '../task/glyphImage.ts';
import type { GlyphClassifier, GlyphModel } from './glyphClassifier.ts';
import { pixelFeatures } from './pixelFeatures.ts';

/** Neighbours that vote. */
export const KNN_K = 5;

/** Trains (memorises) a k-NN model; the seed is unused. */
export const kNearestNeighbours: GlyphClassifier = {
  kind: 'kNearestNeighbours',
  async train(set) {
    if (set.images.length < KNN_K) {
      throw new InputError(
        'set.images',
        `${set.images.length} images are fewer than k = ${KNN_K}; render more`,
      );
    }
    return knnModel(pixelFeatures(set.images), [...set.labels]);
  },
};

/** The k nearest rows of `train` to `query`, nearest first (earlier rows win ties). */
function nearest(
  query: Float32Array,
  train: Float32Array,
  norms: Float64Array,
): { index: Int32Array; distance: Float64Array } {
  const index = new Int32Array(KNN_K).fill(-1);
  const distance = new Float64Array(KNN_K).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < norms.length; j++) {
    const row = train.subarray(j * GLYPH_PIXELS, (j + 1) * GLYPH_PIXELS);
    let dot = 0;
    for (let p = 0; p < GLYPH_PIXELS; p++) dot += query[p]! * row[p]!;
    // |q − r|² less the |q|² that every row shares.
    const d = norms[j]! - 2 * dot;
    if (d >= distance[KNN_K - 1]!) continue;
    let k = KNN_K - 1;
    while (k > 0 && distance[k - 1]! > d) {
      distance[k] = distance[k - 1]!;
      index[k] = index[k - 1]!;
      k--;
    }
    distance[k] = d;
    index[k] = j;
  }
  return { index, distance };
}

function knnModel(train: Float32Array, labels: readonly GlyphLabel[]): GlyphModel {
  const norms = new Float64Array(labels.length);
  for (let j = 0; j < labels.length; j++) {
    let s = 0;
    for (let p = 0; p < GLYPH_PIXELS; p++) s += train[j * GLYPH_PIXELS + p]! ** 2;
    norms[j] = s;
  }
  return {
    kind: 'kNearestNeighbours',
    predict(images: readonly GlyphImage[]): GlyphLabel[] {
      const x = pixelFeatures(images);
      return images.map((_, i) => {
        const { index, distance } = nearest(
          x.subarray(i * GLYPH_PIXELS, (i + 1) * GLYPH_PIXELS),
          train,
          norms,
        );
        const votes = new Array<number>(GLYPH_CLASS_COUNT).fill(0);
        const total = new Array<number>(GLYPH_CLASS_COUNT).fill(0);
        for (let k = 0; k < KNN_K; k++) {
          const label = labels[index[k]!]!;
          votes[label]! += 1;
          total[label]! += distance[k]!;
        }
        let best = labels[index[0]!]!;
        for (let c = 0; c < GLYPH_CLASS_COUNT; c++) {
          if (votes[c]! > votes[best]! || (votes[c] === votes[best] && total[c]! < total[best]!)) best = c;
        }
        return best;
      });
    },
  };
}
