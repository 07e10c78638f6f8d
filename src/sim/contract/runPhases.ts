/** A model's step as an ordered list of small named phases, each reading and updating one context. */

/** One named unit of a step. */
export interface Phase<C> {
  readonly name: string;
  run(context: C): void;
}

/** Phases in the order they run. */
export type Phases<C> = readonly Phase<C>[];

/**
 * Run each phase in order on the context.
 * @example runPhases([{ name: 'tick', run: (c) => { c.t += 1; } }], { t: 0 })
 */
export function runPhases<C>(phases: Phases<C>, context: C): void {
  for (const phase of phases) phase.run(context);
}
