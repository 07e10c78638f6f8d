/**
 * SHARES step per rule pack (spec rulepacks.md §1 skeleton and §7): which share rule each pack uses and
 * the flow-EMA bookkeeping it needs. dtao: §2.4 (e2b8367b); taoflow: §3.5 (6218ecc5, 8834a7c7);
 * netflow: §4.3 (486037ba); price: protocol.md §4.2 (14bc6f9f); gate: §6.3 (RaoFoundation 7e20eb76).
 * Pure: takes the subnets' stored values and returns the new EMAs, the bar and the TAO per subnet.
 */
import { emissionShares, subnetTaoEmissions } from '../coinbase/shares.ts';
import {
  convert,
  fromInt,
  type I64F64,
  mul,
  type U64F64,
  U64F64 as U64F64F,
  U96F32,
} from '../fixed/index.ts';
import { type FlowEma, flowAlpha, flowEmaStep, flowSeed, flowShares } from './flowShares.ts';
import { gateShares, renormaliseEnabled } from './gate.ts';
import { netFlows } from './netFlow.ts';
import type { RulePackName, RuleSettings } from './rulePack.ts';
import { dtaoTaoEmissions } from './terms.ts';

/** One emitting subnet as the share rules see it. */
export interface PackShareSubnet {
  /** `get_moving_alpha_price` (U64F64). */
  readonly movingPrice: U64F64;
  readonly spotPrice: U64F64;
  readonly minerBurned: U96F32;
  readonly emissionEnabled: boolean;
  readonly taoFlow: bigint;
  readonly emaTaoFlow: FlowEma | null;
  readonly protocolFlow: bigint;
  readonly emaProtocolFlow: FlowEma | null;
}

/** Result of the SHARES step. */
export interface PackShareResult {
  /** T_i (U96F32 rao), aligned with the input. */
  readonly taoEmission: U96F32[];
  /** New flow EMAs and whether each accumulator was consumed (flow packs; otherwise unchanged). */
  readonly emaTaoFlow: (FlowEma | null)[];
  readonly taoFlowConsumed: boolean[];
  readonly emaProtocolFlow: (FlowEma | null)[];
  readonly protocolFlowConsumed: boolean[];
  /** The stored gate bar after this block (gate pack; otherwise as given). */
  readonly gateBar: U64F64;
}

/** `get_subnet_block_emissions` product: E·s in U64F64, stored as U96F32 (floored). */
function emissionsFromShares(blockEmission: bigint, shares: readonly U64F64[]): U96F32[] {
  const e = fromInt(U64F64F, blockEmission);
  return shares.map((s) => convert(U64F64F, U96F32, mul(U64F64F, e, s)));
}

/**
 * TAO emission per emitting subnet under `pack`, with the EMA and bar updates that step makes.
 * @example packTaoEmissions({ pack: 'dtao-2025-02', block, blockEmission: 3_333_333n, subnets, settings, gateBar: 0n }) // 1_111_111 each for 3 stable subnets
 */
export function packTaoEmissions(input: {
  readonly pack: RulePackName;
  readonly block: number;
  readonly blockEmission: bigint;
  readonly subnets: readonly PackShareSubnet[];
  readonly settings: RuleSettings;
  readonly gateBar: U64F64;
}): PackShareResult {
  const { subnets, settings } = input;
  const unchanged: PackShareResult = {
    taoEmission: [],
    emaTaoFlow: subnets.map((s) => s.emaTaoFlow),
    taoFlowConsumed: subnets.map(() => false),
    emaProtocolFlow: subnets.map((s) => s.emaProtocolFlow),
    protocolFlowConsumed: subnets.map(() => false),
    gateBar: input.gateBar,
  };
  const enabled = subnets.map((s) => s.emissionEnabled);
  switch (input.pack) {
    case 'dtao-2025-02':
      return {
        ...unchanged,
        taoEmission: dtaoTaoEmissions(
          input.blockEmission,
          subnets.map((s) => s.movingPrice),
        ),
      };
    case 'price-2026-06': {
      return {
        ...unchanged,
        taoEmission: subnetTaoEmissions({ blockEmission: input.blockEmission, subnets }),
      };
    }
    case 'gate-2026-07': {
      const stage2 = emissionShares(subnets);
      const gated = gateShares({
        block: input.block,
        shares: stage2,
        storedBar: input.gateBar,
        quantile: settings.gateQuantile,
        exponent: settings.gateExponent,
      });
      const shares = renormaliseEnabled(gated.shares, enabled);
      return {
        ...unchanged,
        taoEmission: emissionsFromShares(input.blockEmission, shares),
        gateBar: gated.bar,
      };
    }
    case 'taoflow-2025-11':
    case 'netflow-2026-05': {
      const alpha = flowAlpha(settings.flowSmoothing);
      const user = subnets.map((s) => {
        if (s.emaTaoFlow === null && settings.flowSeedFromPrice) {
          // A subnet seen for the first time is seeded, and not advanced, this block.
          return {
            ema: { block: input.block, value: flowSeed(s.movingPrice, s.spotPrice) },
            consumed: false,
          };
        }
        return flowEmaStep({ ema: s.emaTaoFlow, accumulator: s.taoFlow, block: input.block, alpha });
      });
      const isNet = input.pack === 'netflow-2026-05';
      const protocol = subnets.map((s) =>
        isNet
          ? flowEmaStep({ ema: s.emaProtocolFlow, accumulator: s.protocolFlow, block: input.block, alpha })
          : { ema: s.emaProtocolFlow, consumed: false },
      );
      const userValues = user.map((u) => u.ema.value);
      const flows: I64F64[] = isNet
        ? netFlows({
            user: userValues,
            protocol: protocol.map((g) => g.ema?.value ?? (0n as I64F64)),
            enabled: settings.netTaoFlowEnabled,
          })
        : userValues;
      let shares = flowShares(flows, settings.flowCutoff, settings.flowExponent);
      if (isNet) shares = renormaliseEnabled(shares, enabled);
      return {
        taoEmission: emissionsFromShares(input.blockEmission, shares),
        emaTaoFlow: user.map((u) => u.ema),
        taoFlowConsumed: user.map((u) => u.consumed),
        emaProtocolFlow: protocol.map((g) => g.ema),
        protocolFlowConsumed: protocol.map((g) => g.consumed),
        gateBar: input.gateBar,
      };
    }
  }
}
