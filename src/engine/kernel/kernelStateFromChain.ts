/**
 * A kernel state and parameters from an exact chain state, so both engines can start from the same
 * network (the fidelity check does this). Subnet netuid n maps to slot n − 1; rao become TAO. Stakes
 * become holder classes by `classOf` (default: everything is `staker`); root dividends owed become `root`.
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { ownerCutFraction } from '../coinbase/pendingSplit.ts';
import { taoWeight } from '../coinbase/rootProportion.ts';
import { I96F32, toF64, U16_MAX, U96F32 } from '../fixed/index.ts';
import { PERQUINTILL_ONE } from '../pool/perquintill.ts';
import { stakeOf } from '../staking/sharePool.ts';
import { NEW_SUBNET } from '../state/defaults.ts';
import type { ChainState } from '../state/types.ts';
import { type Coldkey, type Hotkey, type NetUid, ROOT_NETUID } from '../types.ts';
import { createKernelState, type KernelSubnetInit } from './createKernelState.ts';
import type { HolderClass, KernelParams, KernelState } from './types.ts';

const RAO = Number(RAO_PER_TAO);
const tao = (rao: bigint) => Number(rao) / RAO;

/** Kernel parameters equal to a chain's (`blocksPerStep` chosen by the caller). */
export function kernelParamsFromChain(chain: ChainState, blocksPerStep: number): KernelParams {
  const p = chain.params;
  return {
    slots: p.subnetLimit,
    blocksPerStep,
    tempo: p.defaultTempo,
    taoWeight: toF64(U96F32, taoWeight(chain.taoWeight)),
    ownerCut: toF64(U96F32, ownerCutFraction(p.subnetOwnerCut)),
    emaHalvingBlocks: p.emaPriceHalvingBlocks,
    movingAlpha: toF64(I96F32, p.movingAlpha as I96F32),
    feeRate: NEW_SUBNET.feeRate / Number(U16_MAX),
    minLock: tao(p.networkMinLock),
    lockReductionInterval: p.networkLockReductionInterval,
    networkRateLimit: p.networkRateLimit,
    networkImmunityPeriod: p.networkImmunityPeriod,
    newSubnetEmissionEnabled: p.newSubnetEmissionEnabled,
  };
}

/** Which holder class a stake position belongs to. */
export type ClassOf = (position: { netuid: NetUid; hotkey: Hotkey; coldkey: Coldkey }) => HolderClass;

/**
 * The kernel state of a chain state (dynamic subnets only; netuids must fit the slots).
 * @example kernelStateFromChain({ chain, params: kernelParamsFromChain(chain, 7200) })
 */
export function kernelStateFromChain(args: {
  readonly chain: ChainState;
  readonly params: KernelParams;
  readonly classOf?: ClassOf;
}): KernelState {
  const { chain, params } = args;
  const classOf: ClassOf = args.classOf ?? (() => 'staker');
  const subnets: KernelSubnetInit[] = [];
  for (const s of chain.subnets.values()) {
    if (s.netuid === ROOT_NETUID) continue;
    const holdings: Record<HolderClass, number> = { staker: 0, owner: 0, miner: 0, speculator: 0, root: 0 };
    for (const [hotkey, pool] of s.stakes) {
      for (const coldkey of pool.shares.keys()) {
        holdings[classOf({ netuid: s.netuid, hotkey, coldkey })] += tao(stakeOf(pool, coldkey));
      }
    }
    holdings.root += tao(s.rootAlphaOwed);
    // Share-pool rounding leaves a few raw units between the positions and the pool values: unowned.
    const positions = Object.values(holdings).reduce((a, b) => a + b, 0);
    let staked = tao(s.rootAlphaOwed);
    for (const pool of s.stakes.values()) staked += tao(pool.value);
    subnets.push({
      slot: s.netuid - 1,
      taoReserve: tao(s.taoReserve),
      alphaIn: tao(s.alphaIn),
      wQuote: Number(s.wQuote) / Number(PERQUINTILL_ONE),
      movingPrice: toF64(I96F32, s.movingPrice as I96F32),
      minerBurned: toF64(U96F32, s.minerBurned),
      holdings,
      protocolAlpha: tao(s.protocolAlpha),
      pendingServer: tao(s.pendingServer),
      pendingValidator: tao(s.pendingValidator),
      pendingRoot: tao(s.pendingRoot),
      pendingOwner: tao(s.pendingOwnerCut),
      burnedAlpha: tao(s.burnedAlpha),
      unownedAlpha: tao(s.unownedAlpha) + Math.max(0, staked - positions),
      accountTao: tao(s.accountTao),
      emissionEnabled: s.emissionEnabled,
      registeredAt: s.registeredAt,
      startBlock: s.firstEmissionBlock === null ? null : Math.max(0, s.firstEmissionBlock - 1),
      lastEpochBlock: s.lastEpochBlock,
    });
  }
  return createKernelState({
    params,
    subnets,
    issuance: tao(chain.totalIssuance),
    rootStake: tao(chain.subnets.get(ROOT_NETUID)?.taoReserve ?? 0n),
    block: chain.block,
    burnedTao: tao(chain.burnedTao),
    lastLock: tao(chain.lastLock),
    lastLockBlock: chain.lastLockBlock,
  });
}
