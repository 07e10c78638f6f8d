/**
 * The moving (EMA) price over a span of blocks in one expression (spec §4.3). Per block the chain does
 * `ema' = a_b·min(spot, 1) + (1 − a_b)·ema` with `a_b = SubnetMovingAlpha · b / (b + h)`, b the blocks
 * since the start call. Over n blocks with a mean clamped price p̄ this is
 * `ema' = p̄ + (ema − p̄)·(1 − ā)^n`, ā the mean of a_b over the span:
 * `ā = α·(1 − (h/n)·ln((b₀ + h + n + ½) / (b₀ + h + ½)))` (the sum of 1/(b + h) as an integral).
 * Π(1 − a_b) is replaced by (1 − ā)^n (second order in the spread of a_b, < 1e-10 for a day). The chain
 * weighs block j's price by a_j·(1 − a)^(n − j), i.e. later blocks more (a young subnet's a_b doubles
 * within a day); for a price moving linearly by `priceSlope` per block that moves the mean to
 * p̄ + slope·(n² − 1)/12·(a′/ā + ā), a′ = da_b/db.
 *
 * The chain stores the EMA in I96F32, flooring it to 32 fractional bits every block. The stored value is
 * always on that grid, so each block moves it by floor(δ / 2^-32) units for an increment δ: the loss
 * frac(δ / 2^-32) · 2^-32 is deterministic, not random, and a young subnet whose increments are below one
 * unit keeps 0. Over 30 days a low EMA drifts measurably (order 1e-5 TAO). The kernel subtracts the
 * loss for δ moving linearly from the span's first block to its last, i.e. the mean of frac over that
 * range, exactly: (F(u₁) − F(u₀)) / (u₁ − u₀) with F(u) = ⌊u⌋/2 + frac(u)²/2.
 */

/** Inputs and output of {@link advanceMovingPrice}: one reusable object per kernel step. */
export interface MovingPriceIo {
  /** The moving price: read, then updated. */
  ema: number;
  /** Mean over the span of min(spot after each block, 1), and its trend per block (0 if unknown). */
  meanClampedPrice: number;
  priceSlope: number;
  /** Blocks since the start call at the block before the span (the span's blocks have b₀ + 1 … b₀ + n). */
  blocksSinceStart: number;
  blocks: number;
  /** `SubnetMovingAlpha` and `EMAPriceHalvingBlocks`. */
  movingAlpha: number;
  halvingBlocks: number;
}

/** Mean EMA coefficient over the span (exact for one block). */
export function meanMovingAlpha(io: MovingPriceIo): number {
  const b0 = Math.max(0, io.blocksSinceStart);
  const h = io.halvingBlocks;
  const n = io.blocks;
  if (n === 1) return (io.movingAlpha * (b0 + 1)) / (b0 + 1 + h);
  return io.movingAlpha * (1 - (h / n) * Math.log1p(n / (b0 + h + 0.5)));
}

/** One unit of the stored EMA (I96F32: 2^-32). */
const UNIT = 2 ** -32;

/**
 * What the update over a span takes from b₀, n, α and h alone (not from the prices). Subnets started at the
 * same block share it, so the last two computed are kept: a recorded network's subnets share one start,
 * and each subnet registered since has its own, so a step through the slots alternates between the shared
 * entry and a one-off (a single entry would lose the shared one at every registered subnet). A miss
 * computes directly (cheaper than searching a larger cache).
 */
interface SpanCoefficients {
  b0: number;
  blocks: number;
  movingAlpha: number;
  halvingBlocks: number;
  /** ā, (1 − ā)^n, a_b of the first and the last block, and the price shift per unit of slope. */
  meanAlpha: number;
  decay: number;
  firstAlpha: number;
  lastAlpha: number;
  shift: number;
}

/** An empty cache entry (NaN keys match nothing). */
const emptyCoefficients = (): SpanCoefficients => ({
  b0: Number.NaN,
  blocks: Number.NaN,
  movingAlpha: Number.NaN,
  halvingBlocks: Number.NaN,
  meanAlpha: 0,
  decay: 0,
  firstAlpha: 0,
  lastAlpha: 0,
  shift: 0,
});

/** The most recently used coefficients, and the other entry (replaced on a miss). */
let recent = emptyCoefficients();
let older = emptyCoefficients();

const sameSpan = (r: SpanCoefficients, b0: number, n: number, a: number, h: number) =>
  r.b0 === b0 && r.blocks === n && r.movingAlpha === a && r.halvingBlocks === h;

/** The coefficients of `io`'s span (b₀ = max(0, blocksSinceStart)), from the cache when they are there. */
function coefficientsOf(io: MovingPriceIo, b0: number): SpanCoefficients {
  const n = io.blocks;
  const a = io.movingAlpha;
  const h = io.halvingBlocks;
  if (sameSpan(recent, b0, n, a, h)) return recent;
  const r = older;
  older = recent;
  recent = r;
  if (sameSpan(r, b0, n, a, h)) return r;
  const meanAlpha = meanMovingAlpha(io);
  const bMid = b0 + (n + 1) / 2;
  const growth = (a * h) / (bMid + h) ** 2;
  r.b0 = b0;
  r.blocks = n;
  r.movingAlpha = a;
  r.halvingBlocks = h;
  r.meanAlpha = meanAlpha;
  r.decay = Math.exp(n * Math.log1p(-meanAlpha));
  r.firstAlpha = (a * (b0 + 1)) / (b0 + 1 + h);
  r.lastAlpha = (a * (b0 + n)) / (b0 + n + h);
  r.shift = ((n * n - 1) / 12) * (growth / meanAlpha + meanAlpha);
  return r;
}

/** Advance `io.ema` over `io.blocks` blocks (see the file comment). */
export function advanceMovingPrice(io: MovingPriceIo): void {
  const n = io.blocks;
  if (!(n > 0)) return;
  const k = coefficientsOf(io, Math.max(0, io.blocksSinceStart));
  let p = io.meanClampedPrice;
  if (io.priceSlope !== 0 && k.meanAlpha > 0) {
    p = Math.min(Math.max(p + io.priceSlope * k.shift, 0), 1);
  }
  const next = p + (io.ema - p) * k.decay;
  // The mean flooring loss per block (file comment), with the increment δ in units of 2^-32: the mean of
  // frac(u) over [u₀, u₁] is (F(u₁) − F(u₀)) / (u₁ − u₀), F(u) = ⌊u⌋/2 + frac(u)²/2. Inline: a call would
  // box its float arguments and result.
  const u0 = (k.firstAlpha * (p - io.ema)) / UNIT;
  const u1 = (k.lastAlpha * (p - next)) / UNIT;
  let loss: number;
  if (Math.abs(u1 - u0) < 1e-6) {
    const u = (u0 + u1) / 2;
    loss = (u - Math.floor(u)) * UNIT;
  } else {
    const f0 = u0 - Math.floor(u0);
    const f1 = u1 - Math.floor(u1);
    loss = ((Math.floor(u1) / 2 + f1 ** 2 / 2 - (Math.floor(u0) / 2 + f0 ** 2 / 2)) / (u1 - u0)) * UNIT;
  }
  io.ema = Math.max(0, next - n * loss);
}
