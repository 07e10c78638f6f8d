/**
 * Parameters of the Bittensor model, with defaults and where each default comes from. Calibration
 * facts are dated (spec/history.md); where no public figure exists the default is a stated assumption
 * and the description says so. Units: TAO, USD, days, proportions.
 */
import { z } from 'zod';
import { DEFAULT_KERNEL_PARAMS } from '../../../engine/kernel/defaultKernelParams.ts';
import type { KnobOf, MechanismSection } from '../../../engine/mechanisms/mechanismKnobs.ts';
import { DEFAULT_RULE_PACK, RULE_PACKS } from '../../../engine/rules/rulePackTraits.ts';
import { type ParameterRange, withRange } from '../../scenario/parameterRange.ts';
import { withRenamedKeys } from '../../scenario/withRenamedKeys.ts';
import { withRetiredKeys } from '../../scenario/withRetiredKeys.ts';
import { RENAMED_MECHANISM_KEYS } from './renamedMechanismKeys.ts';

/** A field with its default, its description (the default's source) and, when given, its plausible range. */
const field = <T extends z.ZodType>(schema: T, about: string, range?: ParameterRange) =>
  range === undefined ? schema.describe(about) : withRange(schema.describe(about), range);
const share = (d: number, about: string, range?: ParameterRange) =>
  field(z.number().min(0).max(1).default(d), about, range);
const nonNeg = (d: number, about: string, range?: ParameterRange) =>
  field(z.number().min(0).default(d), about, range);
const real = (d: number, about: string, range?: ParameterRange) => field(z.number().default(d), about, range);
const count = (d: number, about: string, range?: ParameterRange) =>
  field(z.number().int().min(1).default(d), about, range);

/** A range's ends and their source. */
const range = (low: number, high: number, source: string): ParameterRange => ({ low, high, source });

/** The range of a parameter with no public figure: half to twice its default. */
const halfToDouble = (d: number): ParameterRange =>
  range(d / 2, d * 2, 'assumption: ×0.5–×2 of the default (no public figure)');

/** The network at the start of the simulation. */
export const networkSchema = z
  .object({
    subnets: z
      .number()
      .int()
      .min(1)
      .max(DEFAULT_KERNEL_PARAMS.slots)
      .default(DEFAULT_KERNEL_PARAMS.slots)
      .describe('Subnets at the start. Default 128: the subnet limit, full in 2026 (spec/history.md).'),
    issuanceTao: nonNeg(
      11_730_000,
      'TAO issued at the start. Default: 10.5M at the first halving (mid-Dec 2025) plus 3,600 TAO/day to Nov 2026 (spec/history.md).',
    ),
    rootStakeTao: nonNeg(
      3_000_000,
      'TAO staked on root. Assumption: about a quarter of issuance (no dated public figure in the spec).',
    ),
    taoWeight: share(
      0.18,
      'TaoWeight: weight of root stake in validator stake. Default 0.18 (migrate_rao, spec §6.3).',
    ),
    alphaMarketCapShare: share(
      0.27,
      'Subnet token market cap as a share of TAO market cap. Default 0.27 (Mar 2026, third-party, spec/history.md).',
    ),
    top10EmissionShare: share(
      0.56,
      'Share of emission to the top 10 subnets at the start; sets the spread of initial prices. Default 0.56 (Mar 2026, third-party).',
    ),
    emissionDisabledShare: share(
      0.37,
      'Share of subnets whose TAO-side emission root has switched off. Default 47/128 (governance, July 2026, spec/history.md).',
    ),
  })
  .prefault({});

/** The TAO/USD window the demand defaults are estimated from (`tensormarket calibrate demand`). */
export const DEMAND_ESTIMATE_WINDOW = { first: '2023-03-03', last: '2025-06-30', returns: 850 } as const;

/** Exogenous paths: TAO demand, AI demand, compute cost, centralized competition. */
export const marketSchema = withRetiredKeys(
  z.object({
    taoPriceUsd: nonNeg(
      300,
      'TAO price at the start (USD). Default ≈ 300 (Apr 2026: $340 → $286, third-party).',
      range(
        218,
        340,
        'spec/market.md §4 P₀: $218 (2026-07-04) to $317 (2026-05-12); $340 before the Covenant exit (2026-04-10, spec/history.md). A recorded starting state sets its own price.',
      ),
    ),
    demandDriftPerYear: real(
      0,
      'Drift of exogenous TAO demand: its expected log change per year, which is also the median while jumps are symmetric (jumps are compensated and add no trend; mean demand grows faster by the lognormal terms). Default 0: none assumed; scenarios bear and bull state −0.53 and +0.53, the TAO/USD drift 2023-03-03 … 2025-06-30 (standard error 0.77).',
      range(
        -0.53,
        0.53,
        'scenarios bear and bull: ∓ the TAO/USD log drift 2023-03-03 … 2025-06-30 (0.53 a year, standard error 0.77)',
      ),
    ),
    demandVolatilityPerYear: nonNeg(
      1.05,
      'Volatility of TAO demand between jumps (log, annualised with 365 days). Default 1.05: daily log returns of TAO/USD 2023-03-03 … 2025-06-30 (850 returns, ../shared/data/tao_usd_daily.csv) less the jumps; all returns give 1.18. `tensormarket calibrate demand` recomputes it.',
      range(
        0.71,
        1.18,
        'low: assumption, two thirds of the default, still above the crypto-market part β·σ_B = 1.38 × 0.51 = 0.70 (spec/market.md §5); high: all daily TAO/USD returns 2023-03-03 … 2025-06-30, jumps included (1.18; 1.15 for 2024-01 … 2025-06, spec/market.md §5)',
      ),
    ),
    jumpsPerYear: nonNeg(
      8.16,
      'Rate of demand jumps (per year). Default 8.16: the 19 daily TAO/USD returns (15 up, 4 down) more than 3 robust standard deviations (1.4826 × MAD) from the median, 2023-03-03 … 2025-06-30.',
      range(
        4.4,
        11.9,
        'the 19 jumps of 2023-03-03 … 2025-06-30 ± 2 Poisson standard errors (√19 / 2.33 years = 1.9 a year); spec/market.md §4 counts ≈ 9 a year above 15%',
      ),
    ),
    jumpMean: real(
      0,
      'Mean log size of a demand jump. Default 0: symmetric unless a scenario says otherwise (the 19 jumps of 2023-03-03 … 2025-06-30 averaged +0.11; not assumed to last). A non-zero mean skews demand without a trend, since jumps are compensated.',
      range(-0.11, 0.11, '± the mean log size of the 19 jumps of 2023-03-03 … 2025-06-30 (+0.11)'),
    ),
    jumpStdev: nonNeg(
      0.19,
      'Spread of log jump sizes. Default 0.19: root mean square of the 19 TAO/USD jump returns 2023-03-03 … 2025-06-30 (0.16 about their mean), so mean-zero jumps keep the observed sizes.',
      range(
        0.16,
        0.25,
        'low: spread of the 19 jump returns about their mean (0.16); high: assumption, ×1.3 of the default',
      ),
    ),
    aiDemandGrowthPerYear: real(
      0.6,
      'Growth of demand for AI services (log, per year). Assumption: 0.6.',
      halfToDouble(0.6),
    ),
    computeCostDeclinePerYear: share(
      0.9,
      'Yearly fall of compute cost per unit of capability. Default 0.9: costs fall ~10× per year (2025, public statements).',
      range(
        0.5,
        0.97,
        'assumption around the ~10× a year of public statements (2025): from 2× a year (0.5) to 30× (0.97)',
      ),
    ),
    competitionGrowthPerYear: nonNeg(
      0.5,
      'Growth of centralized competitors’ quality (log, per year): lowers what subnet products are worth. Assumption.',
      halfToDouble(0.5),
    ),
    fundamentalsWeight: share(
      0.25,
      'Elasticity of TAO’s reference value to the network’s useful output relative to its expected path (so expected AI-demand growth adds no trend). Assumption.',
      halfToDouble(0.25),
    ),
    cryptoMarketBeta: nonNeg(
      1.38,
      'Beta of TAO to the crypto market (BTC): the part β·σ_B of the demand diffusion that is the market factor. Default 1.38 (OLS of daily TAO on BTC log returns, 2024-01-02 … 2025-06-30, s.e. 0.08; spec/market.md §5).',
      range(1.2, 1.8, 'spec/market.md §4–5: β 1.38, 90% CI 1.21–1.55, post-dTAO 1.81'),
    ),
    cryptoMarketVolatilityPerYear: nonNeg(
      0.51,
      'Volatility of the crypto-market factor (BTC, log, per year). Default 0.51 (BTC 2024-01-02 … 2025-06-30; spec/market.md §5). The factor carries β·σ_B of demand’s volatility (at most all of it) and TAO’s own shocks the rest, √(σ² − (β·σ_B)²): demand’s total stays demandVolatilityPerYear, and the TAO path depends on that alone.',
      range(
        0.35,
        0.7,
        'assumption: BTC’s annual volatility in calmer and rougher years around the 0.51 of 2024–2025',
      ),
    ),
  }),
  {
    returnedValueMultiple:
      'the TAO price clears from order flow, and value returned moves it as TAO bought with revenue (taoMarket.impactMultiplier sets the impact)',
  },
).prefault({});

/**
 * The TAO/USD market, cleared from net order flow (spec/market.md §2): x = m − M·c + τ, where m is the
 * log reference value, c the cumulated net sold flow as a share of supply (absorbed by price-elastic
 * investors at rate δ) and τ a transient square-root impact that decays over days.
 */
export const taoMarketSchema = z
  .object({
    impactMultiplier: nonNeg(
      3,
      'M: log price change per unit of net sold flow as a share of supply (inelastic-markets multiplier). Default 3, range 1–6: Gabaix & Koijen ≈ 5 for US equities (NBER w28967, 2021), O(1) for single stocks (Bouchaud, arXiv 2108.00242, 2022), ≈ 4 for BTC (Glassnode, c. Feb 2024); spec/market.md §4.',
      range(1, 6, 'spec/market.md §4: M = 3 [1–6]'),
    ),
    absorptionHalfLifeDays: nonNeg(
      550,
      'Half-life of cumulated net flow as price-elastic investors absorb it (days). Assumption: 1.5 years, range 0.5–5 (price and value cointegrate over more than 5 years, Bouchaud, 2022; spec/market.md §4).',
      range(183, 1825, 'spec/market.md §4: δ half-life 1.5 years [0.5–5] (assumption)'),
    ),
    investorElasticity: nonNeg(
      1,
      'Price elasticity of the baseline investors’ buying: tokens bought ∝ (reference value / price)^e. Assumption: 1 (a constant USD budget at the reference value).',
      range(0.5, 2, 'assumption: from half as elastic to twice (no public figure for TAO)'),
    ),
    transientImpact: nonNeg(
      0.7,
      'Y: size of the square-root transient impact, Y·σ_d·√(flow/volume). Default 0.7, range 0.5–1 (Y of order 1, Tóth et al.; Donier & Bonart, 2015).',
      range(0.5, 1, 'spec/market.md §4: Y = 0.7 [0.5–1]'),
    ),
    transientHalfLifeDays: nonNeg(
      2,
      'Half-life of the transient impact (days). Assumption: 2, range 1–5 (spec/market.md §4).',
      range(1, 5, 'spec/market.md §4: h = 2 days [1–5] (assumption)'),
    ),
    dailyVolatility: nonNeg(
      0.06,
      'σ_d: daily volatility of TAO in the square-root law. Default 0.06 (daily TAO/USD log returns 2023-03 … 2025-06; spec/market.md §4).',
      range(
        0.037,
        0.075,
        'spec/market.md §5: residual daily volatility after dTAO (0.71/yr) to total (1.15/yr) and a little above',
      ),
    ),
    genuineTurnoverPerDay: nonNeg(
      0.035,
      'Genuine daily volume as a share of market cap (depth scales with cap). Default 0.035: reported turnover 6.7–7.8%/day (CoinGecko, May 2026) times a genuine share of 0.5 (assumption, range 0.3–0.8; Bitwise to the SEC, 2019).',
      range(0.02, 0.062, 'spec/market.md §4: reported turnover 6.7–7.8%/day × a genuine share of 0.3–0.8'),
    ),
  })
  .prefault({});

/** Validators: costs covered by selling dividends, and the share of the rest their stakers sell. */
export const validatorsSchema = z
  .object({
    costUsdPerDay: nonNeg(
      80,
      'A validator’s cost (USD/day), covered by selling the subnet’s validator alpha. Assumption: $80, range 30–250 (an A100/H100 server; spec/market.md §4). Validators per subnet are recorded (median 11, Sep 2026).',
      range(30, 250, 'spec/market.md §4: validator cost $80/day [30–250] (assumption)'),
    ),
    sellShare: share(
      0.1,
      'Share of validator and delegator dividends beyond costs sold each day. Default 0.1 (spec/market.md §4).',
      range(0, 0.3, 'spec/market.md §4: delegators’ sold share φ = 0.1 [0–0.3]'),
    ),
    perSubnet: field(
      z.number().int().min(1).max(64).default(11),
      'Validators per subnet where the start does not record them (the synthetic start, new subnets). Default 11: the median of the recorded network (2026-09-30).',
      range(5, 20, 'the recorded network, 2026-09-30: most subnets have 5–20 validators'),
    ),
  })
  .prefault({});

/**
 * Holders who value a subnet's alpha by the TAO it earns (spec/market.md §3): value F = F₀ + ΔN/(r + π − g),
 * N = TAO into the subnet per day plus buybacks less TAO taken by cost sellers; target price F / alpha
 * outstanding; they trade a share of their position per day towards it, on top of the flow that balanced
 * each pool at the start.
 */
export const alphaHoldersSchema = z
  .object({
    rootYieldPerYear: nonNeg(
      0.06,
      'r: the yield of TAO staked on root, the holders’ riskless alternative. Default 0.06 (subtensor #2319 claim; spec/market.md §3).',
      range(0.03, 0.1, 'assumption: half to nearly twice the 6% root yield claimed in subtensor #2319'),
    ),
    riskPremiumPerYear: nonNeg(
      0.25,
      'π: risk premium over root on a subnet’s TAO yield. Default 0.25, range 0.15–0.40 (implied by alpha market cap ≈ 27% of TAO’s and 3,600 TAO/day, spec/market.md §3).',
      range(0.15, 0.4, 'spec/market.md §3: π ≈ 15–40% implied by alpha market cap and emission'),
    ),
    growthPerYear: real(
      0,
      'g: growth of a subnet’s TAO yield the holders expect. Default 0: none assumed.',
      range(-0.1, 0.1, 'assumption: ±10% a year of expected yield growth'),
    ),
    adjustmentPerDay: share(
      0.01,
      'κ: share of their position holders move per day per unit of log gap between target and price. Assumption: 0.01, range 0.002–0.05.',
      range(0.002, 0.05, 'assumption: a fifth to five times the default (no public figure)'),
    ),
  })
  .refine((h) => h.rootYieldPerYear + h.riskPremiumPerYear - h.growthPerYear > 0, {
    path: ['growthPerYear'],
    message:
      'rootYieldPerYear + riskPremiumPerYear − growthPerYear must be positive (a value needs a positive discount rate): lower growthPerYear or raise the premium.',
  })
  .prefault({});

/** Subnet teams: quality, costs, outside opportunity, and the decision to leave. */
export const teamsSchema = z
  .object({
    qualityVolatilityPerYear: nonNeg(
      0.5,
      'Volatility of a subnet’s product quality (log, per year). Assumption.',
      halfToDouble(0.5),
    ),
    opexUsdPerDay: nonNeg(
      1_500,
      'A team’s operating cost (USD/day). Assumption: a small lab.',
      halfToDouble(1_500),
    ),
    outsideValueUsdPerDay: nonNeg(
      1_000,
      'Off-network revenue a median-quality product could earn per day at the start (USD). Assumption.',
      halfToDouble(1_000),
    ),
    outsideValueSpread: nonNeg(
      1.2,
      'Log spread of outside revenue across subnets. Assumption.',
      range(0.6, 1.8, 'assumption: ×0.5–×1.5 of the default (no public figure)'),
    ),
    onNetworkRevenueShare: share(
      0.2,
      'Share of its outside revenue a team can capture while it stays on the network (open miners, validator rules). Assumption.',
      halfToDouble(0.2),
    ),
    switchingCostDays: nonNeg(
      90,
      'Cost of leaving, in days of outside revenue (rebuilding outside the network). Assumption.',
      halfToDouble(90),
    ),
    decisionEveryDays: count(
      30,
      'Days between a team’s stay-or-leave reviews. Assumption.',
      halfToDouble(30),
    ),
    leaveSellDays: nonNeg(
      30,
      'Days over which a leaving team sells its alpha. Assumption.',
      halfToDouble(30),
    ),
    buybackProbability: share(
      2 / 129,
      'Share of teams that return revenue to holders through buybacks. Default 2/129: subnets publishing revenue (2026).',
      range(
        1 / 129,
        6 / 129,
        'low: one subnet of 129; high: assumption, three times the 2 of 129 subnets publishing revenue (2026), for teams that buy back without publishing',
      ),
    ),
    buybackShare: share(
      0.2,
      'Share of revenue such a team spends on buy-and-burn. Assumption.',
      halfToDouble(0.2),
    ),
    ownerSellShare: share(
      0.5,
      'Share of the owner cut beyond the team’s operating cost that it sells as it arrives (a share of the flow, not of the stock). Default 0.5 (spec/market.md §4).',
      range(0.3, 0.8, 'spec/market.md §4 prior for the share owners sell, φ = 0.5 [0.3–0.8] (assumption)'),
    ),
  })
  .prefault({});

/** Miners: entry and exit by profit. */
export const minersSchema = z
  .object({
    costUsdPerDay: nonNeg(
      15,
      'A miner’s compute cost at the start (USD/day), covered by selling mined alpha. Assumption: $15 (RTX 4090 ≈ $8–14/day, H100 $48–114/day; spec/market.md §4).',
      range(
        8,
        114,
        'spec/market.md §4 GPU rental prices (2026): one RTX 4090 ≈ $8–14/day to one H100 $48–114/day (its full $2–900 runs from CPU-only to 8×H100 miners)',
      ),
    ),
    sellShare: share(
      0.8,
      'Share of mined alpha beyond costs sold as it arrives (a share of the flow, not of the stock). Default 0.8 (BTC public miners sold 64–105% of output, 2023; spec/market.md §4).',
      range(
        0.5,
        1,
        'spec/market.md §4 prior for the share miners sell, φ = 0.8 [0.5–1] (public BTC miners sold 64–105% of output, Jul–Oct 2023)',
      ),
    ),
    entryElasticity: nonNeg(
      0.05,
      'Daily change in miner count per unit of log profit margin. Assumption.',
      halfToDouble(0.05),
    ),
    initialMiners: count(
      180,
      'Miners per subnet at the start (256 UIDs less validators).',
      range(
        90,
        251,
        'low: assumption ×0.5; high: 256 UIDs less 5 validators (validators per subnet mostly 5–20, spec/history.md, Sep 2026)',
      ),
    ),
  })
  .prefault({});

/** Stakers: leaving subnets whose team left (root dividends are sold and restaked, the chain's default claim). */
export const stakersSchema = withRetiredKeys(
  z.object({
    darkExitPerDay: share(
      0.05,
      'Share of stake leaving a subnet whose team has left, each day. Assumption.',
      halfToDouble(0.05),
    ),
  }),
  {
    reallocationPerDay:
      "alpha holders' valuation by TAO yield (alphaHolders.*) decides where alpha is held, in place of the stakers' chase of alpha yields",
    yieldSensitivity:
      "alpha holders' valuation by TAO yield (alphaHolders.*) decides where alpha is held, in place of the stakers' chase of alpha yields",
    rootShareTarget:
      "alpha holders' valuation by TAO yield (alphaHolders.*) decides where alpha is held, in place of the stakers' chase of alpha yields",
  },
).prefault({});

/** Speculators: momentum and panic. */
export const speculatorsSchema = z
  .object({
    capitalTao: nonNeg(
      300_000,
      'TAO that speculators trade with across subnets. Assumption.',
      halfToDouble(300_000),
    ),
    momentumSensitivity: nonNeg(
      2,
      'Fraction of capital moved per unit of 7-day log return. Assumption.',
      halfToDouble(2),
    ),
    panicDrawdown: share(
      0.5,
      'Drawdown from the 30-day high that triggers panic selling. Assumption.',
      range(0.3, 0.7, 'assumption: ±0.2 around the default (no public figure)'),
    ),
    maxPoolShare: share(
      0.05,
      'Largest position a speculator takes in a subnet, as a share of its pool’s TAO (positions sized to depth). Assumption: 5%.',
      range(0.01, 0.2, 'assumption: 1%–20% of the pool (no public figure)'),
    ),
  })
  .prefault({});

/** Adversaries. */
export const adversariesSchema = z
  .object({
    selfMiningOwners: share(
      0.1,
      'Share of owners who mine their own subnet. Assumption (burned share of issued alpha per subnet is 0.3%–34%, 2026).',
      halfToDouble(0.1),
    ),
    selfMiningDetectedShare: share(
      0.5,
      'Share of self-mining done through the owner’s registered hotkeys (detected and burned; lowers emission share).',
      range(0.25, 0.75, 'assumption: ±0.25 around the default (no public figure)'),
    ),
    selfMiningTakeShare: share(
      0.3,
      'Share of a subnet’s miner incentive a self-mining owner captures. Assumption.',
      halfToDouble(0.3),
    ),
    pumpersPerYear: nonNeg(
      4,
      'Pump-for-share attempts per year: buy a small subnet’s alpha to lift its EMA share, then dump.',
      halfToDouble(4),
    ),
    pumpTao: nonNeg(20_000, 'TAO a pumper puts in. Assumption.', halfToDouble(20_000)),
    pumpHoldDays: nonNeg(60, 'Days a pumper holds before dumping. Assumption.', halfToDouble(60)),
  })
  .prefault({});

/** New subnets: registration by new teams when the lock cost is worth it. */
export const entrySchema = z
  .object({
    registrationsPerYear: nonNeg(
      20,
      'New subnet teams trying to register per year. Assumption.',
      range(
        10,
        60,
        'low: assumption ×0.5; high: above the ≥ 49 surviving registrations a year, Dec 2025 → Sep 2026 (spec/history.md; a lower bound on attempts)',
      ),
    ),
  })
  .prefault({});

/** How often periodic flows trade. */
export const executionSchema = z
  .object({
    tradeEveryDays: count(
      7,
      'Days between the periodic sales of owners, miners and root stakers and the stakers’ rebalancing (each subnet on its own day of the cycle). Assumption: weekly.',
      range(1, 14, 'assumption: daily to fortnightly'),
    ),
  })
  .prefault({});

/**
 * A mechanism object's fields: each knob MECHANISM_KNOBS gives the lab, under its name, and the lab's own
 * (adversaries, switches).
 */
type LabFields<S extends MechanismSection> = Record<KnobOf<S, 'lab'>, z.ZodType> & Record<string, z.ZodType>;

const flag = (about: string) => z.boolean().default(false).describe(about);

/** Binding mechanisms (spec/mechanisms.md §1–5) and their adversaries; every mechanism is off by default. */
export const mechanismsSchema = withRenamedKeys(
  z.object({
    period: z
      .number()
      .int()
      .min(1)
      .default(7)
      .describe(
        'Covenant and credit period: revenue is attested and redemptions judged once per period (days). Assumption: weekly.',
      ),
    covenant: withRenamedKeys(
      z.object({
        enabled: flag(
          'Revenue covenant (§1): each team bonds TAO and pays a share of its revenue to buy and burn its alpha.',
        ),
        share: share(
          0.2,
          'Share r of attested revenue paid each period. Assumption: 20%, about a typical buyback share.',
        ),
        bond: nonNeg(500, 'Bond B a team locks (TAO). Assumption: half the minimum lock cost.'),
        gracePeriods: z
          .number()
          .int()
          .min(1)
          .default(2)
          .describe('Missed periods g before default (bond slashed, emission share zeroed). Assumption.'),
        tolerance: share(
          0.25,
          'Shortfall tolerated against attested revenue before a period counts as missed. Assumption.',
        ),
        attestationNoise: nonNeg(0.15, 'Log noise of validators’ revenue attestation. Assumption.'),
        underReporters: share(
          0.1,
          'Adversary: share of teams that report only part of their revenue. Assumption.',
        ),
        underReportShare: share(0.5, 'Share of true revenue an under-reporter pays on. Assumption.'),
      } satisfies LabFields<'covenant'>),
      RENAMED_MECHANISM_KEYS.covenant,
    ).prefault({}),
    vesting: withRenamedKeys(
      z.object({
        enabled: flag(
          'Vesting and exit bond (§2): the owner cut vests over time; unvested alpha burns when the team leaves or the subnet is deregistered.',
        ),
        vestDuration: nonNeg(180, 'Vesting time V (days): escrow vests at escrow / V per day. Assumption.'),
        cliff: nonNeg(90, 'Days from the subnet’s start (or the run’s) before anything vests. Assumption.'),
        cliffExiters: share(
          0.05,
          'Adversary: share of teams that leave right after the vesting cliff. Assumption.',
        ),
      } satisfies LabFields<'vesting'>),
      RENAMED_MECHANISM_KEYS.vesting,
    ).prefault({}),
    credits: withRenamedKeys(
      z.object({
        enabled: flag(
          'Access credits (§3): each lab sells credits up front for TAO that funds its costs; holders redeem them for service.',
        ),
        saleDaysOfOpex: nonNeg(
          180,
          'Credits sold up front, in days of the team’s operating cost (USD). Assumption.',
        ),
        releaseDuration: nonNeg(365, 'Days over which sale proceeds are released to the lab. Assumption.'),
        redeemDays: nonNeg(365, 'Days over which honest holders redeem the credits sold. Assumption.'),
        capacityMultiple: nonNeg(
          3,
          'Redemptions a lab can serve per day, as a multiple of the honest daily rate. Assumption.',
        ),
        deliveryBase: share(
          0.97,
          'Share of redemptions a median-quality lab delivers (lower for lower quality). Assumption.',
        ),
        tolerance: share(
          0.1,
          'Unserved share of a period’s redemptions tolerated before it counts as missed. Assumption.',
        ),
        griefersPerYear: nonNeg(
          4,
          'Adversary: redemption griefers per year (buy credits, redeem in one burst). Assumption.',
        ),
        griefTao: nonNeg(2_000, 'TAO a griefer spends on credits. Assumption.'),
      } satisfies LabFields<'credits'>),
      RENAMED_MECHANISM_KEYS.credits,
    ).prefault({}),
    usageEmission: withRenamedKeys(
      z.object({
        enabled: flag('Usage-weighted emission (§4): share = (1 − λ)·price share + λ·usage share.'),
        lambda: share(0.3, 'Weight λ of the usage share. Assumption.'),
        halfLife: nonNeg(30, 'Half-life of the usage EMA (days). Assumption: as the flow EMA’s ~30 days.'),
        paidShare: share(
          0.1,
          'Share of a team’s on-network revenue its users pay through the chain (burned). Assumption.',
        ),
        washTraders: share(
          0.05,
          'Adversary: share of teams that pay themselves usage when the emission gained exceeds the fee. Assumption.',
        ),
        washMaxTaoPerDay: nonNeg(100, 'Most TAO a wash trader burns per day. Assumption.'),
      } satisfies LabFields<'usageEmission'>),
      RENAMED_MECHANISM_KEYS.usageEmission,
    ).prefault({}),
    computeMarket: withRenamedKeys(
      z.object({
        enabled: flag(
          'Burn-and-mint compute market (§5): USD-priced jobs burn TAO; providers get a fixed emission pro rata to work.',
        ),
        mint: nonNeg(
          360,
          'Fixed TAO minted per day to compute providers. Assumption: 10% of subnet emission.',
        ),
        feeShare: share(0.05, 'Share of a job’s TAO kept by the treasury (the rest is burned). Assumption.'),
        jobsUsdPerDay: nonNeg(
          100_000,
          'Network-wide compute demand at the start (USD/day), growing with AI demand over competition. Assumption.',
        ),
      } satisfies LabFields<'computeMarket'>),
      RENAMED_MECHANISM_KEYS.computeMarket,
    ).prefault({}),
  } satisfies LabFields<'common'>),
  RENAMED_MECHANISM_KEYS.mechanisms,
).prefault({});

/** Neurons mode: per-neuron Yuma Consensus (the fast epoch) for the largest subnets. */
export const neuronsSchema = z
  .object({
    enabled: flag(
      'Run Yuma Consensus per neuron (validators’ weights, bonds, dividends; miners’ incentive) for the largest subnets; the others keep the subnet-level model. Off by default: it costs an epoch per detailed subnet per step.',
    ),
    subnets: z
      .int()
      .min(1)
      .max(128)
      .default(4)
      .describe('Detailed subnets: the largest by TAO reserve at the start. Assumption.'),
    validators: z
      .int()
      .min(1)
      .max(64)
      .default(16)
      .describe(
        'Validators per detailed subnet (the chain permits up to MaxAllowedValidators = 64). Assumption.',
      ),
    miners: z.int().min(1).max(256).default(48).describe('Miners per detailed subnet. Assumption.'),
    lazyValidatorShare: share(
      0.25,
      'Share of validators that set weights once and then never again (stale weights, the lazy validator Yuma penalises). Assumption.',
    ),
    weightNoise: nonNeg(
      0.2,
      'Relative noise of an honest validator’s score of a miner each step. Assumption.',
    ),
    minerQualitySpread: nonNeg(0.6, 'Log standard deviation of miner quality within a subnet. Assumption.'),
    epochsPerStep: z
      .int()
      .min(1)
      .max(20)
      .default(1)
      .describe(
        'Epochs run per detailed subnet per step, each on an equal part of the step’s alpha: 1 moves bonds once per day step; set the step to tempo for the chain’s cadence.',
      ),
  })
  .prefault({});

/** Everything the Bittensor model reads from a scenario's `model` section. */
export const modelParamsSchema = z
  .object({
    rulePack: z
      .enum(RULE_PACKS)
      .default(DEFAULT_RULE_PACK)
      .describe(
        'Emission rules (spec/rulepacks.md): dtao-2025-02 (price shares, subsidy chain buys recycled, root alpha sold), taoflow-2025-11 (net user flow EMA), netflow-2026-05 (flow less protocol cost), price-2026-06 (default: the current chain), gate-2026-07 (price shares through the Hill gate, q = 0.75).',
      ),
    network: networkSchema,
    market: marketSchema,
    taoMarket: taoMarketSchema,
    alphaHolders: alphaHoldersSchema,
    validators: validatorsSchema,
    teams: teamsSchema,
    miners: minersSchema,
    stakers: stakersSchema,
    speculators: speculatorsSchema,
    adversaries: adversariesSchema,
    entry: entrySchema,
    execution: executionSchema,
    mechanisms: mechanismsSchema,
    neurons: neuronsSchema,
  })
  .prefault({});

/** Resolved model parameters. */
export type ModelParams = z.infer<typeof modelParamsSchema>;
