import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv3x3 } from './conv3x3.ts';
import { tfjsWasm } from './tfjsWasm.ts';

/** Σ over the batch and positions of x_pad[n, y + a, x + b, i] · dy[n, y, x, o], by brute force. */
function filterGradient(x: number[][][][], dy: number[][][][], inC: number, outC: number): number[][][][] {
  const h = x[0]!.length;
  const w = x[0]![0]!.length;
  const at = (n: number, y: number, xx: number, i: number) =>
    y < 0 || y >= h || xx < 0 || xx >= w ? 0 : x[n]![y]![xx]![i]!;
  return [0, 1, 2].map((a) =>
    [0, 1, 2].map((b) =>
      Array.from({ length: inC }, (_, i) =>
        Array.from({ length: outC }, (_, o) => {
          let s = 0;
          for (let n = 0; n < x.length; n++)
            for (let y = 0; y < h; y++)
              for (let xx = 0; xx < w; xx++) s += at(n, y + a - 1, xx + b - 1, i) * dy[n]![y]![xx]![o]!;
          return s;
        }),
      ),
    ),
  );
}

describe('conv3x3', () => {
  beforeAll(async () => {
    await tfjsWasm();
  });
  it('computes the same values as tf.conv2d', () => {
    const x = tf.randomUniform([2, 5, 6, 3], -1, 1, 'float32', 1) as tf.Tensor4D;
    const k = tf.randomUniform([3, 3, 3, 4], -1, 1, 'float32', 2) as tf.Tensor4D;
    const diff = tf.max(tf.abs(tf.sub(conv3x3(x, k), tf.conv2d(x, k, 1, 'same')))).dataSync()[0]!;
    expect(diff).toBe(0);
  });
  it('has the gradients of a convolution', () => {
    const x = tf.randomUniform([2, 5, 6, 3], -1, 1, 'float32', 3) as tf.Tensor4D;
    const k = tf.randomUniform([3, 3, 3, 4], -1, 1, 'float32', 4) as tf.Tensor4D;
    const dy = tf.randomUniform([2, 5, 6, 4], -1, 1, 'float32', 5) as tf.Tensor4D;
    const loss = (xx: tf.Tensor, kk: tf.Tensor) =>
      tf.sum(tf.mul(conv3x3(xx as tf.Tensor4D, kk as tf.Tensor4D), dy));
    const [gx, gk] = tf.grads(loss)([x, k]);
    // Input gradient: the backend's own (slower) kernel for it is the reference.
    const nativeGx = tf.grad((xx: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, k, 1, 'same'), dy)),
    )(x);
    expect(tf.max(tf.abs(tf.sub(gx!, nativeGx))).dataSync()[0]!).toBeLessThan(1e-4);
    // Filter gradient: the backend has none, so compare with the definition.
    const expected = filterGradient(x.arraySync() as number[][][][], dy.arraySync() as number[][][][], 3, 4);
    const got = gk!.arraySync() as number[][][][];
    expect(got.flat(3).map((v, i) => Math.abs(v - expected.flat(3)[i]!))).toSatisfy((d: number[]) =>
      d.every((e) => e < 1e-4),
    );
  });
});
