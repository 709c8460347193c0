// The issue date closest to a date asked for (a reader's jump to a day with no issue).

/** Nearest of `dates` (ISO) to `date`; ties go to the earlier date; null when there are none. */
export function nearestDate(dates: readonly string[], date: string): string | null {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const target = day(date);
  if (Number.isNaN(target)) return null;
  let best: string | null = null;
  let bestGap = Infinity;
  for (const d of dates) {
    const gap = Math.abs(day(d) - target);
    if (gap < bestGap || (gap === bestGap && best !== null && d < best)) [best, bestGap] = [d, gap];
  }
  return best;
}
