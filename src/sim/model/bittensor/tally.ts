/** Counts and sums over the world and the kernel's columns that the metrics and the step read. */
import type { World } from './world.ts';

/** The starting teams in the top tenth by initial emission share (at least one). */
export function topDecileTeams(world: World, initialTeams: number): number[] {
  const ids = Array.from({ length: initialTeams }, (_, i) => i).sort(
    (a, b) => world.teamInitialShare[b]! - world.teamInitialShare[a]! || a - b,
  );
  return ids.slice(0, Math.max(1, Math.round(initialTeams / 10)));
}

/** Slots whose status is `value`. */
export function countStatus(status: Uint8Array, value: number): number {
  let n = 0;
  for (let i = 0; i < status.length; i++) if (status[i] === value) n += 1;
  return n;
}

/** Teams that left the network so far. */
export function countLeft(world: World): number {
  let n = 0;
  for (let id = 0; id < world.nextTeamId; id++) if (world.teamLeftDay[id]! >= 0) n += 1;
  return n;
}

/** Starting teams still on the network (neither left nor pruned). */
export function countRetained(world: World, initialTeams: number): number {
  let n = 0;
  for (let id = 0; id < initialTeams; id++)
    if (world.teamLeftDay[id]! < 0 && world.teamPruned[id] === 0) n += 1;
  return n;
}

/** Sum of the values, in index order. */
export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
