/** A metric's label inside a sentence. */

/**
 * `label` with its first letter lowered unless it starts an acronym: `Holder return` → `holder return`,
 * `TAO holder return` stays.
 * @example labelInSentence('Return') // 'return'
 */
export function labelInSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second !== '' && second === second.toUpperCase() && /\p{L}/u.test(second)
    ? label
    : first.toLowerCase() + label.slice(1);
}
