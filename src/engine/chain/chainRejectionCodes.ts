/**
 * The chain's rejection codes: the runtime's error names its calls return (the pool's pass through a
 * stake call unchanged), declared once so a misspelt code is a compile error and a caller can switch
 * over a receipt's `error.code` exhaustively.
 */
import { POOL_REJECTION_CODES } from '../pool/poolRejectionCodes.ts';

/** Every code a core call (or the block's dispatch) can reject with. */
export const CHAIN_REJECTION_CODES = [
  ...POOL_REJECTION_CODES,
  'AmountTooLow',
  'AmountZero',
  'BadOrigin',
  'CannotBurnOrRecycleOnRootSubnet',
  'DelegateTakeTooHigh',
  'DelegateTakeTooLow',
  'DelegateTxRateLimitExceeded',
  'DuplicateChild',
  'DuplicateUids',
  'FirstEmissionBlockNumberAlreadySet',
  'HotKeyAccountNotExists',
  'HotKeyAlreadyRegisteredInSubNet',
  'HotKeyNotRegisteredInSubNet',
  'InvalidChild',
  'InvalidChildkeyProportion',
  'InvalidTake',
  'InvalidValue',
  'InvalidWeight',
  'NeedWaitingMoreBlocksToStarCall',
  'NetworkTxRateLimitExceeded',
  'NeuronNoValidatorPermit',
  'NoNeuronIdAvailable',
  'NonAssociatedColdKey',
  'NotEnoughBalance',
  'NotEnoughBalanceToStake',
  'NotEnoughStakeToSetChildkeys',
  'NotEnoughStakeToSetWeights',
  'NotEnoughStakeToWithdraw',
  'NotSubnetOwner',
  'NothingToClaim',
  'ProportionOverflow',
  'RegistrationNotPermittedOnRootSubnet',
  'SameStakeTarget',
  'SettingWeightsTooFast',
  'SubNetRegistrationDisabled',
  'SubnetLimitReached',
  'SubnetNotExists',
  'SubtokenDisabled',
  'TooManyChildren',
  'UidVecContainInvalidOne',
  'UnknownCall',
  'WeightVecLengthIsLow',
  'WeightVecNotEqualSize',
] as const;

/** A rejection code of the chain's core. */
export type ChainRejectionCode = (typeof CHAIN_REJECTION_CODES)[number];
