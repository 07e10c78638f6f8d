/**
 * Nonces for signed requests: nanoseconds since the Unix epoch, strictly increasing within one clock.
 * The process's monotonic timer gives the nanoseconds and a wall-clock reading anchors them, so nonces
 * track the wall clock the axon compares them with; a drift of more than {@link MAX_DRIFT_NS} (a clock
 * step) moves the anchor, and the strict increase holds across it.
 */

/** How far the monotonic reading may wander from the wall clock before it is anchored again: 100 ms. */
export const MAX_DRIFT_NS = 100_000_000n;

const NS_PER_MS = 1_000_000n;
const wallNs = () => BigInt(Date.now()) * NS_PER_MS;

/**
 * A new clock; each call returns a nonce above every earlier one.
 * @example const nextNonce = createNonceClock(); nextNonce() < nextNonce() // true
 */
export function createNonceClock(): () => bigint {
  let anchorWall = wallNs();
  let anchorMono = process.hrtime.bigint();
  let last = 0n;
  return () => {
    const mono = process.hrtime.bigint();
    let now = anchorWall + (mono - anchorMono);
    const wall = wallNs();
    const drift = now > wall ? now - wall : wall - now;
    if (drift > MAX_DRIFT_NS) {
      anchorWall = wall;
      anchorMono = mono;
      now = wall;
    }
    last = now > last ? now : last + 1n;
    return last;
  };
}
