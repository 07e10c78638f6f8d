/**
 * Property tests draw their cases from one fixed seed (override with FC_SEED), so a run on any machine
 * checks the same cases and a failure reproduces; fast-check prints the seed and path of a failure.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 1) });
