/** A time-axis tick in UTC, as fine as the span needs: "14:05:30" within a day, "12-07 14:05" within weeks, else the date. */
export function timeTick(t: number, span: number): string {
  const iso = new Date(t).toISOString();
  if (span <= 3_600_000) return iso.slice(11, 19);
  if (span <= 86_400_000) return iso.slice(11, 16);
  if (span <= 31 * 86_400_000) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(0, 10);
}
