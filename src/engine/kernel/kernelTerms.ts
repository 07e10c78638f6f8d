/**
 * How the kernel runs a pack's TERMS rule under the settings in force (rulepacks.md §2.4, §3.5,
 * protocol.md §4.5): which alpha injection cap applies per block, and what the TAO above the cap does.
 * Every pack but dtao's launch terms injects up to the cap at the current price and chain-buys with the
 * rest; the launch terms inject all the TAO with alpha_in capped at A, so the price rises instead.
 */
import type { RuleSettings } from '../rules/rulePack.ts';
import type { TermsRule } from '../rules/rulePackTraits.ts';

/** The alpha injection cap per block. */
export type AlphaCapRule =
  /** rp·A: falls as issuance grows (price, gate). */
  | 'root-proportion'
  /** A, the subnet's alpha emission (dtao launch; taoflow before 2025-12-12). */
  | 'alpha-emission'
  /** min(A, E): binds after the TAO halving (dtao subsidy, taoflow from 2025-12-12, netflow). */
  | 'min-alpha-block-emission';

/** What the TAO above the cap does. */
export type ExcessTaoRule =
  /** Buys alpha in the pool, fee-free (the chain buy). */
  | 'chain-buy'
  /** Is injected with the capped alpha: all of T enters the reserve (dtao launch). */
  | 'inject';

/** The kernel's form of one TERMS rule. */
export interface KernelTerms {
  readonly cap: AlphaCapRule;
  readonly excess: ExcessTaoRule;
}

const PRICE_PACK: KernelTerms = Object.freeze({ cap: 'root-proportion', excess: 'chain-buy' });
const LAUNCH: KernelTerms = Object.freeze({ cap: 'alpha-emission', excess: 'inject' });
const CAPPED_AT_A: KernelTerms = Object.freeze({ cap: 'alpha-emission', excess: 'chain-buy' });
const CAPPED_AT_MIN: KernelTerms = Object.freeze({ cap: 'min-alpha-block-emission', excess: 'chain-buy' });

/**
 * The kernel's terms for a TERMS rule and the settings in force (`dtaoTerms`, `flowCap`).
 * @example kernelTerms('dtao', { ...DEFAULT_RULE_SETTINGS, dtaoTerms: 'launch' }) // { cap: 'alpha-emission', excess: 'inject' }
 */
export function kernelTerms(rule: TermsRule, settings: RuleSettings): KernelTerms {
  switch (rule) {
    case 'root-proportion':
      return PRICE_PACK;
    case 'dtao':
      // The subsidy's alpha_in is A until 2025-09-24 and E after: equal then, so min(A, E) covers both.
      return settings.dtaoTerms === 'launch' ? LAUNCH : CAPPED_AT_MIN;
    case 'flow':
      return settings.flowCap === 'alpha-emission' ? CAPPED_AT_A : CAPPED_AT_MIN;
  }
}
