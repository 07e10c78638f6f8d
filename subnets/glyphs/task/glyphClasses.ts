/** The classes a challenge asks for: the ten digits. A label is the digit's index in {@link GLYPH_CLASSES}. */
export const GLYPH_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** How many classes a classifier chooses among. */
export const GLYPH_CLASS_COUNT = GLYPH_CLASSES.length;

/** A class label: an integer in [0, {@link GLYPH_CLASS_COUNT}). */
export type GlyphLabel = number;
