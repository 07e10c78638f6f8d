/**
 * The `register` intent (spec §9.1, §9.2, §9.4): a new subnet pays the lock cost, which seeds its pool at
 * the median spot price of the existing subnets. When the active subnets number the subnet limit
 * (`params.subnetLimit`, default every slot) or more, the non-immune subnet with the lowest moving price
 * (ties: earliest registration, then lowest slot) is dissolved first and its slot reused, as the chain's
 * `register_network` does; otherwise the lowest free slot is taken. A limit lowered below the active
 * count dissolves nothing by itself: the network counts as full, so no subnet is added and each
 * registration replaces the one it prunes (the count stays where it is, as on chain). Registrations are
 * rate limited globally. The
 * chain's own functions (bigint, in rao) compute the lock cost, the median and the pruning choice:
 * registration is rare, so exactness costs nothing here.
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { blockEmissionForIssuance } from '../emission/blockEmission.ts';
import { fromF64, toF64, U64F64, type U64F64 as U64F64Value } from '../fixed/index.ts';
import { networkLockCost } from '../registration/lockCost.ts';
import { medianSubnetPrice } from '../registration/medianSubnetPrice.ts';
import { isNetworkImmune, networkToPrune } from '../registration/networkToPrune.ts';
import { dissolveSlot } from './dissolveSlot.ts';
import { spotAt } from './poolSwapTao.ts';
import { subnetLimitOf } from './subnetLimitOf.ts';
import type { KernelParams, KernelState } from './types.ts';

const RAO = Number(RAO_PER_TAO);
const toRao = (x: number) => BigInt(Math.max(0, Math.floor(x * RAO)));

/** Lock cost of a new subnet now, TAO (`get_network_lock_cost`). */
export function kernelLockCost(state: KernelState, params: KernelParams): number {
  const cost = networkLockCost({
    lastLock: toRao(state.lastLock),
    lastLockBlock: state.lastLockBlock,
    block: state.block,
    minLock: toRao(params.minLock),
    reductionInterval: BigInt(params.lockReductionInterval),
    blockEmission: blockEmissionForIssuance(toRao(state.issuance)),
  });
  return Number(cost) / RAO;
}

/** Outcome of {@link registerSubnet}: the lock paid (0 when refused) and the slots touched. */
export interface Registration {
  readonly lock: number;
  readonly slot: number | null;
  readonly pruned: number | null;
  /** TAO paid to each holder class by the pruned subnet's dissolution (null when none). */
  readonly dissolution: number[] | null;
}

const REFUSED: Registration = { lock: 0, slot: null, pruned: null, dissolution: null };

/**
 * Register a subnet at the state's block (see the file comment); refused when rate limited, when the
 * network is full and `pruneAtLimit` is false, when every subnet is immune, or when users hold less TAO
 * than the lock.
 */
export function registerSubnet(args: {
  readonly state: KernelState;
  readonly params: KernelParams;
  readonly startImmediately: boolean;
}): Registration {
  const { state, params } = args;
  const c = state.columns;
  const block = state.block;
  if (state.lastLockBlock !== 0 && block - state.lastLockBlock < params.networkRateLimit) return REFUSED;
  let slot = activeCount(state) < subnetLimitOf(params) ? c.active.indexOf(0) : -1;
  let pruned: number | null = null;
  if (slot < 0) {
    if (params.pruneAtLimit === false) return REFUSED;
    pruned = subnetToPrune(state, params);
    if (pruned === null) return REFUSED;
    slot = pruned;
  }
  const lock = kernelLockCost(state, params);
  if (lock > state.external) return REFUSED;
  const dissolution = pruned === null ? null : dissolveSlot(state, pruned);

  const median = toF64(U64F64, medianSpotPrice(state));
  // The whole lock seeds the pool (the cost is never below the minimum lock).
  const tao = lock;
  state.external -= lock;
  c.active[slot] = 1;
  c.registeredAt[slot] = block;
  c.startBlock[slot] = args.startImmediately ? block : Number.POSITIVE_INFINITY;
  c.emissionEnabled[slot] = params.newSubnetEmissionEnabled ? 1 : 0;
  c.taoReserve[slot] = tao;
  c.alphaIn[slot] = median > 0 ? tao / median : 0;
  c.wQuote[slot] = 0.5;
  c.lastEpochBlock[slot] = block - ((slot + 1) % params.tempo);
  state.lastLock = lock;
  state.lastLockBlock = block;
  return { lock, slot, pruned, dissolution };
}

function activeCount(state: KernelState): number {
  const active = state.columns.active;
  let n = 0;
  for (let i = 0; i < active.length; i++) n += active[i]!;
  return n;
}

/** Largest float moving price converted one by one (beyond it, the exact rule runs on every subnet). */
const FAST_PRICE_LIMIT = 2 ** 62;
/** Float moving prices within this of the lowest may equal it in U64F64 (2^-64 steps): compared exactly. */
const PRICE_TIE = 2 ** -62;

/**
 * `networkToPrune` on the moving prices in U64F64. The conversion from float is monotone, so only the
 * subnets whose float price is within {@link PRICE_TIE} of the lowest can be chosen: the exact rule (with
 * its tie-breaks) runs on those alone, in slot order, and chooses the subnet it would among all.
 */
function subnetToPrune(state: KernelState, params: KernelParams): number | null {
  const c = state.columns;
  const block = state.block;
  const immuneAt = (i: number) =>
    isNetworkImmune({
      block,
      registeredAt: c.registeredAt[i]!,
      immunityPeriod: params.networkImmunityPeriod,
    });
  let lowest = Number.POSITIVE_INFINITY;
  // Any price out of the plain range (NaN, negative, huge) takes the exact rule on every subnet.
  let plain = true;
  for (let i = 0; i < params.slots; i++) {
    if (c.active[i] !== 1) continue; // a free slot below a lowered limit holds nothing to prune
    const p = c.movingPrice[i]!;
    if (!(p >= 0 && p < FAST_PRICE_LIMIT)) plain = false;
    else if (p < lowest && !immuneAt(i)) lowest = p;
  }
  const candidates = [];
  for (let i = 0; i < params.slots; i++) {
    if (c.active[i] !== 1) continue;
    const immune = immuneAt(i);
    if (plain && (immune || !(c.movingPrice[i]! - lowest <= PRICE_TIE))) continue;
    candidates.push({
      netuid: i,
      movingPrice: fromF64(U64F64, c.movingPrice[i]!),
      registeredAt: c.registeredAt[i]!,
      immune,
    });
  }
  return networkToPrune(candidates);
}

let sortedPrices = new Float64Array(0);

/**
 * `medianSubnetPrice` of the active subnets' spot prices in U64F64. The conversion from float is
 * monotone, so the floats sorted are the U64F64 prices sorted: only the prices that round to 0 (a prefix,
 * dropped by the rule) and the one or two middle ones are converted.
 */
function medianSpotPrice(state: KernelState): U64F64Value {
  const c = state.columns;
  const slots = c.active.length;
  if (sortedPrices.length < slots) sortedPrices = new Float64Array(slots);
  let count = 0;
  for (let i = 0; i < slots; i++) {
    if (c.active[i] !== 1) continue;
    const p = spotAt(c, i);
    if (p > 0) sortedPrices[count++] = p;
  }
  const sorted = sortedPrices.subarray(0, count).sort();
  let zeros = 0;
  while (zeros < count && fromF64(U64F64, sorted[zeros]!) === 0n) zeros += 1;
  const n = count - zeros;
  if (n === 0) return medianSubnetPrice([]);
  const upper = fromF64(U64F64, sorted[zeros + (n >> 1)]!);
  if (n % 2 === 1) return medianSubnetPrice([upper]);
  return medianSubnetPrice([fromF64(U64F64, sorted[zeros + ((n - 1) >> 1)]!), upper]);
}
