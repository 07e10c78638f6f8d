/**
 * Former scenario keys of `model.mechanisms`, per object: old → new. The knobs took the names the
 * engine and the kernel use (MECHANISM_KNOBS), so a scenario written with an old key is told the new one.
 */
export const RENAMED_MECHANISM_KEYS = {
  mechanisms: { periodDays: 'period', usage: 'usageEmission', compute: 'computeMarket' },
  covenant: { bondTao: 'bond' },
  vesting: { vestDays: 'vestDuration', cliffDays: 'cliff' },
  credits: { releaseDays: 'releaseDuration' },
  usageEmission: { halfLifeDays: 'halfLife' },
  computeMarket: { taoPerDay: 'mint' },
} as const satisfies Record<string, Record<string, string>>;
