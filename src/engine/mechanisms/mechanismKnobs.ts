/**
 * The one declaration of the mechanism knobs that more than one layer sets (exact engine, fast kernel,
 * lab scenario): each knob has the same name in every layer; only its unit differs, as listed here.
 * The kernel's parameter types derive their keys from this table and the lab's schema is checked
 * against it, so a knob renamed in one layer alone does not compile. Knobs of a single layer (the
 * engine's `payTo` or `treasury`, the lab's adversaries) keep their own names, unit included.
 */

/** Where the exact engine takes a knob: the genesis config (`MechanismsConfig`) or `covenant_open`'s terms. */
export type EngineKnobSource = 'genesis' | 'covenant_open';

/** One knob: what it means and its unit in each layer that has it (absent = the layer has no such knob). */
export interface MechanismKnob {
  readonly meaning: string;
  readonly engine?: { readonly unit: string; readonly from: EngineKnobSource };
  readonly kernel?: string;
  readonly lab?: string;
}

/**
 * Mechanism sections (`common` holds the knobs of all mechanisms together) and their shared knobs.
 * @example MECHANISM_KNOBS.usageEmission.halfLife.lab // 'days'
 */
export const MECHANISM_KNOBS = {
  common: {
    period: {
      meaning:
        'Covenant (and, in kernel and lab, credit) period: revenue attested and service judged once per period',
      engine: { unit: 'subnet epochs', from: 'covenant_open' },
      kernel: 'blocks',
      lab: 'days',
    },
  },
  covenant: {
    share: {
      meaning: 'Share r of attested revenue due each period',
      engine: { unit: 'ppm (bigint)', from: 'covenant_open' },
      kernel: 'fraction',
      lab: 'fraction',
    },
    bond: {
      meaning: 'Bond B the owner locks, slashed on default',
      engine: { unit: 'rao (bigint)', from: 'covenant_open' },
      lab: 'TAO',
    },
    gracePeriods: {
      meaning: 'Missed periods g before default',
      engine: { unit: 'periods', from: 'covenant_open' },
      kernel: 'periods',
      lab: 'periods',
    },
    tolerance: {
      meaning: 'Shortfall tolerated before a period counts as missed',
      kernel: 'fraction of what is due',
      lab: 'fraction of what is due',
    },
  },
  vesting: {
    vestDuration: {
      meaning: 'Time V over which the escrowed owner cut vests linearly',
      engine: { unit: 'subnet epochs', from: 'genesis' },
      kernel: 'blocks',
      lab: 'days',
    },
    cliff: {
      meaning: 'Time from the subnet’s (or the run’s) start before anything vests',
      kernel: 'blocks',
      lab: 'days',
    },
  },
  credits: {
    tolerance: {
      meaning: 'Unserved redemptions tolerated before the default path',
      engine: { unit: 'count per sale', from: 'genesis' },
      kernel: 'fraction of a period’s redemptions',
      lab: 'fraction of a period’s redemptions',
    },
    releaseDuration: {
      meaning: 'Time over which sale proceeds are released to the lab',
      kernel: 'blocks',
      lab: 'days',
    },
  },
  usageEmission: {
    lambda: {
      meaning: 'Weight λ of the usage share in each subnet’s emission share',
      engine: { unit: 'ppm (bigint)', from: 'genesis' },
      kernel: 'fraction',
      lab: 'fraction',
    },
    halfLife: {
      meaning: 'Half-life of the usage EMA',
      engine: { unit: 'blocks', from: 'genesis' },
      kernel: 'blocks',
      lab: 'days',
    },
  },
  computeMarket: {
    mint: {
      meaning: 'TAO minted to compute providers pro rata to verified work',
      engine: { unit: 'rao per market epoch (bigint)', from: 'genesis' },
      kernel: 'TAO per block',
      lab: 'TAO per day',
    },
    feeShare: {
      meaning: 'Share of each purchase paid to the treasury (the rest is burned)',
      engine: { unit: 'ppm (bigint)', from: 'genesis' },
      kernel: 'fraction',
      lab: 'fraction',
    },
  },
} as const satisfies Record<string, Record<string, MechanismKnob>>;

/** A section of the knob table. */
export type MechanismSection = keyof typeof MECHANISM_KNOBS;

/** The names of the mechanisms themselves (every section but `common`), the same in all layers. */
export type MechanismName = Exclude<MechanismSection, 'common'>;

/** The knobs of `S` that layer `L` has. */
export type KnobOf<S extends MechanismSection, L extends 'engine' | 'kernel' | 'lab'> = {
  [K in keyof (typeof MECHANISM_KNOBS)[S]]: (typeof MECHANISM_KNOBS)[S][K] extends Record<L, unknown>
    ? K
    : never;
}[keyof (typeof MECHANISM_KNOBS)[S]];
