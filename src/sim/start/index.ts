/** The recorded starting state: chain snapshots imported into a starting-state file a scenario can name. */

export * from './checkScenarioStart.ts';
export * from './importSnapshot.ts';
export * from './readStartingState.ts';
export * from './snapshotError.ts';
export * from './snapshotGaps.ts';
export * from './startingState.ts';
export * from './startingStateFigures.ts';
export * from './writeStartingState.ts';
