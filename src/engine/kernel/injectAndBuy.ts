/**
 * A subnet's liquidity injection and chain buys over `blocks` blocks in closed form (spec §4.5, §4.7).
 *
 * Each block the chain injects `tao_in = min(t, c·p)` TAO and `tao_in / p` alpha at the pre-block price p
 * (t = the subnet's TAO emission per block, c = the alpha cap root_proportion × alpha_emission), which
 * keeps the price and only moves the Balancer weight, and spends the excess `t − tao_in` on a fee-free
 * buy whose alpha becomes protocol-owned. Aggregated:
 *
 * - **Uncapped** (t ≤ c·p): no buys, so the price never moves and k injections add up to one injection
 *   of k·t TAO and k·t/p alpha (the weight only depends on the final reserves at the kept price).
 * - **Capped, w_q = 0.5** (the chain's case: price-keeping injections leave 0.5 unchanged, so every pool
 *   stays constant-product): with y_n = y + t·n, the alpha reserve solves dx/dn = 2c − t·x/y, i.e.
 *   x_n·y_n = x·y + 2∫c(s)·(y + t·s) ds; for a cap drifting linearly, c(s) = c₀ + c₁·s (the root
 *   proportion falls as issuance grows), that is x·y + 2c₀·y·n + (c₀·t + c₁·y)·n² + ⅔·c₁·t·n³. The price
 *   rises towards t/c and never crosses it. The TAO spent on buys, ∫(t − c·p) dn, is
 *   (√Δ/c)·atan(c·t·n·√Δ / (Δ + c·y·(c·t·n + c·y))) with Δ = c·y·(t·x − c·y) > 0 at the mean cap c (the
 *   split between injection and buys ignores the drift; the reserves do not). The continuous form drops
 *   terms of order (buy / reserve)² per block.
 * - **Capped, other weights**: up to {@link MAX_CHUNKS} chunks, each applying the chain's per-block order
 *   (terms at the chunk's start price, weight update, buy, then the injection) to its blocks at once.
 *   One block is exactly the chain's order.
 */
import { spotPriceF64 } from '../pool/balancerF64.ts';
import { buyAlphaTao, MAX_QUOTE_WEIGHT, MIN_QUOTE_WEIGHT, type MutablePool } from './poolSwapTao.ts';

/** Chunks used for a capped step of a pool whose weight is not 0.5. */
export const MAX_CHUNKS = 16;
/** A weight this close to 0.5 is 0.5 (float injections leave last-bit noise on the exact 0.5). */
const WEIGHT_HALF_TOLERANCE = 1e-9;

/**
 * Inputs and outputs of {@link injectAndBuy}: one reusable object (the kernel overwrites it for every
 * subnet, so a step allocates nothing). Amounts in TAO and alpha.
 */
export interface InjectIo {
  /** The pool: read, then updated in place. */
  readonly pool: MutablePool;
  /** The subnet's TAO emission per block. */
  taoPerBlock: number;
  /** The alpha injection cap per block (root_proportion × alpha_emission), its mean over the blocks. */
  alphaCapPerBlock: number;
  /** Its drift per block (negative while issuance grows; 0 for a constant cap). */
  alphaCapSlope: number;
  blocks: number;
  /** Outputs: TAO and alpha injected, TAO spent on chain buys and the alpha they bought. */
  injectedTao: number;
  injectedAlpha: number;
  chainBuyTao: number;
  boughtAlpha: number;
  /** TAO whose injection was refused (weight out of bounds, or no price): recycled by the caller. */
  refusedTao: number;
  /** Mean over the blocks of min(spot after the block, 1), for the moving price. */
  meanClampedPrice: number;
  /** Its trend: (last − first clamped spot) / blocks, per block (0 when the price stays put). */
  clampedPriceSlope: number;
}

/** A fresh {@link InjectIo}. */
export function createInjectIo(): InjectIo {
  return {
    pool: { taoReserve: 0, alphaReserve: 0, wQuote: 0.5 },
    taoPerBlock: 0,
    alphaCapPerBlock: 0,
    alphaCapSlope: 0,
    blocks: 0,
    injectedTao: 0,
    injectedAlpha: 0,
    chainBuyTao: 0,
    boughtAlpha: 0,
    refusedTao: 0,
    meanClampedPrice: 0,
    clampedPriceSlope: 0,
  };
}

/** The spot price clamped at 1, as the moving price reads it. */
export const clamp1 = (p: number) => (p < 1 ? p : 1);

/**
 * Zero a span's outputs and set its price path to the spot price at the start (what a span that injects
 * nothing reports); returns that spot price. Both injection rules start here.
 */
export function startInjection(io: InjectIo): number {
  io.injectedTao = 0;
  io.injectedAlpha = 0;
  io.chainBuyTao = 0;
  io.boughtAlpha = 0;
  io.refusedTao = 0;
  const p0 = spotPriceF64(io.pool);
  io.meanClampedPrice = clamp1(p0);
  io.clampedPriceSlope = 0;
  return p0;
}

/** Run the coinbase's pool side for `io.blocks` blocks; see the file comment for the aggregation. */
export function injectAndBuy(io: InjectIo): void {
  const p0 = startInjection(io);
  const { pool } = io;
  const n = io.blocks;
  const t = io.taoPerBlock;
  const c = io.alphaCapPerBlock;
  if (!(t > 0) || !(n > 0)) return;
  if (!(p0 > 0)) {
    // alpha_in = 0 with TAO in would push the weight to 1: the chain refuses the injection.
    io.refusedTao = n * t;
    return;
  }
  // The cap drifts (linearly) from cStart to cEnd; the regime can switch once, from uncapped to capped.
  const cStart = c - (io.alphaCapSlope * n) / 2;
  const cEnd = c + (io.alphaCapSlope * n) / 2;
  if (t <= Math.min(cStart, cEnd) * p0) {
    injectAtPrice(io, n * t, (n * t) / p0);
    return;
  }
  const uncappedBlocks =
    t <= cStart * p0 && cEnd < cStart ? Math.min(n - 1, Math.floor((t / p0 - cStart) / io.alphaCapSlope)) : 0;
  if (uncappedBlocks <= 0) {
    capped(io);
    return;
  }
  // Uncapped at the kept price until the cap falls below t/p, then capped for the rest of the span.
  injectAtPrice(io, uncappedBlocks * t, (uncappedBlocks * t) / p0);
  const rest = n - uncappedBlocks;
  io.blocks = rest;
  io.alphaCapPerBlock = cStart + io.alphaCapSlope * (uncappedBlocks + rest / 2);
  capped(io);
  io.meanClampedPrice = (uncappedBlocks * clamp1(p0) + rest * io.meanClampedPrice) / n;
  io.clampedPriceSlope = (clamp1(spotPriceF64(pool)) - clamp1(p0)) / n;
  io.blocks = n;
  io.alphaCapPerBlock = c;
}

function capped(io: InjectIo): void {
  if (io.blocks > 1 && Math.abs(io.pool.wQuote - 0.5) < WEIGHT_HALF_TOLERANCE) cappedConstantProduct(io);
  else cappedChunks(io);
}

/** A price-keeping injection (spec §5.5); refused (TAO recycled) if the weight would leave its bounds. */
function injectAtPrice(io: InjectIo, tao: number, alpha: number): void {
  const { pool } = io;
  const q2 = pool.wQuote * pool.alphaReserve * (pool.taoReserve + tao);
  const q1 = (1 - pool.wQuote) * pool.taoReserve * (pool.alphaReserve + alpha);
  const w = q1 + q2 > 0 ? q2 / (q1 + q2) : 0.5;
  if (w < MIN_QUOTE_WEIGHT || w > MAX_QUOTE_WEIGHT) {
    io.refusedTao += tao;
    return;
  }
  pool.wQuote = w;
  pool.taoReserve += tao;
  pool.alphaReserve += alpha;
  io.injectedTao += tao;
  io.injectedAlpha += alpha;
}

/**
 * The capped regime of a constant-product pool in closed form (file comment). The path is evaluated inline:
 * this runs for every capped subnet every step, and calls returning floats would box them.
 */
function cappedConstantProduct(io: InjectIo): void {
  const { pool } = io;
  const n = io.blocks;
  const t = io.taoPerBlock;
  const c = io.alphaCapPerBlock;
  const y = pool.taoReserve;
  const x = pool.alphaReserve;
  // The path (read before the pool moves): alpha(s) = D(s) / (y + t·s), D(s) = x·y + s·(a + s·(b + k·s)).
  const c1 = io.alphaCapSlope;
  const c0 = c - (c1 * n) / 2;
  const xy = x * y;
  const a = 2 * c0 * y;
  const b = c0 * t + c1 * y;
  const k = (2 / 3) * c1 * t;
  const s0 = 0.5;
  const first = (y + t * s0) / ((xy + s0 * (a + s0 * (b + k * s0))) / (y + t * s0));
  const sn = n + 0.5;
  const last = (y + t * sn) / ((xy + sn * (a + sn * (b + k * sn))) / (y + t * sn));
  // Mean of min(p(s), 1) over [0.5, n + 0.5], the price rising monotonically: Simpson's rule (two panels)
  // up to where the price reaches 1, then 1.
  if (first >= 1) io.meanClampedPrice = 1;
  else {
    let end = sn;
    let atEnd = last;
    if (last > 1) {
      // The block where p reaches 1: bisection, rarely needed.
      let lo = s0;
      for (let j = 0; j < 40; j++) {
        const mid = (lo + end) / 2;
        if ((y + t * mid) / ((xy + mid * (a + mid * (b + k * mid))) / (y + t * mid)) > 1) end = mid;
        else lo = mid;
      }
      atEnd = (y + t * end) / ((xy + end * (a + end * (b + k * end))) / (y + t * end));
    }
    const h = (end - s0) / 4;
    const s1 = s0 + h;
    const s2 = s0 + 2 * h;
    const s3 = s0 + 3 * h;
    const p1 = (y + t * s1) / ((xy + s1 * (a + s1 * (b + k * s1))) / (y + t * s1));
    const p2 = (y + t * s2) / ((xy + s2 * (a + s2 * (b + k * s2))) / (y + t * s2));
    const p3 = (y + t * s3) / ((xy + s3 * (a + s3 * (b + k * s3))) / (y + t * s3));
    const simpson = (first + 4 * p1 + 2 * p2 + 4 * p3 + atEnd) / 12;
    io.meanClampedPrice = (simpson * (end - s0) + (sn - end)) / n;
  }
  io.clampedPriceSlope = (clamp1(last) - clamp1(first)) / n;
  const xn = (xy + n * (a + n * (b + k * n))) / (y + t * n);
  let buys = n * t;
  // With a negligible cap (c·p < 1e-12·t) everything is bought; the formula would divide by ~0.
  if (c * y > 1e-12 * t * x) {
    const delta = c * y * (t * x - c * y);
    const root = Math.sqrt(delta);
    const ctn = c * t * n;
    buys = (root * Math.atan((ctn * root) / (delta + c * y * (ctn + c * y)))) / c;
    buys = Math.min(Math.max(buys, 0), n * t);
  }
  io.injectedTao += n * t - buys;
  io.injectedAlpha += n * c;
  io.chainBuyTao += buys;
  io.boughtAlpha += Math.max(0, x + n * c - xn);
  pool.taoReserve = y + t * n;
  pool.alphaReserve = xn;
}

/** The capped regime in chunks of the chain's per-block order (any weight; exact for one block). */
function cappedChunks(io: InjectIo): void {
  const { pool } = io;
  const t = io.taoPerBlock;
  const total = io.blocks;
  const chunks = Math.min(total, MAX_CHUNKS);
  let done = 0;
  let priceSum = 0;
  const first = clamp1(spotPriceF64(pool));
  for (let k = 0; k < chunks && done < total; k++) {
    const blocks = Math.round(((k + 1) * total) / chunks) - done;
    const c = io.alphaCapPerBlock + io.alphaCapSlope * (done + blocks / 2 - total / 2);
    const pStart = spotPriceF64(pool);
    if (!(pStart > 0)) {
      io.refusedTao += (total - done) * t;
      priceSum += (total - done) * clamp1(pStart);
      done = total;
      break;
    }
    if (t <= c * pStart) {
      // Uncapped from here on: the price stays put for the rest of the step.
      const rest = total - done;
      injectAtPrice(io, rest * t, (rest * t) / pStart);
      priceSum += rest * clamp1(pStart);
      done = total;
      break;
    }
    const taoIn = blocks * c * pStart;
    const alphaIn = blocks * c;
    const excess = blocks * t - taoIn;
    // Weight update first (for the amounts about to be injected), then the buy against the
    // pre-injection reserves with that weight, then the reserves of the injection (spec §4.7).
    const q2 = pool.wQuote * pool.alphaReserve * (pool.taoReserve + taoIn);
    const q1 = (1 - pool.wQuote) * pool.taoReserve * (pool.alphaReserve + alphaIn);
    const w = q2 / (q1 + q2);
    const accepted = w >= MIN_QUOTE_WEIGHT && w <= MAX_QUOTE_WEIGHT;
    if (accepted) pool.wQuote = w;
    const bought = buyAlphaTao(pool, excess);
    pool.taoReserve += excess;
    pool.alphaReserve -= bought;
    io.chainBuyTao += excess;
    io.boughtAlpha += bought;
    if (accepted) {
      pool.taoReserve += taoIn;
      pool.alphaReserve += alphaIn;
      io.injectedTao += taoIn;
      io.injectedAlpha += alphaIn;
    } else {
      io.refusedTao += taoIn;
    }
    const pEnd = spotPriceF64(pool);
    priceSum += blocks === 1 ? clamp1(pEnd) : (blocks * (clamp1(pStart) + clamp1(pEnd))) / 2;
    done += blocks;
  }
  io.meanClampedPrice = priceSum / total;
  io.clampedPriceSlope = (clamp1(spotPriceF64(pool)) - first) / total;
}
