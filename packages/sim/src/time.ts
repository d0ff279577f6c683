/** Simulated time is milliseconds since the epoch; people live by China Standard Time (UTC+8). */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const CHINA_OFFSET = 8 * HOUR;

/** The hour of the day in China (0–23) at `at`. */
export function chinaHour(at: number): number {
  return Math.floor(((at + CHINA_OFFSET) % (24 * HOUR)) / HOUR);
}

/** ISO 8601 with the +08:00 offset, as Chinese partners write times. */
export function isoChina(at: number): string {
  return new Date(at + CHINA_OFFSET).toISOString().replace('Z', '+08:00');
}

/** How busy people are at `at`, relative to the day's mean: a simple day/night curve. */
export function activity(at: number): number {
  const hour = chinaHour(at);
  if (hour < 6) return 0.15;
  if (hour < 8) return 0.7;
  if (hour < 22) return 1.45;
  return 0.6;
}
