// The two baselines of the 7-day cancellation question ("was it bought less than 7 × 24 h
// before now?"), over the same JSON-read subscriptions as the library.
import { differenceInHours, parseISO } from 'date-fns';

const WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * (a) The limit: the least code that answers the question — a hand-written parse of
 * `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` into epoch ms and one integer compare. No validation,
 * no decision object: nothing useful can be faster.
 */
export function limitParse(s) {
  const d = (i) => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  // days from civil (H. Hinnant), years after 1970 only
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const days = era * 146_097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719_468;
  let ms =
    days * 86_400_000 + (d(11) * 10 + d(12)) * 3_600_000 + (d(14) * 10 + d(15)) * 60_000 + (d(17) * 10 + d(18)) * 1000;
  let i = 19;
  if (s.charCodeAt(i) === 46 /* . */) {
    ms += d(20) * 100 + d(21) * 10 + d(22);
    i = 23;
  }
  const z = s.charCodeAt(i);
  if (z !== 90 /* Z */) {
    const offset = (d(i + 1) * 10 + d(i + 2)) * 3_600_000 + (d(i + 4) * 10 + d(i + 5)) * 60_000;
    ms += z === 45 /* - */ ? offset : -offset;
  }
  return ms;
}

/** (a) The limit, per subscription. */
export function limitCanCancel(sub, now) {
  const purchasedAt = limitParse(sub.purchasedAt);
  return now >= purchasedAt && now - purchasedAt < WINDOW_MS;
}

/** (b) What partners write today: date-fns `parseISO` + `differenceInHours`. */
export function dateFnsCanCancel(sub, nowDate) {
  const hours = differenceInHours(nowDate, parseISO(sub.purchasedAt));
  return hours >= 0 && hours < 7 * 24;
}
