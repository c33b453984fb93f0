/**
 * Small statistics with their case ids kept alongside, so every figure can be traced to the cases behind it.
 * Percentiles use the nearest-rank method (the value of an actual case, no interpolation): the P-th
 * percentile of n sorted values is the ceil(P/100 · n)-th; the median is the lower median. A head contesting
 * a median can then be shown the very case that sets it.
 */
export interface Sample {
  readonly caseId: string;
  readonly value: number;
}

export interface PercentileFigure {
  readonly value: number | null;
  /** The case whose value is the percentile. */
  readonly caseId: string | null;
}

export function sortSample(sample: readonly Sample[]): Sample[] {
  return [...sample].sort((a, b) => a.value - b.value || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

export function nearestRank(sorted: readonly Sample[], percentile: number): PercentileFigure {
  if (sorted.length === 0) return { value: null, caseId: null };
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  const pick = sorted[rank - 1];
  return { value: pick.value, caseId: pick.caseId };
}

/** met / counted, or null when nothing counts (a share of nothing is not 0 %). */
export function shareOf(met: number, counted: number): number | null {
  return counted === 0 ? null : met / counted;
}
