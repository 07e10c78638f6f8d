import type { Unit } from './formatValue.ts';

/**
 * A Vega expression for a compact number: SI-style `1.5k` / `2M` / `3B` in the usual range, scientific
 * notation for the extremes (d3's `s` would print `1000000Q` past 1e33).
 */
function compact(x: string): string {
  return (
    `(abs(${x}) >= 1e15 || (abs(${x}) < 1e-4 && ${x} != 0) ? replace(format(${x}, '.2~e'), 'e+', 'e') : ` +
    `abs(${x}) >= 1e3 ? replace(format(${x}, '.3~s'), 'G', 'B') : format(${x}, '.3~r'))`
  );
}

/**
 * A Vega `labelExpr` that formats an axis tick (`datum.value`) in the metric's unit; `exponent` undoes
 * the scaling of charts whose values were divided by 10^exponent (see chartExponent).
 */
export function axisLabelExpr(unit: Unit, exponent = 0): string {
  const v = exponent === 0 ? 'datum.value' : `(datum.value * pow(10, ${exponent}))`;
  switch (unit) {
    case 'USD':
      return `${v} < 0 ? '-$' + ${compact(`(-${v})`)} : '$' + ${compact(v)}`;
    case 'share':
    case 'return':
    case 'boolean':
      return `abs(${v}) >= 100 ? ${compact(`(${v} * 100)`)} + '%' : format(${v}, '.3~%')`;
    default:
      return compact(v);
  }
}

/** Axis title for a unit (empty when the label says it all). */
export function unitTitle(unit: Unit): string {
  switch (unit) {
    case 'USD':
      return 'USD';
    case 'TAO':
      return 'TAO';
    case 'share':
      return 'share of total';
    case 'return':
      return 'return';
    case 'count':
      return 'count';
    default:
      return '';
  }
}
