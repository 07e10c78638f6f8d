/**
 * The three miners' models on one fixed challenge: their quality must differ clearly, in the order of
 * their power, so that a validator's scores tell them apart. Small sets keep this within seconds; the
 * benchmark (`npm run bench -- glyphs`) measures the full-size figures.
 */
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../scoring/scoreAnswers.ts';
import { generateChallenge, generateTrainingSet } from '../task/generateChallenge.ts';
import { GLYPH_CLASS_COUNT } from '../task/glyphClasses.ts';
import { CONV_NET_SCHEDULE, convNet, createConvNet } from './convNet.ts';
import { kNearestNeighbours } from './kNearestNeighbours.ts';
import { nearestCentroid } from './nearestCentroid.ts';

describe('miner models', () => {
  it('order nearest centroid < k-NN < conv net, at least 10 points apart', async () => {
    const train = generateTrainingSet({ seed: 'miner', count: 1500, maxDifficulty: 0.8 });
    const challenge = generateChallenge({ seed: 'validator', count: 200, difficulty: 0.5 });
    const accuracy: Record<string, number> = {};
    for (const classifier of [nearestCentroid, kNearestNeighbours, convNet]) {
      const model = await classifier.train(train, { seed: 'miner' });
      const answers = model.predict(challenge.images);
      expect(answers).toHaveLength(challenge.images.length);
      accuracy[classifier.kind] = scoreAnswers({ answers, labels: challenge.labels }).accuracy;
    }
    const { nearestCentroid: centroid = 0, kNearestNeighbours: knn = 0, convNet: net = 0 } = accuracy;
    expect(centroid, JSON.stringify(accuracy)).toBeGreaterThan(1.5 / GLYPH_CLASS_COUNT);
    expect(knn - centroid, JSON.stringify(accuracy)).toBeGreaterThanOrEqual(0.1);
    expect(net - knn, JSON.stringify(accuracy)).toBeGreaterThanOrEqual(0.1);
  });

  it('train deterministically for a seed', async () => {
    const train = generateTrainingSet({ seed: 'tiny', count: 300, maxDifficulty: 0.5 });
    const probe = generateChallenge({ seed: 'probe', count: 100, difficulty: 0.5 });
    const quick = createConvNet({ ...CONV_NET_SCHEDULE, epochs: 1 });
    const answers = async (seed: string) => (await quick.train(train, { seed })).predict(probe.images);
    const first = await answers('a');
    expect(await answers('a')).toEqual(first);
    expect(await answers('b')).not.toEqual(first);
    const knn = await kNearestNeighbours.train(train, { seed: 'a' });
    const centroid = await nearestCentroid.train(train, { seed: 'a' });
    expect(knn.predict(probe.images)).toEqual(
      (await kNearestNeighbours.train(train, { seed: 'b' })).predict(probe.images),
    );
    expect(centroid.predict(probe.images)).toEqual(
      (await nearestCentroid.train(train, { seed: 'b' })).predict(probe.images),
    );
  });

  it('reject a training set that cannot train them', async () => {
    const few = generateTrainingSet({ seed: 'few', count: 3, maxDifficulty: 0 });
    await expect(nearestCentroid.train(few, { seed: 1 })).rejects.toThrow(/set.labels/);
    await expect(kNearestNeighbours.train(few, { seed: 1 })).rejects.toThrow(/set.images/);
    await expect(convNet.train({ images: [], labels: [] }, { seed: 1 })).rejects.toThrow(/set.images/);
  });
});
