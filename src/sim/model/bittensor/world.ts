/**
 * What the agents know about each subnet beyond the chain state: the team behind it, its product's
 * quality and outside value, its miners, and short price histories. Typed columns, one per slot;
 * teams are also numbered so a subnet can be followed after its slot is pruned and reused.
 */

/** Team status of a slot. */
export const EMPTY = 0;
export const ON_NETWORK = 1;
export const LEFT = 2;

/** Days of price history kept per slot (for momentum and drawdowns). */
export const HISTORY_DAYS = 30;

/** Per-slot agent state. */
export interface World {
  readonly slots: number;
  readonly status: Uint8Array;
  /** Team id of the slot's occupant (-1 = none). */
  readonly teamId: Int32Array;
  /** Product quality (1 = median at the start). */
  readonly quality: Float64Array;
  /** Outside revenue at quality 1 and market indices 1 (USD/day). */
  readonly outsideBase: Float64Array;
  readonly buybacker: Uint8Array;
  readonly selfMiner: Uint8Array;
  readonly miners: Float64Array;
  /** Validators on the subnet (recorded at the start; the default count for a new subnet). */
  readonly validators: Float64Array;
  /**
   * Alpha holders' valuation (spec/market.md §3): the subnet's value at the start (TAO), its TAO yield
   * then and now (an EMA, TAO/day), and the TAO per day they put in at the start to balance the pool.
   */
  readonly holderValueStart: Float64Array;
  readonly holderYieldStart: Float64Array;
  readonly holderYield: Float64Array;
  readonly holderBaseTao: Float64Array;
  /** Owner alpha still to sell after the team left, and the daily amount. */
  readonly leaveSellPerDay: Float64Array;
  /** Day the next stay-or-leave review happens. */
  readonly nextReview: Float64Array;
  /** Ring buffer of spot prices: `history[day % HISTORY_DAYS * slots + slot]` (written by {@link recordPrice}). */
  readonly history: Float64Array;
  /** Per slot, max(0, every price in the ring), kept up by {@link recordPrice}; NaN when to be recomputed. */
  readonly historyHigh: Float64Array;
  /** Per team id: cumulative TAO emission received, left flag (day, -1 if never), initial flag, initial share. */
  readonly teamEmission: Float64Array;
  readonly teamLeftDay: Float64Array;
  readonly teamInitialShare: Float64Array;
  readonly teamPruned: Uint8Array;
  nextTeamId: number;
}

/** An empty world for `slots` subnets and up to `maxTeams` teams over the run. */
export function createWorld(slots: number, maxTeams: number): World {
  return {
    slots,
    status: new Uint8Array(slots),
    teamId: new Int32Array(slots).fill(-1),
    quality: new Float64Array(slots),
    outsideBase: new Float64Array(slots),
    buybacker: new Uint8Array(slots),
    selfMiner: new Uint8Array(slots),
    miners: new Float64Array(slots),
    validators: new Float64Array(slots),
    holderValueStart: new Float64Array(slots),
    holderYieldStart: new Float64Array(slots),
    holderYield: new Float64Array(slots),
    holderBaseTao: new Float64Array(slots),
    leaveSellPerDay: new Float64Array(slots),
    nextReview: new Float64Array(slots),
    history: new Float64Array(slots * HISTORY_DAYS),
    historyHigh: new Float64Array(slots),
    teamEmission: new Float64Array(maxTeams),
    teamLeftDay: new Float64Array(maxTeams).fill(-1),
    teamInitialShare: new Float64Array(maxTeams).fill(-1),
    teamPruned: new Uint8Array(maxTeams),
    nextTeamId: 0,
  };
}

/** Write a slot's price for a day into the ring (`row` = day mod {@link HISTORY_DAYS}), keeping its high. */
export function recordPrice(world: World, row: number, slot: number, price: number): void {
  const at = row * world.slots + slot;
  const high = world.historyHigh[slot]!;
  // The high stands unless the price it may come from is overwritten (NaN: unknown until read again).
  if (world.history[at]! < high) world.historyHigh[slot] = Math.max(high, price);
  else world.historyHigh[slot] = Number.NaN;
  world.history[at] = price;
}

/** max(0, every price in a slot's ring), as {@link World.historyHigh} keeps it. */
export function historyHigh(world: World, slot: number): number {
  let high = world.historyHigh[slot]!;
  if (Number.isNaN(high)) {
    high = 0;
    for (let d = 0; d < HISTORY_DAYS; d++) high = Math.max(high, world.history[d * world.slots + slot]!);
    world.historyHigh[slot] = high;
  }
  return high;
}
