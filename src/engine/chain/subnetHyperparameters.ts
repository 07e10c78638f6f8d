/**
 * The subnet hyperparameters `sudo_set_hyperparameter` sets: for each, the chain's value type, who may set
 * it (the sudo account always; the subnet owner where the chain's admin call lets owners), its bounds
 * (narrower for the owner where the chain says so), where it lives in the subnet record, and any rule
 * that ties it to another field. Each mirrors one `sudo_set_*` call of the chain's admin pallet (or the
 * owner's `set_tempo` / `set_activity_cutoff_factor`).
 *
 * Not modelled: the owner's per-hyperparameter rate limit and the admin freeze window before an epoch.
 */
import { U16_MAX, U32_MAX, U64_MAX, U128_MAX } from '../fixed/index.ts';
import type { Mutable } from '../state/draft.ts';
import type { EpochParams, SubnetState } from '../state/types.ts';
import { type ChainRejection, rejection } from './context.ts';

/** The chain's type of a hyperparameter (u64 counts of blocks or epochs are held as numbers). */
export type HyperparameterType = 'bool' | 'u16' | 'i16' | 'u32' | 'u64' | 'rao' | 'u64f64';

/** Who may set a hyperparameter. */
export type HyperparameterSetter = 'sudo' | 'ownerOrSudo';

/** The JavaScript value of a hyperparameter type. */
type ValueOf<T extends HyperparameterType> = T extends 'bool'
  ? boolean
  : T extends 'u16' | 'i16' | 'u32' | 'u64'
    ? number
    : bigint;

/** One hyperparameter: its type, setter, bounds, place in the record and cross-field rule. */
export interface HyperparameterSpec<T extends HyperparameterType = HyperparameterType> {
  readonly type: T;
  readonly setBy: HyperparameterSetter;
  /** Inclusive bounds within the type's range (default: the whole range). */
  readonly min?: ValueOf<T>;
  readonly max?: ValueOf<T>;
  /** Narrower inclusive bounds when the subnet owner (not the sudo account) sets it. */
  readonly ownerMin?: ValueOf<T>;
  readonly ownerMax?: ValueOf<T>;
  readonly read: (subnet: SubnetState) => ValueOf<T>;
  readonly write: (subnet: Mutable<SubnetState>, value: ValueOf<T>, block: number) => void;
  /** A rule against the rest of the record, checked after the bounds. */
  readonly check?: (subnet: SubnetState, value: ValueOf<T>) => ChainRejection | null;
}

/** The whole range of each type. */
export const TYPE_RANGE: { readonly [T in HyperparameterType]: readonly [ValueOf<T>, ValueOf<T>] } = {
  bool: [false, true],
  u16: [0, Number(U16_MAX)],
  i16: [-32_768, 32_767],
  u32: [0, Number(U32_MAX)],
  // u64 on chain; held as a number, so bounded where a number stays exact
  u64: [0, Number.MAX_SAFE_INTEGER],
  rao: [0n, U64_MAX],
  u64f64: [0n, U128_MAX],
};

/** The JavaScript kind of each type's values (what `ValueOf` says, for checks of external input). */
export const VALUE_KIND: { readonly [T in HyperparameterType]: 'boolean' | 'integer' | 'bigint' } = {
  bool: 'boolean',
  u16: 'integer',
  i16: 'integer',
  u32: 'integer',
  u64: 'integer',
  rao: 'bigint',
  u64f64: 'bigint',
};

const spec = <T extends HyperparameterType>(s: HyperparameterSpec<T>): HyperparameterSpec<T> => s;

/** A field of the epoch hyperparameters (spec §7, §11). */
function epochField<K extends keyof EpochParams>(key: K) {
  return {
    read: (s: SubnetState) => s.epoch[key],
    write: (s: Mutable<SubnetState>, v: EpochParams[K]) => {
      s.epoch = { ...s.epoch, [key]: v };
    },
  };
}

const ONE_U64F64 = 1n << 64n;

/** Every hyperparameter `sudo_set_hyperparameter` accepts, by name. */
export const SUBNET_HYPERPARAMETERS = {
  /** Blocks per epoch. Setting it restarts the cycle (`LastEpochBlock = now`). */
  tempo: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    ownerMin: 360,
    ownerMax: 50_400,
    read: (s) => s.tempo,
    write: (s, v, block) => {
      s.tempo = v;
      s.lastEpochBlock = block;
    },
  }),
  immunityPeriod: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    read: (s) => s.immunityPeriod,
    write: (s, v) => {
      s.immunityPeriod = v;
    },
  }),
  minAllowedWeights: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    read: (s) => s.minAllowedWeights,
    write: (s, v) => {
      s.minAllowedWeights = v;
    },
  }),
  /** Between the chain's `MinAllowedUids` default (64) and `DefaultMaxAllowedUids` (256), and not below the UIDs in use. */
  maxAllowedUids: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    min: 64,
    max: 256,
    read: (s) => s.maxAllowedUids,
    write: (s, v) => {
      s.maxAllowedUids = v;
    },
    check: (s, v) =>
      v < s.neurons.length
        ? rejection('ValueNotInBounds', 'value', `maxAllowedUids: ${s.neurons.length} UIDs are in use`)
        : null,
  }),
  weightsSetRateLimit: spec({
    type: 'u64',
    setBy: 'sudo',
    read: (s) => s.weightsSetRateLimit,
    write: (s, v) => {
      s.weightsSetRateLimit = v;
    },
  }),
  registrationAllowed: spec({
    type: 'bool',
    setBy: 'sudo',
    read: (s) => s.registrationAllowed,
    write: (s, v) => {
      s.registrationAllowed = v;
    },
  }),
  /** `MaxBurnHalfLife` is 36,100 blocks. */
  burnHalfLife: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    min: 1,
    max: 36_100,
    read: (s) => s.burnHalfLife,
    write: (s, v) => {
      s.burnHalfLife = v;
    },
  }),
  /** U64F64 raw bits, 1 to 3. */
  burnIncreaseMult: spec({
    type: 'u64f64',
    setBy: 'ownerOrSudo',
    min: ONE_U64F64,
    max: 3n * ONE_U64F64,
    read: (s) => s.burnIncreaseMult,
    write: (s, v) => {
      s.burnIncreaseMult = v as SubnetState['burnIncreaseMult'];
    },
  }),
  /** Below `MinBurnUpperBound` (1 TAO) and below the max burn. */
  minBurn: spec({
    type: 'rao',
    setBy: 'ownerOrSudo',
    max: 999_999_999n,
    read: (s) => s.minBurn,
    write: (s, v) => {
      s.minBurn = v;
    },
    check: (s, v) =>
      v < s.maxBurn
        ? null
        : rejection('ValueNotInBounds', 'value', `minBurn must be below maxBurn (${s.maxBurn} rao)`),
  }),
  /** Above `MaxBurnLowerBound` (0.1 TAO) and above the min burn. */
  maxBurn: spec({
    type: 'rao',
    setBy: 'ownerOrSudo',
    min: 100_000_001n,
    read: (s) => s.maxBurn,
    write: (s, v) => {
      s.maxBurn = v;
    },
    check: (s, v) =>
      v > s.minBurn
        ? null
        : rejection('ValueNotInBounds', 'value', `maxBurn must be above minBurn (${s.minBurn} rao)`),
  }),
  ownerCutEnabled: spec({
    type: 'bool',
    setBy: 'ownerOrSudo',
    read: (s) => s.ownerCutEnabled,
    write: (s, v) => {
      s.ownerCutEnabled = v;
    },
  }),
  kappa: spec({ type: 'u16', setBy: 'sudo', ...epochField('kappa') }),
  /**
   * Parts of 1,000,000; the owner at most 975,000. The chain lets the sudo account go higher; the engine
   * stops at 1,000,000, past which the bonds' moving-average weight would turn negative.
   */
  bondsMovingAverage: spec({
    type: 'u64',
    setBy: 'ownerOrSudo',
    max: 1_000_000,
    ownerMax: 975_000,
    ...epochField('bondsMovingAverage'),
  }),
  bondsPenalty: spec({ type: 'u16', setBy: 'ownerOrSudo', ...epochField('bondsPenalty') }),
  yuma3: spec({ type: 'bool', setBy: 'ownerOrSudo', ...epochField('yuma3') }),
  liquidAlpha: spec({ type: 'bool', setBy: 'ownerOrSudo', ...epochField('liquidAlpha') }),
  /** At least 65535/40 and at most alphaHigh; only while liquid alpha is on (the chain sets the pair at once). */
  alphaLow: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    min: 1_638,
    ...epochField('alphaLow'),
    check: (s, v) =>
      !s.epoch.liquidAlpha
        ? rejection('LiquidAlphaDisabled', 'name', 'alphaLow: turn liquidAlpha on first')
        : v > s.epoch.alphaHigh
          ? rejection(
              'ValueNotInBounds',
              'value',
              `alphaLow must be at most alphaHigh (${s.epoch.alphaHigh})`,
            )
          : null,
  }),
  /** At least 65535/40 and at least alphaLow; only while liquid alpha is on. */
  alphaHigh: spec({
    type: 'u16',
    setBy: 'ownerOrSudo',
    min: 1_638,
    ...epochField('alphaHigh'),
    check: (s, v) =>
      !s.epoch.liquidAlpha
        ? rejection('LiquidAlphaDisabled', 'name', 'alphaHigh: turn liquidAlpha on first')
        : v < s.epoch.alphaLow
          ? rejection(
              'ValueNotInBounds',
              'value',
              `alphaHigh must be at least alphaLow (${s.epoch.alphaLow})`,
            )
          : null,
  }),
  /** Negative steepness is for the sudo account only. */
  alphaSigmoidSteepness: spec({
    type: 'i16',
    setBy: 'ownerOrSudo',
    ownerMin: 0,
    ...epochField('alphaSigmoidSteepness'),
  }),
  maxAllowedValidators: spec({
    type: 'u16',
    setBy: 'sudo',
    ...epochField('maxAllowedValidators'),
    check: (s, v) =>
      v > s.maxAllowedUids
        ? rejection(
            'ValueNotInBounds',
            'value',
            `maxAllowedValidators must be at most maxAllowedUids (${s.maxAllowedUids})`,
          )
        : null,
  }),
  /** Per mille of the tempo (1,000 = one tempo). */
  activityCutoffFactorMilli: spec({
    type: 'u32',
    setBy: 'ownerOrSudo',
    min: 1_000,
    max: 50_000,
    ...epochField('activityCutoffFactorMilli'),
  }),
  commitRevealEnabled: spec({
    type: 'bool',
    setBy: 'ownerOrSudo',
    read: (s) => s.commitRevealEnabled,
    write: (s, v) => {
      s.commitRevealEnabled = v;
    },
  }),
  /** Epochs from a commit to its reveal (`MIN_COMMIT_REVEAL_PEROIDS` 1 to `MAX_COMMIT_REVEAL_PEROIDS` 100). */
  commitRevealPeriod: spec({
    type: 'u64',
    setBy: 'ownerOrSudo',
    min: 1,
    max: 100,
    read: (s) => s.commitRevealPeriod,
    write: (s, v) => {
      s.commitRevealPeriod = v;
    },
  }),
  servingRateLimit: spec({
    type: 'u64',
    setBy: 'ownerOrSudo',
    read: (s) => s.servingRateLimit,
    write: (s, v) => {
      s.servingRateLimit = v;
    },
  }),
} as const;

/** Name of a settable subnet hyperparameter. */
export type HyperparameterName = keyof typeof SUBNET_HYPERPARAMETERS;

/** The value type of hyperparameter `N`. */
export type HyperparameterValue<N extends HyperparameterName> = ReturnType<
  (typeof SUBNET_HYPERPARAMETERS)[N]['read']
>;

/** Every hyperparameter name, for validation of external input. */
export const HYPERPARAMETER_NAMES = Object.keys(SUBNET_HYPERPARAMETERS) as readonly HyperparameterName[];

/** True when `name` is a settable hyperparameter. */
export function isHyperparameterName(name: string): name is HyperparameterName {
  return Object.hasOwn(SUBNET_HYPERPARAMETERS, name);
}
