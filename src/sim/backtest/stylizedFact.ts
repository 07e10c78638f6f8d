/**
 * A stylized fact of the recorded network set beside the same figure in the simulated futures, as the
 * backtest's JSON and page show it.
 */

/** One fact: what it is, its recorded value with date and source, the simulated value, and a note. */
export interface StylizedFactRow {
  readonly name: string;
  readonly description: string;
  /** The recorded value in `unit`; null when the data do not give it. */
  readonly recorded: number | null;
  /** Unit of both values, as text (`TAO`, `share`, `days`…). */
  readonly unit: string;
  /** When the recorded value holds (a date or a span of dates). */
  readonly date: string;
  /** Where the recorded value comes from (a data file or a publication). */
  readonly source: string;
  /** The same figure across the simulated futures; null when the simulation does not produce it. */
  readonly simulated: number | null;
  readonly note: string;
}
