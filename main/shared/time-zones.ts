/**
 * The IANA time zones a shop's days can be counted in. The zones Huike's sellers actually have
 * come first (mainland China, Hong Kong, Taiwan, Singapore, and the markets their own web shops
 * sell to); every other zone the runtime knows follows, alphabetically.
 */

export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Australia/Sydney',
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'UTC',
] as const;

/** True when the runtime can count days in `zone` (an IANA name such as Asia/Shanghai). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The common zones, then every other zone the runtime lists (Node and Chromium both do). */
export function allTimeZones(): string[] {
  const listed =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ([] as string[]);
  const common = new Set<string>(COMMON_TIME_ZONES);
  return [...COMMON_TIME_ZONES, ...listed.filter((z) => !common.has(z)).sort()];
}
