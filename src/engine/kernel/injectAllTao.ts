/**
 * dtao's launch terms at the pool over `blocks` blocks in closed form (rulepacks.md §2.4, LAUNCH branch,
 * e2b8367b): each block the whole TAO share T enters the reserve with alpha_in = min(T/p, A) at the
 * pre-block price p (A when p is 0); nothing is chain-bought. The pack's pool is constant product and
 * the injection adds to the reserves as they are (the weight is left alone), so:
 *
 * - **Uncapped** (T ≤ A·p): at w_q = 0.5 the price is kept, and k injections are one injection of k·T
 *   TAO and k·T/p alpha.
 * - **Capped** (T > A·p): the reserves grow linearly, y + T·s and x + A·s, so the price
 *   k·(y + T·s)/(x + A·s) (k = w_b/w_q) moves monotonically towards k·T/A. At w_q = 0.5 it rises
 *   towards T/A without reaching it, so a capped subnet stays capped for the whole span (and an uncapped
 *   one uncapped): the span is exact, with no regime switch to find.
 *
 * The root alpha sold after each block's injection is sold once for the span by the caller
 * (`sellRootAlphaF64`); the moving price reads the injection path.
 */
import { clamp1, type InjectIo, startInjection } from './injectAndBuy.ts';

/** Below this u = A·d/X the series of (1 − ln(1+u)/u)/u is used (the direct form loses digits). */
const SERIES_LIMIT = 1e-4;

/**
 * Inject `io.blocks` blocks of `io.taoPerBlock` TAO with alpha capped at `io.alphaCapPerBlock` (A; a
 * constant within the span, so `alphaCapSlope` is not read). Fills the same outputs as `injectAndBuy`;
 * `chainBuyTao`, `boughtAlpha` and `refusedTao` are always 0.
 * @example injectAllTao(io) // io.pool.taoReserve grew by io.blocks · io.taoPerBlock
 */
export function injectAllTao(io: InjectIo): void {
  const p0 = startInjection(io);
  const { pool } = io;
  const n = io.blocks;
  const t = io.taoPerBlock;
  const a = io.alphaCapPerBlock;
  if (!(t > 0) || !(n > 0)) return;
  const tao = n * t;
  let alpha: number;
  if (p0 > 0 && t <= a * p0) {
    alpha = tao / p0;
  } else {
    alpha = n * a;
    meanOfCappedPath(io);
  }
  pool.taoReserve += tao;
  pool.alphaReserve += alpha;
  io.injectedTao = tao;
  io.injectedAlpha = alpha;
}

/** The capped path's price after `s` blocks: k·(y + T·s)/(x + A·s) (0 without alpha). */
function priceAt(io: InjectIo, s: number): number {
  const { pool } = io;
  const x = pool.alphaReserve + io.alphaCapPerBlock * s;
  if (!(x > 0)) return 0;
  return (((1 - pool.wQuote) / pool.wQuote) * (pool.taoReserve + io.taoPerBlock * s)) / x;
}

/**
 * Mean price over blocks [from, to] of the capped path, exactly: with X, Y the reserves at `from`,
 * d = to − from and u = A·d/X, the mean of k·(Y + T·r)/(X + A·r) over r in [0, d] is
 * k·(L·Y + H·T·d)/X with L = ln(1 + u)/u and H = (1 − L)/u (the mean sits between the start price and
 * the asymptote k·T/A; H tends to 1/2 as A → 0, where the price is linear).
 */
function meanPriceOn(io: InjectIo, from: number, to: number): number {
  const { pool } = io;
  const x = pool.alphaReserve + io.alphaCapPerBlock * from;
  if (!(x > 0)) return 0;
  const y = pool.taoReserve + io.taoPerBlock * from;
  const d = to - from;
  const u = (io.alphaCapPerBlock * d) / x;
  const l = u > 0 ? Math.log1p(u) / u : 1;
  const h = u < SERIES_LIMIT ? 0.5 - u / 3 + (u * u) / 4 - (u * u * u) / 5 : (1 - l) / u;
  return (((1 - pool.wQuote) / pool.wQuote) * (l * y + h * io.taoPerBlock * d)) / x;
}

/** The capped path's slope after `s` blocks: k·(T·x − A·y)/(x + A·s)² (the numerator is constant). */
function slopeAt(io: InjectIo, s: number): number {
  const { pool } = io;
  const x = pool.alphaReserve + io.alphaCapPerBlock * s;
  if (!(x > 0)) return 0;
  const k = (1 - pool.wQuote) / pool.wQuote;
  return (k * (io.taoPerBlock * pool.alphaReserve - io.alphaCapPerBlock * pool.taoReserve)) / (x * x);
}

/**
 * Mean and trend of min(price after each block, 1) on the capped path (before the pool is moved). The
 * moving price reads the price after blocks 1..n: the path's mean over [½, n + ½] less the midpoint
 * rule's error (f′(n + ½) − f′(½))/24n (Euler–Maclaurin), split where the path crosses 1 (it is
 * monotone). One block reads the price after it, as the chain does.
 */
function meanOfCappedPath(io: InjectIo): void {
  const n = io.blocks;
  if (n === 1) {
    const p1 = clamp1(priceAt(io, 1));
    io.clampedPriceSlope = p1 - io.meanClampedPrice;
    io.meanClampedPrice = p1;
    return;
  }
  const lo = 0.5;
  const hi = n + 0.5;
  const first = priceAt(io, lo);
  const last = priceAt(io, hi);
  io.clampedPriceSlope = (clamp1(last) - clamp1(first)) / n;
  if (first <= 1 && last <= 1) {
    io.meanClampedPrice = meanPriceOn(io, lo, hi) - (slopeAt(io, hi) - slopeAt(io, lo)) / (24 * n);
    return;
  }
  if (first >= 1 && last >= 1) {
    io.meanClampedPrice = 1;
    return;
  }
  // Where k·(y + T·s) = x + A·s.
  const { pool } = io;
  const k = (1 - pool.wQuote) / pool.wQuote;
  const cross = (pool.alphaReserve - k * pool.taoReserve) / (k * io.taoPerBlock - io.alphaCapPerBlock);
  const s = Math.min(Math.max(cross, lo), hi);
  io.meanClampedPrice =
    first < 1
      ? (meanPriceOn(io, lo, s) * (s - lo) + (hi - s)) / n
      : (s - lo + meanPriceOn(io, s, hi) * (hi - s)) / n;
}
