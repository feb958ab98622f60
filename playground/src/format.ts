/**
 * Instants as text, through the library's display entry (T5): UTC, wall-clock time in the
 * chosen IANA zone, and "closes in 2 d 3 h". Only strings leave this file.
 */
import { formatInZone, formatRelative, formatUtc, isTimeZone } from 'csp-subscription-rules/display';

/** `2024-03-17 14:02:45 UTC`. */
export const utc = (ms: number): string => formatUtc(ms);

/** `2024-03-17 15:02:45 +01:00` in `zone`. */
export const zoned = (ms: number, zone: string): string => formatInZone(ms, zone);

/** Short axis label in `zone`: `17 Mar 2024`. */
export const shortDay = (ms: number, zone: string): string => formatInZone(ms, zone, 'd MMM yyyy');

/** Short time in `zone`: `17 Mar 15:02`. */
export const shortDayTime = (ms: number, zone: string): string => formatInZone(ms, zone, 'd MMM HH:mm');

/** `closes in 2 d 3 h` / `opens in 1 d` / `closed 4 h ago`. */
export const relative = (now: number, to: number, verb: 'closes' | 'opens'): string => formatRelative(now, to, verb);

/** Whether the runtime knows `zone`. */
export const knownZone = (zone: string): boolean => isTimeZone(zone);

/** The zones the time-zone picker offers: UTC first, then every zone the browser knows. */
export function zoneList(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...all.filter((z) => z !== 'UTC')];
}

/** The browser's own zone (display only; the library never reads it, T4). */
export function browserZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return knownZone(zone) ? zone : 'UTC';
}
