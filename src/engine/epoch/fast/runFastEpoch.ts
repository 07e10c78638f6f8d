/**
 * The fast Yuma Consensus epoch of one mechanism (spec §7.1-§7.7) in float64 over typed arrays: the
 * exact path's semantics step for step, for the simulator. All buffers live in a reusable workspace,
 * so an epoch of a size seen before allocates nothing.
 */
import { activeStake } from './activeStake.ts';
import { lastTempoBlock, markActive } from './activity.ts';
import { bondDividends, normalizeDividends } from './bondDividends.ts';
import { selectBondRows } from './bondRows.ts';
import { normalizeIncentive } from './clipWeights.ts';
import { stakeWeightedConsensus } from './consensus.ts';
import { epochEmission } from './epochEmission.ts';
import { epochStake } from './epochStake.ts';
import { epochWeights } from './epochWeights.ts';
import { originalBonds } from './originalBonds.ts';
import type { FastEpochInput, FastEpochResult } from './types.ts';
import { currentPermits, newValidatorPermits } from './validatorPermits.ts';
import { type FastEpochWorkspace, prepareFastEpochWorkspace } from './workspace.ts';
import { yuma3Bonds } from './yuma3Bonds.ts';

/**
 * Run one epoch: incentive, dividends, consensus, trust (proportions), permits, the emission split
 * (raw units, floored) and the bonds to store (u16 scale). The result is a view into `ws`, valid
 * until its next run; `input.bonds` may be a previous result's bonds (they are read before written).
 * @example
 * const ws = createFastEpochWorkspace(256);
 * const out = runFastEpoch(ws, input);
 * out.serverEmission[uid] + out.validatorEmission[uid]; // this UID's alpha
 */
export function runFastEpoch(ws: FastEpochWorkspace, input: FastEpochInput): FastEpochResult {
  prepareFastEpochWorkspace(ws, input);
  epochStake(ws, input);
  currentPermits(ws, input);
  newValidatorPermits(ws, input);
  markActive(ws, input);
  activeStake(ws);
  epochWeights(ws, input);
  stakeWeightedConsensus(ws, input);
  selectBondRows(ws, input);
  const lastTempo = lastTempoBlock(input);
  if (input.params.yuma3) yuma3Bonds(ws, input, lastTempo);
  else originalBonds(ws, input, lastTempo);
  normalizeIncentive(ws);
  bondDividends(ws, input.params.yuma3);
  normalizeDividends(ws);
  epochEmission(ws, input);
  return ws.result;
}
