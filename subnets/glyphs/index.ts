/**
 * The glyphs subnet's work, without networking: validators render labelled digit challenges from a
 * secret seed and score miners' answers; miners render their own training images, train one of three
 * classifiers and answer.
 */
export { copyAnswers } from './behaviours/copyAnswers.ts';
export { MINER_BEHAVIOUR_KINDS, type MinerBehaviour } from './behaviours/minerBehaviour.ts';
export { randomAnswers } from './behaviours/randomAnswers.ts';
export { classifierOf } from './models/classifierOf.ts';
export { CONV_NET_SCHEDULE, type ConvNetSchedule, convNet, createConvNet } from './models/convNet.ts';
export {
  CLASSIFIER_KINDS,
  type ClassifierKind,
  type GlyphClassifier,
  type GlyphModel,
} from './models/glyphClassifier.ts';
export { KNN_K, kNearestNeighbours } from './models/kNearestNeighbours.ts';
export { nearestCentroid } from './models/nearestCentroid.ts';
export { type AnswerOverlap, answerOverlap } from './scoring/compareAnswers.ts';
export { DIFFICULTY_STEP, EASE_BELOW, nextDifficulty, RAISE_AT } from './scoring/nextDifficulty.ts';
export { type ChallengeScore, scoreAnswers } from './scoring/scoreAnswers.ts';
export { type ProportionInterval, wilsonInterval, Z_95 } from './scoring/wilsonInterval.ts';
export { checkDifficulty, type Difficulty, MAX_DIFFICULTY, MIN_DIFFICULTY } from './task/difficulty.ts';
export { generateChallenge, generateTrainingSet, MAX_GLYPH_SET } from './task/generateChallenge.ts';
export { GLYPH_CLASS_COUNT, GLYPH_CLASSES, type GlyphLabel } from './task/glyphClasses.ts';
export { GLYPH_FONTS, type GlyphFont, type GlyphFontFamily } from './task/glyphFonts.ts';
export { GLYPH_PIXELS, GLYPH_SIZE, type GlyphImage, type GlyphSet } from './task/glyphImage.ts';
export { createGlyphRng, type GlyphRng, type GlyphSeed } from './task/glyphRng.ts';
export { type GlyphTransform, TRANSFORM_RANGE } from './task/glyphTransform.ts';
export { type GlyphSpec, renderGlyph, renderGlyphs } from './task/renderGlyph.ts';
