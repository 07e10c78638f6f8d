/**
 * The fonts glyphs are drawn in: freely licensed TrueType files shipped by npm packages, so that
 * `npm install` is the whole set-up and nothing is fetched at run time. Styles differ on purpose (sans,
 * display serif, typewriter, two handwritings) so that a classifier must generalise across them.
 */
import { createRequire } from 'node:module';

/** One font: the family name inside its file, the file within its package, and the file's licence. */
export interface GlyphFont {
  readonly family: string;
  readonly file: string;
  readonly license: 'OFL-1.1' | 'Apache-2.0';
}

/** Every font a challenge may use, in a fixed order (a seed picks among them by index). */
export const GLYPH_FONTS = [
  { family: 'Lato', file: '@expo-google-fonts/lato/400Regular/Lato_400Regular.ttf', license: 'OFL-1.1' },
  {
    family: 'DM Serif Display',
    file: '@expo-google-fonts/dm-serif-display/400Regular/DMSerifDisplay_400Regular.ttf',
    license: 'OFL-1.1',
  },
  {
    family: 'Courier Prime',
    file: '@expo-google-fonts/courier-prime/400Regular/CourierPrime_400Regular.ttf',
    license: 'OFL-1.1',
  },
  {
    family: 'Indie Flower',
    file: '@expo-google-fonts/indie-flower/400Regular/IndieFlower_400Regular.ttf',
    license: 'OFL-1.1',
  },
  {
    family: 'Permanent Marker',
    file: '@expo-google-fonts/permanent-marker/400Regular/PermanentMarker_400Regular.ttf',
    license: 'Apache-2.0',
  },
] as const satisfies readonly GlyphFont[];

/** A font family a glyph can be drawn in. */
export type GlyphFontFamily = (typeof GLYPH_FONTS)[number]['family'];

/** Absolute paths of every font file, resolved through the installed packages. */
export function glyphFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return GLYPH_FONTS.map((f) => require.resolve(f.file));
}
