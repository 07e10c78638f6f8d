/**
 * The calibration file: parameter values fitted to recorded alpha prices, with their uncertainty, the
 * windows fitted and held out, the data files (by hash) and the scenario they were fitted for, so a run
 * that uses them can say where its numbers come from.
 */
import { z } from 'zod';

/** The format's name, written as `format` so that other JSON files are told apart at once. */
export const CALIBRATION_FORMAT = 'tensormarket/calibration';

/** The format's version; a reader refuses other versions. */
export const CALIBRATION_VERSION = 1;

/** A calendar day, YYYY-MM-DD. */
const day = z.iso.date();

/** Metric → figure name → value (null where a figure cannot be computed, e.g. too few days). */
const figuresSchema = z.record(z.string(), z.record(z.string(), z.number().nullable()));

/** One input file, identified by its name and content hash (the path is not recorded). */
export const calibrationSourceSchema = z.object({
  name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
  rows: z.int().min(0),
});

/**
 * One fitted parameter: its value with a ±1 sd interval (`low`, `high`) and sd, which are null when the
 * data do not identify it, where the fit started and the bounds it searched within.
 */
export const calibrationParameterSchema = z
  .object({
    /** Dotted name of the scenario parameter it sets, e.g. `teams.exitHazardPerYear`. */
    name: z.string().min(1),
    value: z.number(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    sd: z.number().min(0).nullable(),
    start: z.number(),
    bounds: z.tuple([z.number(), z.number()]),
    identified: z.boolean(),
  })
  .superRefine((p, ctx) => {
    const [lowest, highest] = p.bounds;
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (!(lowest < highest)) problem('bounds', `expected low < high, got [${lowest}, ${highest}]`);
    for (const key of ['value', 'start'] as const)
      if (!(p[key] >= lowest && p[key] <= highest))
        problem(key, `expected a number within the bounds [${lowest}, ${highest}], got ${p[key]}`);
    if (p.identified !== (p.sd !== null))
      problem(
        'identified',
        `is ${p.identified} but sd is ${p.sd}; an identified parameter has an sd, no other does`,
      );
    for (const key of ['low', 'high'] as const)
      if ((p[key] === null) !== (p.sd === null))
        problem(key, `is ${p[key]} but sd is ${p.sd}; give both or neither`);
    if (p.low !== null && p.low > p.value)
      problem('low', `expected at most the value ${p.value}, got ${p.low}`);
    if (p.high !== null && p.high < p.value)
      problem('high', `expected at least the value ${p.value}, got ${p.high}`);
  });

/** The whole calibration file. */
export const calibrationFileSchema = z
  .object({
    format: z.literal(CALIBRATION_FORMAT),
    version: z.literal(CALIBRATION_VERSION),
    description: z.string(),
    createdFor: z.object({
      /** The scenario's name or file, as the user gave it. */
      scenario: z.string().min(1),
      /** SHA-256 of the resolved scenario (see `scenarioHash`). */
      scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
    }),
    /** The master seed and runs of every objective evaluation (the same futures each time). */
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    runs: z.int().min(1),
    /** Days fitted and days held out to check the fit, both inclusive. */
    window: z.object({ fitFrom: day, fitTo: day, heldOutFrom: day, heldOutTo: day }),
    objective: z.object({
      description: z.string(),
      inSample: z.number(),
      heldOut: z.number(),
      evaluations: z.int().min(0),
    }),
    files: z.array(calibrationSourceSchema).min(1),
    parameters: z.array(calibrationParameterSchema).min(1),
    /** The fit's errors by metric, in the fitted window and in the held-out one. */
    errors: z.object({ inSample: figuresSchema, heldOut: figuresSchema }),
  })
  .superRefine((file, ctx) => {
    const { fitFrom, fitTo, heldOutFrom, heldOutTo } = file.window;
    // ISO days compare as text.
    if (fitFrom > fitTo)
      ctx.addIssue({ code: 'custom', path: ['window', 'fitTo'], message: `expected ${fitFrom} or later` });
    if (heldOutFrom > heldOutTo)
      ctx.addIssue({
        code: 'custom',
        path: ['window', 'heldOutTo'],
        message: `expected ${heldOutFrom} or later`,
      });
    if (heldOutFrom <= fitTo && heldOutTo >= fitFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['window', 'heldOutFrom'],
        message: `the held-out days ${heldOutFrom}…${heldOutTo} overlap the fitted days ${fitFrom}…${fitTo}; hold out days that were not fitted`,
      });
    const seen = new Set<string>();
    file.parameters.forEach((p, i) => {
      if (seen.has(p.name))
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', i, 'name'],
          message: `expected distinct names, got "${p.name}" twice`,
        });
      seen.add(p.name);
    });
  });

/** A calibration file's content. */
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;

/** One fitted parameter of a {@link CalibrationFile}. */
export type CalibrationParameter = z.infer<typeof calibrationParameterSchema>;

/** One source file of a {@link CalibrationFile}. */
export type CalibrationSource = z.infer<typeof calibrationSourceSchema>;
