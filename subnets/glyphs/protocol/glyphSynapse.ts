/**
 * The subnet's one synapse, `GlyphChallenge`: a batch of grayscale glyph images, each `GLYPH_SIZE` ×
 * `GLYPH_SIZE` bytes (0 white … 255 ink) row by row, the batch's bytes one after another in base64; the
 * answer is one label (0–9) per image, in order.
 */
import { z } from 'zod';
import { AxonError } from '../../../src/sdk/axon/axonError.ts';
import { defineSynapse } from '../../../src/sdk/axon/synapse.ts';
import { GLYPH_CLASS_COUNT, type GlyphLabel } from '../task/glyphClasses.ts';
import { GLYPH_PIXELS, GLYPH_SIZE, type GlyphImage } from '../task/glyphImage.ts';

/** The largest batch a validator sends (and a miner reads). */
export const MAX_CHALLENGE_IMAGES = 512;

export const GlyphChallenge = defineSynapse({
  name: 'GlyphChallenge',
  request: z.strictObject({
    size: z.literal(GLYPH_SIZE),
    count: z.int().min(1).max(MAX_CHALLENGE_IMAGES),
    /** base64 of `count` × size² bytes. */
    images: z.string().max(Math.ceil((MAX_CHALLENGE_IMAGES * GLYPH_PIXELS * 4) / 3) + 4),
  }),
  response: z.strictObject({
    labels: z
      .array(
        z
          .int()
          .min(0)
          .max(GLYPH_CLASS_COUNT - 1),
      )
      .max(MAX_CHALLENGE_IMAGES),
  }),
});

/** The request body of a batch. */
export function challengeBody(images: readonly GlyphImage[]) {
  const bytes = new Uint8Array(images.length * GLYPH_PIXELS);
  images.forEach((image, i) => {
    bytes.set(image, i * GLYPH_PIXELS);
  });
  return { size: GLYPH_SIZE, count: images.length, images: Buffer.from(bytes).toString('base64') } as const;
}

/**
 * The images of a request body; refuses (`INVALID_BODY`, 400) bytes that do not make `count` images.
 * @example imagesOf(challengeBody(images)).length === images.length
 */
export function imagesOf(body: { readonly count: number; readonly images: string }): GlyphImage[] {
  const bytes = Buffer.from(body.images, 'base64');
  if (bytes.length !== body.count * GLYPH_PIXELS)
    throw new AxonError(
      'INVALID_BODY',
      `${bytes.length} bytes of images for ${body.count} images of ${GLYPH_PIXELS} bytes`,
      'images',
    );
  return Array.from({ length: body.count }, (_, i) =>
    new Uint8Array(bytes.buffer, bytes.byteOffset + i * GLYPH_PIXELS, GLYPH_PIXELS).slice(),
  );
}

/** A miner's labels. */
export type GlyphAnswer = { readonly labels: readonly GlyphLabel[] };
