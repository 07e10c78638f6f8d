/**
 * A kernel state from initial pools and holdings. AlphaOut is derived from the holders, so a new state
 * satisfies the alpha identity by construction, and `external` (TAO held by users) is what the issuance
 * leaves after pools, subnet accounts, root stake and burned TAO.
 */
import { InputError } from '../errors.ts';
import { DEFAULT_RULE_PACK } from '../rules/rulePackTraits.ts';
import { DEFAULT_FLOW_SMOOTHING } from './flowSharesF64.ts';
import { DEFAULT_GATE_EXPONENT, DEFAULT_GATE_QUANTILE } from './gateF64.ts';
import { kernelRuleSettings } from './kernelRuleSettings.ts';
import { subnetLimitOf } from './subnetLimitOf.ts';
import {
  HOLDER_CLASSES,
  type HolderClass,
  KERNEL_RULE_PACKS,
  type KernelColumns,
  type KernelMechanisms,
  type KernelParams,
  type KernelState,
} from './types.ts';

/** One subnet of the initial state (TAO and alpha units). */
export interface KernelSubnetInit {
  /** Slot (default: its index in the list). The chain's netuid n maps to slot n − 1. */
  readonly slot?: number;
  readonly taoReserve: number;
  readonly alphaIn: number;
  /** Balancer quote weight in [0.01, 0.99] (default 0.5). */
  readonly wQuote?: number;
  /** SubnetMovingPrice (default 0, as for a new subnet). */
  readonly movingPrice?: number;
  readonly minerBurned?: number;
  /** Alpha held by each class (default none). */
  readonly holdings?: Readonly<Partial<Record<HolderClass, number>>>;
  readonly protocolAlpha?: number;
  readonly pendingServer?: number;
  readonly pendingValidator?: number;
  readonly pendingRoot?: number;
  readonly pendingOwner?: number;
  readonly burnedAlpha?: number;
  readonly unownedAlpha?: number;
  /** TAO in the subnet account outside the reserve (default 0). */
  readonly accountTao?: number;
  /** Flow packs: EMA of net user TAO flow, TAO per block (default 0; may be negative). */
  readonly flowEma?: number;
  /** TAO-side emission switch (default true). */
  readonly emissionEnabled?: boolean;
  /** Block of registration (default: just past the immunity period, as in an existing network). */
  readonly registeredAt?: number;
  /** Block of the start call; null = not started (default the block before the state's, as at genesis). */
  readonly startBlock?: number | null;
  /** Block of the last epoch (default staggered as the chain does: block − (netuid mod tempo)). */
  readonly lastEpochBlock?: number;
}

/** Inputs of {@link createKernelState}. */
export interface KernelStateInit {
  readonly params: KernelParams;
  readonly subnets: readonly KernelSubnetInit[];
  /** TotalIssuance, TAO. */
  readonly issuance: number;
  /** TAO staked on root. */
  readonly rootStake: number;
  /** Block of the state (default 0). */
  readonly block?: number;
  /** TAO burned so far (kept in issuance; default 0). */
  readonly burnedTao?: number;
  /** Last network registration's lock (TAO) and block (default 0 = never). */
  readonly lastLock?: number;
  readonly lastLockBlock?: number;
}

/** Zeroed columns for `slots` slots. */
export function emptyColumns(slots: number): KernelColumns {
  const f = () => new Float64Array(slots);
  return {
    active: new Uint8Array(slots),
    registeredAt: f(),
    startBlock: f(),
    emissionEnabled: new Uint8Array(slots),
    taoReserve: f(),
    alphaIn: f(),
    alphaOut: f(),
    wQuote: f(),
    accountTao: f(),
    movingPrice: f(),
    minerBurned: f(),
    protocolAlpha: f(),
    pendingServer: f(),
    pendingValidator: f(),
    pendingRoot: f(),
    pendingOwner: f(),
    unownedAlpha: f(),
    burnedAlpha: f(),
    holdings: new Float64Array(slots * HOLDER_CLASSES.length),
    lastEpochBlock: f(),
    emittedTao: f(),
    injectedTao: f(),
    chainBuyTao: f(),
    userStakeTao: f(),
    userUnstakeTao: f(),
    burnedValueTao: f(),
    emittedAlpha: f(),
    rootUnstakeTao: f(),
    flowEma: f(),
    protocolEma: f(),
    flowMark: f(),
    rootSellMark: f(),
    covenantOn: f(),
    bondTao: f(),
    covenantDue: f(),
    covenantPaid: f(),
    missedPeriods: f(),
    defaulted: f(),
    slashedTao: f(),
    defaults: f(),
    vestingAlpha: f(),
    vestedAlpha: f(),
    forfeitedAlpha: f(),
    creditsOutstanding: f(),
    creditEscrowTao: f(),
    creditsRedeemed: f(),
    creditsUnserved: f(),
    usageEma: f(),
    usagePaidTao: f(),
    usageMark: f(),
    computeBurnTao: f(),
    computeMintTao: f(),
    computeWork: f(),
    treasuryTao: f(),
    mechRecycledTao: f(),
  };
}

function amount(field: string, v: number | undefined): number {
  const x = v ?? 0;
  if (!Number.isFinite(x) || x < 0) throw new InputError(field, 'must be a finite non-negative number');
  return x;
}

/** Check the parameters a step relies on. */
export function checkKernelParams(params: KernelParams): void {
  for (const key of ['slots', 'blocksPerStep', 'tempo'] as const) {
    const v = params[key];
    if (!Number.isInteger(v) || v < 1) throw new InputError(`params.${key}`, 'must be a positive integer');
  }
  for (const key of ['taoWeight', 'ownerCut', 'feeRate'] as const) {
    const v = params[key];
    if (!(v >= 0 && v < 1)) throw new InputError(`params.${key}`, 'must be a proportion in [0, 1)');
  }
  subnetLimitOf(params);
  const pack = params.rulePack ?? DEFAULT_RULE_PACK;
  if (!KERNEL_RULE_PACKS.includes(pack))
    throw new InputError('params.rulePack', `must be one of ${KERNEL_RULE_PACKS.join(', ')}`);
  // An unknown variant of the pack throws UNKNOWN_RULE_VARIANT here rather than at the first step.
  kernelRuleSettings(params);
  const p = params.flowExponent ?? 1;
  if (!(p >= 1 && p <= 2)) throw new InputError('params.flowExponent', 'must be in [1, 2]');
  const q = params.gateQuantile ?? DEFAULT_GATE_QUANTILE;
  if (!(q > 0 && q <= 1)) throw new InputError('params.gateQuantile', 'must be in (0, 1]');
  const h = params.gateExponent ?? DEFAULT_GATE_EXPONENT;
  if (!(h > 0 && Number.isFinite(h))) throw new InputError('params.gateExponent', 'must be positive');
  const a = params.flowSmoothing ?? DEFAULT_FLOW_SMOOTHING;
  if (!(a > 0 && a < 1)) throw new InputError('params.flowSmoothing', 'must be in (0, 1)');
  if (!Number.isFinite(params.flowCutoff ?? 0))
    throw new InputError('params.flowCutoff', 'must be a finite number');
  if (params.mechanisms !== undefined) checkMechanisms(params.mechanisms);
}

function checkMechanisms(m: KernelMechanisms): void {
  const proportion = (field: string, v: number) => {
    if (!(v >= 0 && v <= 1)) throw new InputError(`params.mechanisms.${field}`, 'must be in [0, 1]');
  };
  const blocks = (field: string, v: number) => {
    if (!(v > 0 && Number.isFinite(v)))
      throw new InputError(`params.mechanisms.${field}`, 'must be a positive number of blocks');
  };
  blocks('period', m.period);
  if (m.covenant !== undefined) {
    proportion('covenant.share', m.covenant.share);
    proportion('covenant.tolerance', m.covenant.tolerance);
    if (!(Number.isInteger(m.covenant.gracePeriods) && m.covenant.gracePeriods >= 1))
      throw new InputError('params.mechanisms.covenant.gracePeriods', 'must be a positive integer');
  }
  if (m.vesting !== undefined) {
    blocks('vesting.vestDuration', m.vesting.vestDuration);
    if (!(m.vesting.cliff >= 0))
      throw new InputError('params.mechanisms.vesting.cliff', 'must be non-negative');
  }
  if (m.credits !== undefined) {
    blocks('credits.releaseDuration', m.credits.releaseDuration);
    proportion('credits.tolerance', m.credits.tolerance);
  }
  if (m.usageEmission !== undefined) {
    proportion('usageEmission.lambda', m.usageEmission.lambda);
    blocks('usageEmission.halfLife', m.usageEmission.halfLife);
  }
  if (m.computeMarket !== undefined) {
    proportion('computeMarket.feeShare', m.computeMarket.feeShare);
    if (!(m.computeMarket.mint >= 0 && Number.isFinite(m.computeMarket.mint)))
      throw new InputError('params.mechanisms.computeMarket.mint', 'must be non-negative');
  }
}

/**
 * Build a kernel state.
 * @example createKernelState({ params: DEFAULT_KERNEL_PARAMS, subnets: [{ taoReserve: 5000, alphaIn: 50_000, movingPrice: 0.1 }], issuance: 10_600_000, rootStake: 2_000_000 })
 */
export function createKernelState(init: KernelStateInit): KernelState {
  const { params } = init;
  checkKernelParams(params);
  const slots = params.slots;
  const block = init.block ?? 0;
  const c = emptyColumns(slots);
  let held = amount('rootStake', init.rootStake) + amount('burnedTao', init.burnedTao);
  init.subnets.forEach((s, index) => {
    const where = `subnets[${index}]`;
    const i = s.slot ?? index;
    if (!Number.isInteger(i) || i < 0 || i >= slots)
      throw new InputError(`${where}.slot`, `must be an integer in 0..${slots - 1}`);
    if (c.active[i] === 1) throw new InputError(`${where}.slot`, `slot ${i} is given twice`);
    const w = s.wQuote ?? 0.5;
    if (!(w >= 0.01 && w <= 0.99)) throw new InputError(`${where}.wQuote`, 'must be in [0.01, 0.99]');
    c.active[i] = 1;
    c.registeredAt[i] = s.registeredAt ?? block - params.networkImmunityPeriod;
    c.startBlock[i] =
      s.startBlock === null ? Number.POSITIVE_INFINITY : (s.startBlock ?? Math.max(0, block - 1));
    c.emissionEnabled[i] = s.emissionEnabled === false ? 0 : 1;
    c.taoReserve[i] = amount(`${where}.taoReserve`, s.taoReserve);
    c.alphaIn[i] = amount(`${where}.alphaIn`, s.alphaIn);
    c.wQuote[i] = w;
    c.accountTao[i] = amount(`${where}.accountTao`, s.accountTao);
    c.movingPrice[i] = amount(`${where}.movingPrice`, s.movingPrice);
    c.minerBurned[i] = Math.min(amount(`${where}.minerBurned`, s.minerBurned), 1);
    c.protocolAlpha[i] = amount(`${where}.protocolAlpha`, s.protocolAlpha);
    c.pendingServer[i] = amount(`${where}.pendingServer`, s.pendingServer);
    c.pendingValidator[i] = amount(`${where}.pendingValidator`, s.pendingValidator);
    c.pendingRoot[i] = amount(`${where}.pendingRoot`, s.pendingRoot);
    c.pendingOwner[i] = amount(`${where}.pendingOwner`, s.pendingOwner);
    c.burnedAlpha[i] = amount(`${where}.burnedAlpha`, s.burnedAlpha);
    c.unownedAlpha[i] = amount(`${where}.unownedAlpha`, s.unownedAlpha);
    const flow = s.flowEma ?? 0;
    if (!Number.isFinite(flow)) throw new InputError(`${where}.flowEma`, 'must be a finite number');
    c.flowEma[i] = flow;
    let out =
      c.protocolAlpha[i]! +
      c.pendingServer[i]! +
      c.pendingValidator[i]! +
      c.pendingRoot[i]! +
      c.pendingOwner[i]! +
      c.burnedAlpha[i]! +
      c.unownedAlpha[i]!;
    HOLDER_CLASSES.forEach((h, k) => {
      const v = amount(`${where}.holdings.${h}`, s.holdings?.[h]);
      c.holdings[k * slots + i] = v;
      out += v;
    });
    c.alphaOut[i] = out;
    c.lastEpochBlock[i] = s.lastEpochBlock ?? block - ((i + 1) % params.tempo);
    held += c.taoReserve[i]! + c.accountTao[i]!;
  });
  const issuance = amount('issuance', init.issuance);
  if (issuance < held * (1 - 1e-12)) {
    throw new InputError(
      'issuance',
      `must cover the pools, subnet accounts, root stake and burned TAO (${held})`,
    );
  }
  return {
    block,
    issuance,
    rootStake: init.rootStake,
    recycledTao: 0,
    burnedTao: init.burnedTao ?? 0,
    external: Math.max(0, issuance - held),
    lastLock: amount('lastLock', init.lastLock),
    lastLockBlock: init.lastLockBlock ?? 0,
    uncountedTao: 0,
    gateBar: 0,
    columns: c,
  };
}
