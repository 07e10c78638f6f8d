/**
 * The epoch's trace (every I32F32 intermediate, spec §7) on demand: the typed-array path would spend
 * more time turning its matrices into bigint rows than computing them, and callers that only store the
 * results never read it.
 */
import type { MechanismTrace } from './types.ts';

/**
 * `terms` with an enumerable `trace` property computed by `build` on first read (then kept). Reading it
 * gives the same values as a trace built eagerly.
 */
export function withLazyTrace<T extends object>(
  terms: T,
  build: () => MechanismTrace,
): T & { readonly trace: MechanismTrace } {
  let cached: MechanismTrace | undefined;
  return Object.defineProperty(terms, 'trace', {
    enumerable: true,
    configurable: true,
    get: () => {
      cached ??= build();
      return cached;
    },
  }) as T & { readonly trace: MechanismTrace };
}

/**
 * `{ ...run, ...extra }` without reading a lazy trace: the property descriptors are copied, so a getter
 * stays a getter.
 */
export function extendRun<T extends object, E extends object>(run: T, extra: E): T & E {
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(run)) as T;
  return Object.assign(out, extra);
}
