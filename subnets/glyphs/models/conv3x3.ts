/**
 * A 3 × 3 'same' convolution with its gradients written as forward convolutions: the WASM backend has
 * no kernel for the filter gradient, and its input-gradient kernel is several times slower than a
 * forward convolution.
 */
import * as tf from '@tensorflow/tfjs-core';

const PAD: [number, number][] = [
  [0, 0],
  [1, 1],
  [1, 1],
  [0, 0],
];

/**
 * `x` [batch, h, w, in] convolved with `w` [3, 3, in, out], stride 1, zero padding: [batch, h, w, out].
 * @example conv3x3(images, kernel)
 */
export const conv3x3 = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.conv2d(x, w, 1, 'same'),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
      const dy4 = dy as tf.Tensor4D;
      // dx: dy correlated with the kernel turned 180° with its channels swapped.
      const turned = tf.transpose(tf.reverse(ws, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
      const dx = tf.conv2d(dy4, turned, 1, 'same');
      // dw[a, b, i, o] = Σ x_pad[n, y + a, x + b, i] · dy[n, y, x, o]: a valid convolution whose
      // "channels" are the batch.
      const xt = tf.transpose(tf.pad(xs, PAD), [3, 1, 2, 0]) as tf.Tensor4D;
      const dyt = tf.transpose(dy4, [1, 2, 0, 3]) as tf.Tensor4D;
      const dw = tf.transpose(tf.conv2d(xt, dyt, 1, 'valid'), [1, 2, 0, 3]);
      return [dx, dw];
    },
  };
}) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
