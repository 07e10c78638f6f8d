/** Amounts of TAO in the API's one JSON shape `{ rao, tao }`. */
export {
  type AmountJson,
  amountJson,
  amountJsonSchema,
  amountParam,
  type ParseAmountOptions,
  parseAmount,
} from './amount.ts';
export { AmountError, type AmountErrorCode } from './amountError.ts';
