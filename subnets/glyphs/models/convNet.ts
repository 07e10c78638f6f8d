/**
 * A small convolutional network trained with TensorFlow.js: three 3 × 3 convolutions (the first two
 * followed by 2 × 2 max-pooling), a global max-pool and a dense head. Shared convolution weights and the
 * global pool make it read a glyph wherever it sits, which template matchers cannot.
 *
 * Deterministic: initial weights come from seeded generators, batches follow a seeded order, and the
 * WASM backend runs one thread in a fixed order.
 */
import type * as tfTypes from '@tensorflow/tfjs-core';
import { InputError } from '../../../src/engine/errors.ts';
import { GLYPH_CLASS_COUNT, type GlyphLabel } from '../task/glyphClasses.ts';
import { GLYPH_SIZE, type GlyphImage } from '../task/glyphImage.ts';
import { createGlyphRng } from '../task/glyphRng.ts';
import { conv3x3 } from './conv3x3.ts';
import type { GlyphClassifier, GlyphModel } from './glyphClassifier.ts';
import { pixelFeatures } from './pixelFeatures.ts';
import { tfjsWasm } from './tfjsWasm.ts';

/** Layer widths and training schedule. */
export interface ConvNetSchedule {
  /** Filters of the three convolutions. */
  readonly filters: readonly [number, number, number];
  /** Units of the dense hidden layer. */
  readonly hidden: number;
  /** Passes over the training set. */
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's step size. */
  readonly learningRate: number;
}

/** The schedule a miner uses: about 13 s on 3,000 images on one core here. */
export const CONV_NET_SCHEDULE: ConvNetSchedule = {
  filters: [8, 16, 32],
  hidden: 64,
  epochs: 6,
  batchSize: 64,
  learningRate: 0.003,
};

type Tf = Awaited<ReturnType<typeof tfjsWasm>>;
type Var<R extends tfTypes.Rank> = tfTypes.Variable<R>;

interface Weights {
  readonly convs: readonly { readonly kernel: Var<tfTypes.Rank.R4>; readonly bias: Var<tfTypes.Rank.R1> }[];
  readonly hidden: { readonly kernel: Var<tfTypes.Rank.R2>; readonly bias: Var<tfTypes.Rank.R1> };
  readonly out: { readonly kernel: Var<tfTypes.Rank.R2>; readonly bias: Var<tfTypes.Rank.R1> };
}

/** He-normal kernels (and zero biases), each from its own seed drawn off the training stream. */
function initialWeights(tf: Tf, s: ConvNetSchedule, seedOf: () => number): Weights {
  const he = <R extends tfTypes.Rank>(shape: number[], fanIn: number): Var<R> =>
    tf.variable(tf.randomNormal<tfTypes.Rank>(shape, 0, Math.sqrt(2 / fanIn), 'float32', seedOf())) as Var<R>;
  const zeros = (n: number) => tf.variable(tf.zeros([n])) as Var<tfTypes.Rank.R1>;
  const inputs = [1, s.filters[0], s.filters[1]];
  return {
    convs: s.filters.map((f, k) => ({
      kernel: he<tfTypes.Rank.R4>([3, 3, inputs[k]!, f], 9 * inputs[k]!),
      bias: zeros(f),
    })),
    hidden: { kernel: he([s.filters[2], s.hidden], s.filters[2]), bias: zeros(s.hidden) },
    out: { kernel: he([s.hidden, GLYPH_CLASS_COUNT], s.hidden), bias: zeros(GLYPH_CLASS_COUNT) },
  };
}

/** Class scores (logits) of a batch [n, 28, 28, 1]. */
function logits(tf: Tf, w: Weights, x: tfTypes.Tensor4D): tfTypes.Tensor2D {
  let h = x;
  w.convs.forEach(({ kernel, bias }, k) => {
    h = tf.relu(tf.add(conv3x3(h, kernel), bias));
    if (k < w.convs.length - 1) h = tf.maxPool(h, 2, 2, 'valid');
  });
  // Global max-pool: each feature's strongest response anywhere in the image.
  const features = tf.max(h, [1, 2]) as tfTypes.Tensor2D;
  const hidden = tf.relu(tf.add(tf.matMul(features, w.hidden.kernel), w.hidden.bias));
  return tf.add(tf.matMul(hidden, w.out.kernel), w.out.bias);
}

const batchTensor = (tf: Tf, images: readonly GlyphImage[]) =>
  tf.tensor4d(pixelFeatures(images), [images.length, GLYPH_SIZE, GLYPH_SIZE, 1]);

/**
 * A convolutional-network classifier with `schedule` (the miner's {@link CONV_NET_SCHEDULE} by default).
 * @example const model = await createConvNet().train(trainingSet, { seed: 'miner-1' });
 */
export function createConvNet(schedule: ConvNetSchedule = CONV_NET_SCHEDULE): GlyphClassifier {
  return {
    kind: 'convNet',
    async train(set, { seed }) {
      if (set.images.length === 0)
        throw new InputError('set.images', 'is empty; render a training set first');
      const tf = await tfjsWasm();
      const rng = createGlyphRng(seed, 'convNet');
      const weights = initialWeights(tf, schedule, () => rng.below(2 ** 31));
      const optimizer = tf.train.adam(schedule.learningRate);
      const n = set.images.length;
      const order = Array.from({ length: n }, (_, k) => k);
      for (let epoch = 0; epoch < schedule.epochs; epoch++) {
        for (let k = n - 1; k > 0; k--) {
          const j = rng.below(k + 1);
          [order[k], order[j]] = [order[j]!, order[k]!];
        }
        for (let start = 0; start < n; start += schedule.batchSize) {
          const batch = order.slice(start, start + schedule.batchSize);
          tf.tidy(() => {
            const x = batchTensor(
              tf,
              batch.map((k) => set.images[k]!),
            );
            const labels = tf.tensor1d(
              batch.map((k) => set.labels[k]!),
              'int32',
            );
            const y = tf.oneHot(labels, GLYPH_CLASS_COUNT);
            optimizer.minimize(
              () => tf.losses.softmaxCrossEntropy(y, logits(tf, weights, x)) as tfTypes.Scalar,
            );
          });
        }
      }
      optimizer.dispose();
      return convNetModel(tf, weights);
    },
  };
}

/** The miner's convolutional network, with {@link CONV_NET_SCHEDULE}. */
export const convNet: GlyphClassifier = createConvNet();

/** Images per forward pass when predicting (bounds memory for large challenges). */
const PREDICT_BATCH = 512;

function convNetModel(tf: Tf, weights: Weights): GlyphModel {
  return {
    kind: 'convNet',
    predict(images: readonly GlyphImage[]): GlyphLabel[] {
      const out: GlyphLabel[] = [];
      for (let start = 0; start < images.length; start += PREDICT_BATCH) {
        const batch = images.slice(start, start + PREDICT_BATCH);
        const labels = tf.tidy(() => tf.argMax(logits(tf, weights, batchTensor(tf, batch)), 1).dataSync());
        out.push(...Array.from(labels));
      }
      return out;
    },
  };
}
