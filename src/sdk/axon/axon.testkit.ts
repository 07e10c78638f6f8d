/**
 * Neurons and synapses for the tests of axons and dendrites: a miner, a validator with a permit, a
 * registered hotkey without one, an unregistered one, and a validator the miner blacklists.
 */
import { z } from 'zod';
import { keypairFromUri } from '../keys/keypair.ts';
import { callerRegistryFrom } from './callerRegistry.ts';
import { defineSynapse } from './synapse.ts';

export const MINER = keypairFromUri('//Ferdie');
export const VALIDATOR = keypairFromUri('//Alice');
export const NO_PERMIT = keypairFromUri('//Bob');
export const UNREGISTERED = keypairFromUri('//Charlie');
export const BLACKLISTED = keypairFromUri('//Dave');

/** The subnet as the miner sees it. */
export const CALLERS = callerRegistryFrom([
  [VALIDATOR.address, { uid: 0, validatorPermit: true }],
  [NO_PERMIT.address, { uid: 1, validatorPermit: false }],
  [BLACKLISTED.address, { uid: 2, validatorPermit: true }],
  [MINER.address, { uid: 3, validatorPermit: false }],
]);

export const Echo = defineSynapse({
  name: 'Echo',
  request: z.object({ text: z.string() }),
  response: z.object({ text: z.string(), uid: z.number().int() }),
});

/** A synapse whose handler the test holds until it lets go (or the time is up). */
export const Hold = defineSynapse({
  name: 'Hold',
  request: z.object({}),
  response: z.object({ done: z.boolean() }),
});

/** A promise and the functions that settle it. */
export function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Resolves when `signal` aborts. */
export const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
