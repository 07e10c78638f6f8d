/** True when consecutive positive edges grow by a constant factor (bins made for a log axis). */
export function isGeometric(edges: readonly number[]): boolean {
  if (edges.length < 3 || edges.some((e) => !(e > 0) || !Number.isFinite(e))) return false;
  const ratios = edges.slice(1).map((e, i) => e / edges[i]!);
  const first = ratios[0]!;
  return first > 1 && ratios.every((r) => Math.abs(r / first - 1) < 0.01);
}
