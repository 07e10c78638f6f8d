// The fast epoch's hot loops in AssemblyScript, compiled to WebAssembly (`npm run build:wasm` writes
// `../epochKernelsWasm.ts`). Each function is the loop of the TypeScript step its comment names
// (which calls it), as plain float64 arithmetic in a fixed order, so results are the same as the
// loop written in TypeScript, bit for bit; the TypeScript side owns the buffers (views into this
// module's memory) and passes byte addresses. WebAssembly runs these loops without per-access bounds
// checks or type guards and has a branch-free `select`. The dense paths use 128-bit SIMD with each
// lane a different row or column (never two terms of one sum), so every value still gets the same
// operations in the same order. V8 turns wasm's `f64x2.min`/`max` and scalar `min`/`max` into
// several instructions (NaN and -0 handling) and `pmin`/`pmax` into one, so the loops use the latter
// or `select`, whose semantics are the scalar comparisons'.

// Marks an entry dropped by a step (clipping, bonds penalty), as in csrMatrix.ts.
const ABSENT: f64 = -1;
// 2^-32: one unit of the chain's I32F32 grid.
const UNIT: f64 = 2.3283064365386963e-10;

@inline function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline function setF64(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
@inline function setI32(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}
@inline function u8At(base: usize, i: i32): i32 {
  return <i32>load<u8>(base + <usize>i);
}

/**
 * The first column of entries [start, end) of a CSR column array when they list consecutive columns
 * (first, first + 1, ...), else -1 (also for an empty range). Four entries per compare.
 */
@inline function runStart(col: usize, start: i32, end: i32): i32 {
  if (end <= start) return -1;
  const first = i32At(col, start);
  let expect = i32x4.add(i32x4.splat(first), i32x4(0, 1, 2, 3));
  const four = i32x4.splat(4);
  let k = start;
  for (; k + 3 < end; k += 4) {
    if (!i32x4.all_true(i32x4.eq(v128.load(col + (<usize>k << 2)), expect))) return -1;
    expect = i32x4.add(expect, four);
  }
  for (; k < end; k++) if (i32At(col, k) != first + (k - start)) return -1;
  return first;
}

/** Lanes 0 of `a` and `b` as one vector. */
@inline function lows(a: v128, b: v128): v128 {
  return i64x2.shuffle(a, b, 0, 2);
}

/** Lanes 1 of `a` and `b` as one vector. */
@inline function highs(a: v128, b: v128): v128 {
  return i64x2.shuffle(a, b, 1, 3);
}

/** `u16 / 65535` read into I32F32 (truncating), as grid.ts `u16Ratio`. */
@inline function u16Ratio(x: f64): f64 {
  return (x * 65537 + (x == 65535 ? 1 : 0)) * UNIT;
}

/** `fixed_proportion_to_u16`: floor(x * 65535) clamped to [0, 65535], as grid.ts. */
@inline function proportionToU16(x: f64): f64 {
  const v = Math.floor(x * 65535);
  return v < 0 ? 0 : v > 65535 ? 65535 : v;
}

/** W_b of one entry (clipWeights.ts `bondWeight`). */
@inline function bondWeight(w: f64, c: f64, beta: f64): f64 {
  if (beta == 0) return w;
  const up = c >= w;
  const x = select<f64>(w, c, up);
  if (beta == 1) return c <= 0 && !up ? ABSENT : x;
  const v = w + beta * (x - w);
  return v > 0 ? v : ABSENT;
}

/** One column's pair of normalised weights `p` (rows i, i + 1) into its median bucket, in row order. */
@inline function bucketPair(
  j: i32,
  p: v128,
  stakes: v128,
  columnFill: usize,
  medianValue: usize,
  medianStake: usize,
  voters: i32,
  stride: i32,
): void {
  let fill = i32At(columnFill, j);
  if (fill + 2 <= voters) {
    if (i64x2.bitmask(f64x2.gt(p, f64x2.splat(0))) == 3) {
      const slot = <usize>(j * stride + fill) << 3;
      v128.store(medianValue + slot, p);
      v128.store(medianStake + slot, stakes);
      setI32(columnFill, j, fill + 2);
      return;
    }
  }
  const v0 = f64x2.extract_lane(p, 0);
  if (v0 > 0 && fill < voters) {
    setF64(medianValue, j * stride + fill, v0);
    setF64(medianStake, j * stride + fill, f64x2.extract_lane(stakes, 0));
    fill++;
  }
  const v1 = f64x2.extract_lane(p, 1);
  if (v1 > 0 && fill < voters) {
    setF64(medianValue, j * stride + fill, v1);
    setF64(medianStake, j * stride + fill, f64x2.extract_lane(stakes, 1));
    fill++;
  }
  setI32(columnFill, j, fill);
}

/** One column's four normalised weights (rows i .. i + 3, as two pairs) into its median bucket. */
@inline function bucketQuad(
  j: i32,
  p: v128,
  q: v128,
  stakesP: v128,
  stakesQ: v128,
  columnFill: usize,
  medianValue: usize,
  medianStake: usize,
  voters: i32,
  stride: i32,
): void {
  const fill = i32At(columnFill, j);
  const zero = f64x2.splat(0);
  if (fill + 4 <= voters) {
    if (i64x2.bitmask(v128.and(f64x2.gt(p, zero), f64x2.gt(q, zero))) == 3) {
      const slot = <usize>(j * stride + fill) << 3;
      v128.store(medianValue + slot, p);
      v128.store(medianValue + slot, q, 16);
      v128.store(medianStake + slot, stakesP);
      v128.store(medianStake + slot, stakesQ, 16);
      setI32(columnFill, j, fill + 4);
      return;
    }
  }
  bucketPair(j, p, stakesP, columnFill, medianValue, medianStake, voters, stride);
  bucketPair(j, q, stakesQ, columnFill, medianValue, medianStake, voters, stride);
}

/** Whether rows i .. i + count - 1 of the stored weights list `count` entries each from `j0` on. */
@inline function sameRun(srcStart: usize, srcCol: usize, i: i32, rows: i32, count: i32, j0: i32): bool {
  for (let t = 1; t < rows; t++) {
    const a = i32At(srcStart, i + t);
    if (i32At(srcStart, i + t + 1) - a != count || runStart(srcCol, a, a + count) != j0) return false;
  }
  return true;
}

/**
 * Rows i .. i + 3 (`quad`) or i, i + 1 of `maskWeights` in one pass, when all are voters whose stored
 * rows list the same run of consecutive columns, none of them their own UID (unless the owner's) and no
 * registration check applies: the common dense case, where masking drops nothing. The row sums run as
 * the lanes of vectors, each in column order, and each column's weights go to its median bucket in
 * row order, two per store, so every value is the one the row-by-row loop writes. Returns the entry
 * count after the rows, or -1, having written nothing the row-by-row loop would not overwrite, when
 * the rows do not fit.
 */
@inline function maskBlock(
  quad: bool,
  n: i32,
  i: i32,
  e: i32,
  srcStart: usize,
  srcCol: usize,
  srcValue: usize,
  col: usize,
  value: usize,
  activeStake: usize,
  columnFill: usize,
  medianValue: usize,
  medianStake: usize,
  voters: i32,
  stride: i32,
  owner: i32,
): i32 {
  const rows = quad ? 4 : 2;
  const a0 = i32At(srcStart, i);
  const a1 = i32At(srcStart, i + 1);
  const count = a1 - a0;
  if (count < 2) return -1;
  for (let t = 0; t < rows; t++) if (!(f64At(activeStake, i + t) > 0)) return -1;
  const j0 = runStart(srcCol, a0, a1);
  if (j0 < 0 || j0 + count > n || !sameRun(srcStart, srcCol, i, rows, count, j0)) return -1;
  for (let t = 0; t < rows; t++) {
    const u = i + t;
    if (u >= j0 && u < j0 + count && u != owner) return -1;
  }
  const a2 = a1 + count;
  const a3 = a2 + count;
  let front = f64x2.splat(0);
  let back = f64x2.splat(0);
  // Base addresses of the rows, so each access inside the loops is one add.
  const src0 = srcValue + (<usize>a0 << 3);
  const src1 = srcValue + (<usize>a1 << 3);
  const src2 = srcValue + (<usize>a2 << 3);
  const src3 = srcValue + (<usize>a3 << 3);
  let k = 0;
  for (; k + 1 < count; k += 2) {
    const at = <usize>k << 3;
    const w0 = v128.load(src0 + at);
    const w1 = v128.load(src1 + at);
    front = f64x2.add(front, lows(w0, w1));
    if (quad) {
      const w2 = v128.load(src2 + at);
      const w3 = v128.load(src3 + at);
      back = f64x2.add(back, lows(w2, w3));
      back = f64x2.add(back, highs(w2, w3));
    }
    front = f64x2.add(front, highs(w0, w1));
  }
  let sum0 = f64x2.extract_lane(front, 0);
  let sum1 = f64x2.extract_lane(front, 1);
  let sum2 = f64x2.extract_lane(back, 0);
  let sum3 = f64x2.extract_lane(back, 1);
  if (k < count) {
    sum0 += f64At(srcValue, a0 + k);
    sum1 += f64At(srcValue, a1 + k);
    if (quad) {
      sum2 += f64At(srcValue, a2 + k);
      sum3 += f64At(srcValue, a3 + k);
    }
  }
  if (!(sum0 > 0 && sum1 > 0)) return -1;
  if (quad && !(sum2 > 0 && sum3 > 0)) return -1;
  const scale0 = f64x2.splat(1 / sum0);
  const scale1 = f64x2.splat(1 / sum1);
  const scale2 = f64x2.splat(quad ? 1 / sum2 : 0);
  const scale3 = f64x2.splat(quad ? 1 / sum3 : 0);
  const stakes01 = f64x2(f64At(activeStake, i), f64At(activeStake, i + 1));
  const stakes23 = quad ? f64x2(f64At(activeStake, i + 2), f64At(activeStake, i + 3)) : stakes01;
  // Every row's columns are j0 ..; the destination rows follow each other from entry e.
  let columns = i32x4.add(i32x4.splat(j0), i32x4(0, 1, 2, 3));
  const four = i32x4.splat(4);
  k = 0;
  for (; k + 3 < count; k += 4) {
    for (let t = 0; t < rows; t++) v128.store(col + (<usize>(e + t * count + k) << 2), columns);
    columns = i32x4.add(columns, four);
  }
  for (; k < count; k++) for (let t = 0; t < rows; t++) setI32(col, e + t * count + k, j0 + k);
  const e1 = e + count;
  const e2 = e1 + count;
  const e3 = e2 + count;
  const out0 = value + (<usize>e << 3);
  const out1 = value + (<usize>e1 << 3);
  const out2 = value + (<usize>e2 << 3);
  const out3 = value + (<usize>e3 << 3);
  k = 0;
  for (; k + 1 < count; k += 2) {
    const at = <usize>k << 3;
    const v0 = f64x2.mul(v128.load(src0 + at), scale0);
    const v1 = f64x2.mul(v128.load(src1 + at), scale1);
    v128.store(out0 + at, v0);
    v128.store(out1 + at, v1);
    if (quad) {
      const v2 = f64x2.mul(v128.load(src2 + at), scale2);
      const v3 = f64x2.mul(v128.load(src3 + at), scale3);
      v128.store(out2 + at, v2);
      v128.store(out3 + at, v3);
      bucketQuad(j0 + k, lows(v0, v1), lows(v2, v3), stakes01, stakes23, columnFill, medianValue, medianStake, voters, stride);
      bucketQuad(j0 + k + 1, highs(v0, v1), highs(v2, v3), stakes01, stakes23, columnFill, medianValue, medianStake, voters, stride);
    } else {
      bucketPair(j0 + k, lows(v0, v1), stakes01, columnFill, medianValue, medianStake, voters, stride);
      bucketPair(j0 + k + 1, highs(v0, v1), stakes01, columnFill, medianValue, medianStake, voters, stride);
    }
  }
  if (k < count) {
    const v0 = f64At(srcValue, a0 + k) * f64x2.extract_lane(scale0, 0);
    const v1 = f64At(srcValue, a1 + k) * f64x2.extract_lane(scale1, 0);
    setF64(value, e + k, v0);
    setF64(value, e1 + k, v1);
    bucketPair(j0 + k, f64x2(v0, v1), stakes01, columnFill, medianValue, medianStake, voters, stride);
    if (quad) {
      const v2 = f64At(srcValue, a2 + k) * f64x2.extract_lane(scale2, 0);
      const v3 = f64At(srcValue, a3 + k) * f64x2.extract_lane(scale3, 0);
      setF64(value, e2 + k, v2);
      setF64(value, e3 + k, v3);
      bucketPair(j0 + k, f64x2(v2, v3), stakes23, columnFill, medianValue, medianStake, voters, stride);
    }
  }
  return e + rows * count;
}

/** Whether row u may take `maskBlock`: inside the stored rows, permitted, no registration check. */
@inline function fastRow(
  u: i32,
  rows: i32,
  permit: usize,
  lastUpdate: usize,
  lastUpdateLen: i32,
  commit: usize,
  commitLen: i32,
  latest: f64,
): bool {
  if (u >= rows || u8At(permit, u) == 0) return false;
  const updated = u < lastUpdateLen ? f64At(lastUpdate, u) : -Infinity;
  const committed = commitLen >= 0 && u < commitLen ? f64At(commit, u) : Infinity;
  return !(updated <= latest || committed < latest);
}

/**
 * epochWeights.ts: mask and normalise the stored weights into `rowStart/col/value` and bucket the
 * voters' positive weights by column. `lastUpdateLen`, `registeredLen` and `commitLen` are the input
 * vectors' lengths (`commitLen` < 0: no commit-reveal); `owner` < 0: no owner. Returns the entry count.
 */
export function maskWeights(
  n: i32,
  rows: i32,
  srcStart: usize,
  srcCol: usize,
  srcValue: usize,
  rowStart: usize,
  col: usize,
  value: usize,
  permit: usize,
  activeStake: usize,
  columnFill: usize,
  medianValue: usize,
  medianStake: usize,
  voters: i32,
  stride: i32,
  lastUpdate: usize,
  lastUpdateLen: i32,
  registered: usize,
  registeredLen: i32,
  commit: usize,
  commitLen: i32,
  owner: i32,
  latest: f64,
): i32 {
  memory.fill(columnFill, 0, <usize>n << 2);
  let e = 0;
  for (let i = 0; i <= n; i++) {
    setI32(rowStart, i, e);
    if (i >= rows || u8At(permit, i) == 0) continue;
    const updated = i < lastUpdateLen ? f64At(lastUpdate, i) : -Infinity;
    const committed = commitLen >= 0 && i < commitLen ? f64At(commit, i) : Infinity;
    const check = updated <= latest || committed < latest;
    if (!check && fastRow(i + 1, rows, permit, lastUpdate, lastUpdateLen, commit, commitLen, latest)) {
      let block = 2;
      let next = -1;
      if (
        fastRow(i + 2, rows, permit, lastUpdate, lastUpdateLen, commit, commitLen, latest) &&
        fastRow(i + 3, rows, permit, lastUpdate, lastUpdateLen, commit, commitLen, latest)
      ) {
        block = 4;
        next = maskBlock(true, n, i, e, srcStart, srcCol, srcValue, col, value, activeStake, columnFill, medianValue, medianStake, voters, stride, owner);
      }
      if (next < 0) {
        block = 2;
        next = maskBlock(false, n, i, e, srcStart, srcCol, srcValue, col, value, activeStake, columnFill, medianValue, medianStake, voters, stride, owner);
      }
      if (next >= 0) {
        // The rows hold the same number of entries each.
        const each = (next - e) / block;
        for (let t = 1; t < block; t++) setI32(rowStart, i + t, e + t * each);
        e = next;
        i += block - 1;
        continue;
      }
    }
    const first = e;
    let sum = 0.0;
    const end = i32At(srcStart, i + 1);
    for (let k = i32At(srcStart, i); k < end; k++) {
      const j = i32At(srcCol, k);
      if (j >= n || j < 0) continue;
      if (j == i && i != owner) continue;
      if (check) {
        const reg = j < registeredLen ? f64At(registered, j) : 0;
        if (updated <= reg || committed < reg) continue;
      }
      const v = f64At(srcValue, k);
      setI32(col, e, j);
      setF64(value, e, v);
      sum += v;
      e++;
    }
    if (sum <= 0) continue;
    const s = f64At(activeStake, i);
    const scale = 1 / sum;
    for (let k = first; k < e; k++) {
      const v = f64At(value, k) * scale;
      setF64(value, k, v);
      if (s > 0 && v > 0) {
        const j = i32At(col, k);
        const fill = i32At(columnFill, j);
        if (fill < voters) {
          const slot = j * stride + fill;
          setF64(medianValue, slot, v);
          setF64(medianStake, slot, s);
          setI32(columnFill, j, fill + 1);
        }
      }
    }
  }
  return e;
}

/**
 * weightedMedianSelect.ts `weightedMedianSelect` on the segment [start, end) of value/stake: the
 * chain's pivot rule, partitioning in place.
 */
export function medianSelect(
  value: usize,
  stake: usize,
  start: i32,
  end: i32,
  minority: f64,
  lo: f64,
  hi: f64,
): f64 {
  for (;;) {
    const len = end - start;
    if (len <= 0) return 0;
    if (len == 1) return f64At(value, start);
    const pivot = f64At(value, start + (len >> 1));
    let lowStake = 0.0;
    let highStake = 0.0;
    let lowCount = 0;
    let highCount = 0;
    for (let i = start; i < end; i++) {
      const v = f64At(value, i);
      const w = f64At(stake, i);
      const below = v < pivot;
      const above = v > pivot;
      lowStake += select<f64>(w, 0, below);
      highStake += select<f64>(w, 0, above);
      lowCount += <i32>below;
      highCount += <i32>above;
    }
    let keepBelow: bool;
    if (minority < lo + lowStake && lowCount > 0) {
      keepBelow = true;
      hi = lo + lowStake;
    } else if (hi - highStake <= minority && highCount > 0) {
      keepBelow = false;
      lo = hi - highStake;
    } else {
      return pivot;
    }
    let k = start;
    if (keepBelow) {
      for (let i = start; i < end; i++) {
        const v = f64At(value, i);
        setF64(value, k, v);
        setF64(stake, k, f64At(stake, i));
        k += <i32>(v < pivot);
      }
    } else {
      for (let i = start; i < end; i++) {
        const v = f64At(value, i);
        setF64(value, k, v);
        setF64(stake, k, f64At(stake, i));
        k += <i32>(v > pivot);
      }
    }
    end = k;
  }
  // Not reached: every round returns or shrinks the segment.
  return 0;
}

// The narrowed segment of the last `narrowMedian` call: its end and stake integral.
let narrowedEnd: i32 = 0;
let narrowedLo: f64 = 0;
let narrowedHi: f64 = 0;

export function narrowedSegmentEnd(): i32 {
  return narrowedEnd;
}
export function narrowedSegmentLo(): f64 {
  return narrowedLo;
}
export function narrowedSegmentHi(): f64 {
  return narrowedHi;
}

/**
 * weightedMedianSelect.ts `narrowMedianSelection`: keep only the value bucket holding the minority.
 * The narrowed end and stake integral are read back with `narrowedSegment*` (unchanged when
 * narrowing cannot help). `ids` is scratch for one byte per entry: each entry's bucket, computed once.
 */
export function narrowMedian(
  value: usize,
  stake: usize,
  start: i32,
  end: i32,
  minority: f64,
  lo: f64,
  hi: f64,
  hist: usize,
  histLength: i32,
  ids: usize,
): void {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let k = start; k < end; k++) {
    const v = f64At(value, k);
    lowest = select<f64>(v, lowest, v < lowest);
    highest = select<f64>(v, highest, v > highest);
  }
  narrowColumn(value, stake, start, end, minority, lo, hi, hist, histLength, ids, lowest, highest);
}

/**
 * `narrowMedian` once the segment's smallest and largest scores are known (the consensus narrows each
 * column with it), the streaming parts in SIMD: the bucket ids computed four at a time into `ids` (an i32 per entry), the stakes then
 * summed into the histogram one entry after another, and the kept bucket found by comparing four ids
 * at a time, its entries moved forward in order.
 */
@inline function narrowColumn(
  value: usize,
  stake: usize,
  start: i32,
  end: i32,
  minority: f64,
  lo: f64,
  hi: f64,
  hist: usize,
  histLength: i32,
  ids: usize,
  lowest: f64,
  highest: f64,
): void {
  narrowedEnd = end;
  narrowedLo = lo;
  narrowedHi = hi;
  const buckets = min(histLength, (end - start) >> 2);
  if (buckets < 4 || !(minority >= lo && minority < hi)) return;
  if (!(highest > lowest)) return;
  const scale = <f64>buckets / (highest - lowest);
  const top = buckets - 1;
  // Stores rather than memory.fill: the engine runs a bulk fill as a call, costly per column.
  for (let b = 0; b < buckets; b++) setF64(hist, b, 0);
  const low2 = f64x2.splat(lowest);
  const scale2 = f64x2.splat(scale);
  const top4 = i32x4.splat(top);
  const count = end - start;
  const from = value + (<usize>start << 3);
  let k = 0;
  for (; k + 3 < count; k += 4) {
    const at = from + (<usize>k << 3);
    const a = i32x4.trunc_sat_f64x2_s_zero(f64x2.mul(f64x2.sub(v128.load(at), low2), scale2));
    const b = i32x4.trunc_sat_f64x2_s_zero(f64x2.mul(f64x2.sub(v128.load(at, 16), low2), scale2));
    v128.store(ids + (<usize>k << 2), i32x4.min_s(i64x2.shuffle(a, b, 0, 2), top4));
  }
  for (; k < count; k++) {
    const b = <i32>((f64At(from, k) - lowest) * scale);
    setI32(ids, k, select<i32>(b, top, b < top));
  }
  const stakes = stake + (<usize>start << 3);
  for (k = 0; k < count; k++) {
    const c = i32At(ids, k);
    setF64(hist, c, f64At(hist, c) + f64At(stakes, k));
  }
  let edge = lo;
  let target = -1;
  for (let b = 0; b < buckets; b++) {
    const w = f64At(hist, b);
    if (w > 0 && minority < edge + w) {
      target = b;
      break;
    }
    edge += w;
  }
  if (target < 0) return;
  const target4 = i32x4.splat(target);
  let kept = start;
  k = 0;
  for (; k + 3 < count; k += 4) {
    let m = i32x4.bitmask(i32x4.eq(v128.load(ids + (<usize>k << 2)), target4));
    while (m != 0) {
      const t = start + k + ctz(m);
      setF64(value, kept, f64At(value, t));
      setF64(stake, kept, f64At(stake, t));
      kept++;
      m &= m - 1;
    }
  }
  for (; k < count; k++) {
    if (i32At(ids, k) == target) {
      setF64(value, kept, f64At(value, start + k));
      setF64(stake, kept, f64At(stake, start + k));
      kept++;
    }
  }
  narrowedEnd = kept;
  narrowedLo = edge;
  narrowedHi = edge + f64At(hist, target);
}

/**
 * consensus.ts `stakeWeightedConsensus`: the stake-weighted median of each column into `out`. One
 * pass per column finds the score range the narrowing needs (two lanes at a time) and, when some
 * voter has no weight there, the listed stake (the rest votes 0).
 */
export function consensus(
  n: i32,
  total: f64,
  minority: f64,
  columnFill: usize,
  medianValue: usize,
  medianStake: usize,
  voters: i32,
  stride: i32,
  hist: usize,
  histLength: i32,
  ids: usize,
  out: usize,
): void {
  for (let j = 0; j < n; j++) {
    const count = i32At(columnFill, j);
    const start = j * stride;
    const end = start + count;
    const zeros = voters - count;
    if (count == 0) {
      setF64(out, j, 0);
      continue;
    }
    // Pseudo-min/max (`b < a ? b : a`): the scalar selects' semantics, one instruction each, on
    // two accumulators so consecutive loads do not wait on each other.
    let lowA = f64x2.splat(Infinity);
    let highA = f64x2.splat(-Infinity);
    let lowB = lowA;
    let highB = highA;
    let k = start;
    for (; k + 3 < end; k += 4) {
      const at = medianValue + (<usize>k << 3);
      const a = v128.load(at);
      const b = v128.load(at, 16);
      lowA = f64x2.pmin(lowA, a);
      highA = f64x2.pmax(highA, a);
      lowB = f64x2.pmin(lowB, b);
      highB = f64x2.pmax(highB, b);
    }
    const low2 = f64x2.pmin(lowA, lowB);
    const high2 = f64x2.pmax(highA, highB);
    let lowest = f64x2.extract_lane(low2, 0);
    let highest = f64x2.extract_lane(high2, 0);
    const low1 = f64x2.extract_lane(low2, 1);
    const high1 = f64x2.extract_lane(high2, 1);
    lowest = select<f64>(low1, lowest, low1 < lowest);
    highest = select<f64>(high1, highest, high1 > highest);
    for (; k < end; k++) {
      const v = f64At(medianValue, k);
      lowest = select<f64>(v, lowest, v < lowest);
      highest = select<f64>(v, highest, v > highest);
    }
    if (minority < 0) {
      // Below every stake: the smallest score (0 if some voter has no weight here).
      setF64(out, j, zeros > 0 ? 0 : lowest);
      continue;
    }
    if (minority >= total) {
      setF64(out, j, highest);
      continue;
    }
    let zeroStake = 0.0;
    if (zeros > 0) {
      // Voters without a (positive) weight here hold the rest of the stake, all at score 0.
      let listed = 0.0;
      for (let e = start; e < end; e++) listed += f64At(medianStake, e);
      zeroStake = max(0, total - listed);
      if (minority < zeroStake) {
        setF64(out, j, 0);
        continue;
      }
    }
    narrowColumn(medianValue, medianStake, start, end, minority, zeroStake, total, hist, histLength, ids, lowest, highest);
    setF64(
      out,
      j,
      medianSelect(medianValue, medianStake, start, narrowedEnd, minority, narrowedLo, narrowedHi),
    );
  }
}

/** Stored u16 bonds as proportions times the kept share, (1 - a) B, two at a time (see `yuma3Bonds`). */
@inline function keptBonds(u: v128, keep: v128): v128 {
  const carry = v128.and(f64x2.eq(u, f64x2.splat(65535)), f64x2.splat(1));
  return f64x2.mul(f64x2.add(f64x2.mul(u, f64x2.splat(65537)), carry), keep);
}

/**
 * Two consecutive bond rows of `yuma3Bonds` at β = 1 in one pass, when both UIDs weigh the same run of
 * consecutive columns and each stored bond row is empty or that same run: the common dense case. Every
 * cell gets the same operations in the same order as the row-by-row loops (per column: row i0's bond,
 * its a W̄, then row i1's; an empty bond row reads u16 zeros from `zeros`, giving a bond of 0, and
 * x + 0 = x), so the results are identical; the two trust sums run as the lanes of one vector, each in
 * column order. Returns false, having written nothing, when the rows do not fit.
 */
@inline function yuma3Pair(
  n: i32,
  i0: i32,
  i1: i32,
  row0: usize,
  row1: usize,
  columnSum: usize,
  consensusPtr: usize,
  activeStake: usize,
  rank: usize,
  trust: usize,
  wStart: usize,
  wCol: usize,
  wValue: usize,
  bStart: usize,
  bCol: usize,
  bValue: usize,
  zeros: usize,
  alpha: f64,
  keep: f64,
): bool {
  const e0 = i32At(wStart, i0);
  const e1 = i32At(wStart, i1);
  const count = i32At(wStart, i0 + 1) - e0;
  if (count < 2 || i32At(wStart, i1 + 1) - e1 != count) return false;
  const j0 = runStart(wCol, e0, e0 + count);
  if (j0 < 0 || j0 + count > n || runStart(wCol, e1, e1 + count) != j0) return false;
  const b0 = i32At(bStart, i0);
  const b1 = i32At(bStart, i1);
  const bonds0 = i32At(bStart, i0 + 1) - b0;
  const bonds1 = i32At(bStart, i1 + 1) - b1;
  if (bonds0 != 0 && (bonds0 != count || runStart(bCol, b0, b0 + count) != j0)) return false;
  if (bonds1 != 0 && (bonds1 != count || runStart(bCol, b1, b1 + count) != j0)) return false;
  const u0 = bonds0 != 0 ? bValue + (<usize>b0 << 3) : zeros;
  const u1 = bonds1 != 0 ? bValue + (<usize>b1 << 3) : zeros;
  const keep2 = f64x2.splat(keep);
  const s0 = f64At(activeStake, i0);
  const s1 = f64At(activeStake, i1);
  const stake0 = f64x2.splat(s0);
  const stake1 = f64x2.splat(s1);
  const alpha2 = f64x2.splat(alpha);
  let trusts = f64x2.splat(0);
  // Base addresses of the run in each array, so each access inside the loop is one add.
  const column = <usize>j0 << 3;
  const weights0 = wValue + (<usize>e0 << 3);
  const weights1 = wValue + (<usize>e1 << 3);
  const consensusRun = consensusPtr + column;
  const rankRun = rank + column;
  const run0 = row0 + column;
  const run1 = row1 + column;
  const sumRun = columnSum + column;
  let k = 0;
  for (; k + 1 < count; k += 2) {
    const at = <usize>k << 3;
    const w0 = v128.load(weights0 + at);
    const w1 = v128.load(weights1 + at);
    const c = v128.load(consensusRun + at);
    // c >= w ? w : c; `pmin(c, w)` is w < c ? w : c, the same value (weights and consensus are
    // never -0, so equal ones are the same bits), in one instruction.
    const clip0 = f64x2.pmin(c, w0);
    const clip1 = f64x2.pmin(c, w1);
    trusts = f64x2.add(trusts, lows(clip0, clip1));
    trusts = f64x2.add(trusts, highs(clip0, clip1));
    const ranked = f64x2.add(v128.load(rankRun + at), f64x2.mul(stake0, clip0));
    v128.store(rankRun + at, f64x2.add(ranked, f64x2.mul(stake1, clip1)));
    const x0 = keptBonds(v128.load(u0 + at), keep2);
    const x1 = keptBonds(v128.load(u1 + at), keep2);
    const g0 = f64x2.mul(alpha2, clip0);
    const g1 = f64x2.mul(alpha2, clip1);
    v128.store(run0 + at, f64x2.add(x0, g0));
    v128.store(run1 + at, f64x2.add(x1, g1));
    const sum = f64x2.add(f64x2.add(f64x2.add(f64x2.add(v128.load(sumRun + at), x0), g0), x1), g1);
    v128.store(sumRun + at, sum);
  }
  let t0 = f64x2.extract_lane(trusts, 0);
  let t1 = f64x2.extract_lane(trusts, 1);
  if (k < count) {
    const j = j0 + k;
    const c = f64At(consensusPtr, j);
    const w0 = f64At(wValue, e0 + k);
    const w1 = f64At(wValue, e1 + k);
    const clip0 = select<f64>(w0, c, c >= w0);
    const clip1 = select<f64>(w1, c, c >= w1);
    t0 += clip0;
    t1 += clip1;
    setF64(rank, j, f64At(rank, j) + s0 * clip0 + s1 * clip1);
    const bond0 = f64At(u0, k);
    const bond1 = f64At(u1, k);
    const x0 = (bond0 * 65537 + (bond0 == 65535 ? 1 : 0)) * keep;
    const x1 = (bond1 * 65537 + (bond1 == 65535 ? 1 : 0)) * keep;
    const g0 = alpha * clip0;
    const g1 = alpha * clip1;
    setF64(row0, j, x0 + g0);
    setF64(row1, j, x1 + g1);
    setF64(columnSum, j, f64At(columnSum, j) + x0 + g0 + x1 + g1);
  }
  setF64(trust, i0, t0);
  setF64(trust, i1, t1);
  return true;
}

/**
 * yuma3Bonds.ts without liquid alpha: B' = a W_b + (1 - a) B into the dense rows `ema`, its column
 * sums, and trust and ranks from the clipped weights. `rank`, `trust`, `columnSum` and the bond rows
 * start at zero; the stored bonds list n rows (those past the input's end empty). `masked` != 0: drop
 * stored bonds towards a miner registered at or after `lastTempo`. Inlined with a constant
 * `penalty`, so each export below gets its own loop: at the chain's default (β = 1, W_b = W̄) an
 * entry clipped away (above a consensus of 0) adds a W̄ of 0, the same as leaving it out, and the
 * loop needs no branch; one loop serving both would run at half the speed.
 */
@inline function yuma3Bonds(
  penalty: bool,
  n: i32,
  bondRows: usize,
  bondRowCount: i32,
  ema: usize,
  columnSum: usize,
  consensusPtr: usize,
  activeStake: usize,
  rank: usize,
  trust: usize,
  wStart: usize,
  wCol: usize,
  wValue: usize,
  bStart: usize,
  bCol: usize,
  bValue: usize,
  zeros: usize,
  registered: usize,
  registeredLen: i32,
  masked: i32,
  lastTempo: f64,
  alpha: f64,
  beta: f64,
): void {
  // (1 - a) u16 / 65535 with the grid's 2^-32 folded into the factor (exact: a power of two).
  const keep = (1 - alpha) * UNIT;
  for (let r = 0; r < bondRowCount; r++) {
    const i = i32At(bondRows, r);
    const row = ema + (<usize>(r * n) << 3);
    if (!penalty && masked == 0 && r + 1 < bondRowCount) {
      const i1 = i32At(bondRows, r + 1);
      if (yuma3Pair(n, i, i1, row, row + (<usize>n << 3), columnSum, consensusPtr, activeStake, rank, trust, wStart, wCol, wValue, bStart, bCol, bValue, zeros, alpha, keep)) {
        r++;
        continue;
      }
    }
    const bEnd = i32At(bStart, i + 1);
    for (let k = i32At(bStart, i); k < bEnd; k++) {
      const j = i32At(bCol, k);
      if (j >= n || (masked != 0 && lastTempo <= (j < registeredLen ? f64At(registered, j) : 0))) continue;
      const u = f64At(bValue, k);
      const x = (u * 65537 + (u == 65535 ? 1 : 0)) * keep;
      setF64(row, j, x);
      setF64(columnSum, j, f64At(columnSum, j) + x);
    }
    const s = f64At(activeStake, i);
    const wEnd = i32At(wStart, i + 1);
    let trustSum = 0.0;
    for (let e = i32At(wStart, i); e < wEnd; e++) {
      const j = i32At(wCol, e);
      const w = f64At(wValue, e);
      const c = f64At(consensusPtr, j);
      const clipped = select<f64>(w, c, c >= w);
      trustSum += clipped;
      setF64(rank, j, f64At(rank, j) + s * clipped);
      let b = clipped;
      if (penalty) {
        b = bondWeight(w, c, beta);
        if (b == ABSENT) continue;
      }
      const x = alpha * b;
      setF64(row, j, f64At(row, j) + x);
      setF64(columnSum, j, f64At(columnSum, j) + x);
    }
    setF64(trust, i, trustSum);
  }
}

/**
 * Yuma 3 bonds at the chain's default bonds penalty (β = 1); see `yuma3Bonds`. Takes β (ignored) so
 * both exports share one signature and the caller picks either without building an argument list.
 */
export function yuma3FixedBonds(
  n: i32,
  bondRows: usize,
  bondRowCount: i32,
  ema: usize,
  columnSum: usize,
  consensusPtr: usize,
  activeStake: usize,
  rank: usize,
  trust: usize,
  wStart: usize,
  wCol: usize,
  wValue: usize,
  bStart: usize,
  bCol: usize,
  bValue: usize,
  zeros: usize,
  registered: usize,
  registeredLen: i32,
  masked: i32,
  lastTempo: f64,
  alpha: f64,
  beta: f64,
): void {
  yuma3Bonds(false, n, bondRows, bondRowCount, ema, columnSum, consensusPtr, activeStake, rank, trust, wStart, wCol, wValue, bStart, bCol, bValue, zeros, registered, registeredLen, masked, lastTempo, alpha, 1);
}

/** Yuma 3 bonds at any other bonds penalty β: W_b = W + β (W̄ - W), kept where positive. */
export function yuma3PenaltyBonds(
  n: i32,
  bondRows: usize,
  bondRowCount: i32,
  ema: usize,
  columnSum: usize,
  consensusPtr: usize,
  activeStake: usize,
  rank: usize,
  trust: usize,
  wStart: usize,
  wCol: usize,
  wValue: usize,
  bStart: usize,
  bCol: usize,
  bValue: usize,
  zeros: usize,
  registered: usize,
  registeredLen: i32,
  masked: i32,
  lastTempo: f64,
  alpha: f64,
  beta: f64,
): void {
  yuma3Bonds(true, n, bondRows, bondRowCount, ema, columnSum, consensusPtr, activeStake, rank, trust, wStart, wCol, wValue, bStart, bCol, bValue, zeros, registered, registeredLen, masked, lastTempo, alpha, beta);
}

/** A row's dividend before normalising: what its bonds buy, times its active stake under Yuma 3. */
@inline function setDividend(dividends: usize, activeStake: usize, i: i32, bought: f64, yuma3: i32): void {
  setF64(dividends, i, yuma3 != 0 ? bought * f64At(activeStake, i) : bought);
}

/**
 * One dense Yuma 3 bond row's positive entries as stored u16 bonds from entry `e` on; returns the
 * entry count after it. Four columns per step: all positive (the usual case) store as vectors, all
 * zero skip, a mixed block goes entry by entry; `pmin` is the clamp's `v > 65535 ? 65535 : v` (the
 * floor of a positive is never below 0).
 */
@inline function storeBondRow(n: i32, row: usize, col: usize, value: usize, e: i32): i32 {
  const zero = f64x2.splat(0);
  const scale = f64x2.splat(65535);
  let columns = i32x4(0, 1, 2, 3);
  const four = i32x4.splat(4);
  let j = 0;
  for (; j + 3 < n; j += 4, columns = i32x4.add(columns, four)) {
    const at = row + (<usize>j << 3);
    const v = v128.load(at);
    const w = v128.load(at, 16);
    const pv = f64x2.gt(v, zero);
    const pw = f64x2.gt(w, zero);
    if (i64x2.bitmask(v128.and(pv, pw)) == 3) {
      const to = value + (<usize>e << 3);
      v128.store(to, f64x2.pmin(f64x2.floor(f64x2.mul(v, scale)), scale));
      v128.store(to, f64x2.pmin(f64x2.floor(f64x2.mul(w, scale)), scale), 16);
      v128.store(col + (<usize>e << 2), columns);
      e += 4;
      continue;
    }
    if (i64x2.bitmask(v128.or(pv, pw)) == 0) continue;
    for (let t = j; t < j + 4; t++) {
      const x = f64At(row, t);
      if (x > 0) {
        setI32(col, e, t);
        setF64(value, e, proportionToU16(x));
        e++;
      }
    }
  }
  for (; j < n; j++) {
    const x = f64At(row, j);
    if (x > 0) {
      setI32(col, e, j);
      setF64(value, e, proportionToU16(x));
      e++;
    }
  }
  return e;
}

/**
 * bondDividends.ts: dividends (not yet normalised) and the bonds to store, rows of validators holding
 * a new permit, from the dense rows `ema`. Returns the stored entry count.
 */
export function bondDividends(
  n: i32,
  bondRows: usize,
  bondRowCount: i32,
  ema: usize,
  incentive: usize,
  activeStake: usize,
  validatorPermit: usize,
  columnSum: usize,
  columnMax: usize,
  factor: usize,
  dividends: usize,
  rowStart: usize,
  col: usize,
  value: usize,
  yuma3: i32,
): i32 {
  for (let j = 0; j < n; j++) {
    const s = f64At(columnSum, j);
    setF64(factor, j, s > 0 ? f64At(incentive, j) / s : 0);
  }
  memory.fill(dividends, 0, <usize>n << 3);
  // What each row's bonds buy, four (then two) rows at a time: the rows' sums are independent, so
  // they run as the lanes of two vectors, each still in column order.
  const rowBytes = <usize>n << 3;
  let r = 0;
  for (; r + 3 < bondRowCount; r += 4) {
    const row0 = ema + <usize>r * rowBytes;
    const row1 = row0 + rowBytes;
    const row2 = row1 + rowBytes;
    const row3 = row2 + rowBytes;
    let front = f64x2.splat(0);
    let back = f64x2.splat(0);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const at = <usize>j << 3;
      const f = v128.load(factor + at);
      const p0 = f64x2.mul(v128.load(row0 + at), f);
      const p1 = f64x2.mul(v128.load(row1 + at), f);
      const p2 = f64x2.mul(v128.load(row2 + at), f);
      const p3 = f64x2.mul(v128.load(row3 + at), f);
      front = f64x2.add(front, lows(p0, p1));
      back = f64x2.add(back, lows(p2, p3));
      front = f64x2.add(front, highs(p0, p1));
      back = f64x2.add(back, highs(p2, p3));
    }
    let b0 = f64x2.extract_lane(front, 0);
    let b1 = f64x2.extract_lane(front, 1);
    let b2 = f64x2.extract_lane(back, 0);
    let b3 = f64x2.extract_lane(back, 1);
    if (j < n) {
      const f = f64At(factor, j);
      b0 += f64At(row0, j) * f;
      b1 += f64At(row1, j) * f;
      b2 += f64At(row2, j) * f;
      b3 += f64At(row3, j) * f;
    }
    setDividend(dividends, activeStake, i32At(bondRows, r), b0, yuma3);
    setDividend(dividends, activeStake, i32At(bondRows, r + 1), b1, yuma3);
    setDividend(dividends, activeStake, i32At(bondRows, r + 2), b2, yuma3);
    setDividend(dividends, activeStake, i32At(bondRows, r + 3), b3, yuma3);
  }
  for (; r < bondRowCount; r++) {
    const row = ema + <usize>r * rowBytes;
    let bought = 0.0;
    for (let j = 0; j < n; j++) bought += f64At(row, j) * f64At(factor, j);
    setDividend(dividends, activeStake, i32At(bondRows, r), bought, yuma3);
  }
  // The bonds to store: rows of new permit holders, every positive entry.
  let e = 0;
  let next = 0;
  for (r = 0; r <= bondRowCount; r++) {
    const i = r < bondRowCount ? i32At(bondRows, r) : n;
    while (next <= i) setI32(rowStart, next++, e);
    if (i == n) break;
    if (u8At(validatorPermit, i) == 0) continue;
    const row = ema + <usize>r * rowBytes;
    if (yuma3 != 0) {
      e = storeBondRow(n, row, col, value, e);
      continue;
    }
    for (let j = 0; j < n; j++) {
      const v = f64At(row, j);
      if (v > 0) {
        setI32(col, e, j);
        setF64(value, e, proportionToU16(v / f64At(columnMax, j)));
        e++;
      }
    }
  }
  return e;
}

/**
 * clipWeights.ts `normalizeIncentive` and bondDividends.ts `normalizeDividends`: n values divided by
 * their sum (summed in order) when it is positive, two divisions per instruction.
 */
export function normalize(values: usize, n: i32): void {
  let sum = 0.0;
  for (let j = 0; j < n; j++) sum += f64At(values, j);
  if (sum > 0) divideAll(values, n, sum);
}

/** n values each divided by `by`, two divisions per instruction. */
function divideAll(values: usize, n: i32, by: f64): void {
  const lanes = f64x2.splat(by);
  let j = 0;
  for (; j + 1 < n; j += 2) {
    const at = values + (<usize>j << 3);
    v128.store(at, f64x2.div(v128.load(at), lanes));
  }
  if (j < n) setF64(values, j, f64At(values, j) / by);
}

/**
 * epochEmission.ts when incentive and dividends have something to share: each UID's miner,
 * validator and combined emission, floor(x / total * rao), two UIDs per instruction. Returns 0,
 * writing nothing, when their total is not positive.
 */
export function emission(
  n: i32,
  incentive: usize,
  dividends: usize,
  server: usize,
  validator: usize,
  combined: usize,
  rao: f64,
): i32 {
  let total = 0.0;
  for (let i = 0; i < n; i++) total += f64At(incentive, i) + f64At(dividends, i);
  if (!(total > 0)) return 0;
  const total2 = f64x2.splat(total);
  const rao2 = f64x2.splat(rao);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = <usize>i << 3;
    const inc = v128.load(incentive + at);
    const div = v128.load(dividends + at);
    v128.store(server + at, f64x2.floor(f64x2.mul(f64x2.div(inc, total2), rao2)));
    v128.store(validator + at, f64x2.floor(f64x2.mul(f64x2.div(div, total2), rao2)));
    v128.store(combined + at, f64x2.floor(f64x2.mul(f64x2.div(f64x2.add(inc, div), total2), rao2)));
  }
  if (i < n) {
    const inc = f64At(incentive, i);
    const div = f64At(dividends, i);
    setF64(server, i, Math.floor((inc / total) * rao));
    setF64(validator, i, Math.floor((div / total) * rao));
    setF64(combined, i, Math.floor(((inc + div) / total) * rao));
  }
  return 1;
}

/**
 * epochStake.ts on the raw stakes copied into `stake`: below the threshold (floored) counts as zero
 * (`owner` exempt, < 0: none), the rest normalised and truncated to the 2^-32 grid, in place.
 */
export function epochStake(n: i32, stake: usize, owner: i32, threshold: f64): void {
  let total = 0.0;
  for (let i = 0; i < n; i++) {
    const s = f64At(stake, i);
    const kept = i != owner && Math.floor(s) < threshold ? 0 : s;
    setF64(stake, i, kept);
    total += kept;
  }
  if (total == 0) return;
  const total2 = f64x2.splat(total);
  const grid = f64x2.splat(4294967296);
  const unit2 = f64x2.splat(UNIT);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const at = stake + (<usize>i << 3);
    v128.store(at, f64x2.mul(f64x2.floor(f64x2.mul(f64x2.div(v128.load(at), total2), grid)), unit2));
  }
  if (i < n) setF64(stake, i, Math.floor((f64At(stake, i) / total) * 4294967296) * UNIT);
}

/**
 * activeStake.ts: the stake of active UIDs holding a permit this epoch, normalised when positive.
 * Returns the voters (UIDs with active stake > 0).
 */
export function activeStake(n: i32, stake: usize, active: usize, permit: usize, out: usize): i32 {
  let total = 0.0;
  let voters = 0;
  for (let i = 0; i < n; i++) {
    const s = u8At(active, i) != 0 && u8At(permit, i) != 0 ? f64At(stake, i) : 0;
    setF64(out, i, s);
    total += s;
    voters += <i32>(s > 0);
  }
  if (total > 0) divideAll(out, n, total);
  return voters;
}
