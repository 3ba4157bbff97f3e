/**
 * How the fleet bench compresses time: an "hour" of `hourSeconds` real seconds (a divisor of 3,600 that a cron
 * expression repeats at evenly: 60, 120, … 600 … 3,600, or a divisor of 60 below a minute). Host `index` of
 * `hosts` gets its own offset in that hour, so the fleet's collections are spread evenly over it, as an operator
 * spreads hourly schedules; with 3,600 it is a real hourly schedule ("S M * * * *").
 */
export function compressedHourlySchedule(index: number, hosts: number, hourSeconds: number): string {
  const offset = Math.floor((index * hourSeconds) / hosts);
  if (hourSeconds < 60 && 60 % hourSeconds === 0) return `${offset}-59/${hourSeconds} * * * * *`;
  if (hourSeconds % 60 !== 0 || 3_600 % hourSeconds !== 0)
    throw new Error(`a compressed hour must divide 3600 s evenly (60, 120, … 600 … 3600), not ${hourSeconds}`);
  const minutes = hourSeconds / 60;
  const [second, minute] = [offset % 60, Math.floor(offset / 60)];
  // Croner steps from a range, never from a bare number ("3/10" is refused): "3-59/10" is 3, 13, … 53.
  return minutes === 60 ? `${second} ${minute} * * * *` : `${second} ${minute}-59/${minutes} * * * *`;
}
