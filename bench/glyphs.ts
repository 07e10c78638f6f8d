/**
 * The glyphs subnet's figures: rendering throughput, each miner model's training and answering time, and
 * accuracy (with 95% Wilson intervals) across difficulties on one fixed validator seed, each model trained
 * the way a miner does (3,000 self-rendered images, difficulties spread over [0, 0.8]).
 */
import { performance } from 'node:perf_hooks';
import { convNet } from '../subnets/glyphs/models/convNet.ts';
import type { GlyphModel } from '../subnets/glyphs/models/glyphClassifier.ts';
import { kNearestNeighbours } from '../subnets/glyphs/models/kNearestNeighbours.ts';
import { nearestCentroid } from '../subnets/glyphs/models/nearestCentroid.ts';
import { scoreAnswers } from '../subnets/glyphs/scoring/scoreAnswers.ts';
import { generateChallenge, generateTrainingSet } from '../subnets/glyphs/task/generateChallenge.ts';
import { fmt, median, printTable } from './lib.ts';

/** Training images and their spread of difficulties, as a miner renders them. */
const TRAINING = { count: 3000, maxDifficulty: 0.8 } as const;
/** Images per challenge and the difficulties measured. */
const CHALLENGE_SIZE = 500;
const DIFFICULTIES = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1] as const;

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** Run the glyphs benchmark and print its tables. */
export async function runGlyphsBench(): Promise<void> {
  const rates: number[] = [];
  for (const [k, difficulty] of [0, 0.5, 1].entries()) {
    const t0 = performance.now();
    generateChallenge({ seed: `speed-${k}`, count: 2000, difficulty });
    rates.push(2000 / seconds(t0));
  }
  printTable(
    'glyph rendering (2,000 images at difficulties 0, 0.5, 1)',
    ['median images/s', 'min', 'max'],
    [[fmt(median(rates), 0), fmt(Math.min(...rates), 0), fmt(Math.max(...rates), 0)]],
  );

  let t0 = performance.now();
  const train = generateTrainingSet({ seed: 'bench-miner', ...TRAINING });
  const renderTrain = seconds(t0);
  const models: GlyphModel[] = [];
  const timing: string[][] = [];
  for (const classifier of [nearestCentroid, kNearestNeighbours, convNet]) {
    t0 = performance.now();
    models.push(await classifier.train(train, { seed: 'bench-miner' }));
    timing.push([classifier.kind, fmt(seconds(t0), 2)]);
  }
  const accuracy: string[][] = [];
  for (const difficulty of DIFFICULTIES) {
    const challenge = generateChallenge({ seed: 'bench-validator', count: CHALLENGE_SIZE, difficulty });
    const row = [fmt(difficulty, 1)];
    models.forEach((model, m) => {
      t0 = performance.now();
      const answers = model.predict(challenge.images);
      const answerSeconds = seconds(t0);
      if (difficulty === 0.5) timing[m]!.push(fmt((1000 * answerSeconds) / CHALLENGE_SIZE, 2));
      const s = scoreAnswers({ answers, labels: challenge.labels });
      row.push(`${fmt(100 * s.accuracy)} [${fmt(100 * s.interval.low)}, ${fmt(100 * s.interval.high)}]`);
    });
    accuracy.push(row);
  }
  printTable(
    `glyph models: training on ${TRAINING.count} images (rendered in ${fmt(renderTrain, 1)} s)`,
    ['model', 'train s', 'answer ms/image'],
    timing,
  );
  printTable(
    `glyph accuracy % [95% Wilson] on ${CHALLENGE_SIZE}-image challenges`,
    ['difficulty', 'nearestCentroid', 'kNearestNeighbours', 'convNet'],
    accuracy,
  );
}
