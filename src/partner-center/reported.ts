/**
 * The facts a Partner Center subscription resource states itself — `cancellationAllowedUntilDate`,
 * `refundOptions[].expiresAt`, `commitmentEndDateTime`, `actions`, `suspensionReasons` — read as
 * reported (docs/partner-center.md "Reported facts"), and cross-checked against the library's own
 * computation: a disagreement is a `REPORTED_DIFFERS` note.
 */
import type { Policy } from '../policy/policy.js';
import type { Subscription } from '../snapshot/subscription.js';
import { civilFromDay, dayOf, DAY_MS, endOfDay, HOUR_MS } from '../time/day.js';
import type { Instant } from '../time/instant.js';
import type { Note } from './notes.js';
import { auxiliary, get, optionalInstant, pathOf, readLenientInstant, type At } from './read.js';
import { CspRulesError, describe } from '../core/errors.js';
import { toRecord } from '../core/validate.js';

/** One `refundOptions[i]` entry as reported. */
export interface ReportedRefundOption {
  /** `full` or `partial` (lower-cased), or the text as written when it is neither. */
  readonly type: string;
  /** `expiresAt`: the exclusive end of the option; `null` when absent or a placeholder. */
  readonly expiresAt: Instant | null;
}

/** What the JSON states itself; `null` (or empty) when it does not say. */
export interface Reported {
  /** `cancellationAllowedUntilDate`: the exclusive end of the cancellation window, as reported. */
  readonly cancellationAllowedUntil: Instant | null;
  /**
   * Whether that value is day-granular (Microsoft writes `…T23:59:00Z` for software): it is then
   * compared with the library's deadline by UTC day, not to the millisecond.
   */
  readonly cancellationDayGranular: boolean;
  /** `refundOptions`, in order. */
  readonly refundOptions: readonly ReportedRefundOption[];
  /** `commitmentEndDateTime`: the last instant of the term as reported (`…T23:59:59Z`). */
  readonly commitmentEndsAt: Instant | null;
  /** `actions` (lower-cased): what Partner Center offers on the subscription now; `null` when absent. */
  readonly actions: readonly string[] | null;
  /** `suspensionReasons`, as written; `null` when absent. */
  readonly suspensionReasons: readonly string[] | null;
}

/**
 * A day-granular value: Microsoft writes the last minute or second of the day (`…T23:59:00Z`,
 * `…T23:59:59Z`) for "until the end of that day".
 */
export function isDayGranular(at: Instant): boolean {
  const ms = at - dayOf(at) * DAY_MS;
  return ms === DAY_MS - 60_000 || ms === DAY_MS - 1000;
}

/** The reported facts of `root`; a field that cannot be read is a `FIELD_NOT_READ` note and absent. */
export function readReported(root: At, notes: Note[]): Reported {
  const cancellationAllowedUntil = auxiliary('cancellationAllowedUntilDate', notes, null, () =>
    optionalInstant(root, 'cancellationAllowedUntilDate'),
  );
  return {
    cancellationAllowedUntil,
    cancellationDayGranular: cancellationAllowedUntil !== null && isDayGranular(cancellationAllowedUntil),
    refundOptions: auxiliary('refundOptions', notes, [], () => readRefundOptions(root)),
    commitmentEndsAt: auxiliary('commitmentEndDateTime', notes, null, () =>
      optionalInstant(root, 'commitmentEndDateTime'),
    ),
    actions: auxiliary('actions', notes, null, () => strings(root, 'actions', true)),
    suspensionReasons: auxiliary('suspensionReasons', notes, null, () => strings(root, 'suspensionReasons', false)),
  };
}

function readRefundOptions(root: At): readonly ReportedRefundOption[] {
  const raw = get(root, 'refundOptions');
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw new CspRulesError('INVALID_TYPE', 'refundOptions', `expected an array, got ${describe(raw)}`, raw);
  }
  return (raw as readonly unknown[]).map((item, i) => {
    const path = `refundOptions[${i}]`;
    const at: At = { record: toRecord(item, path), path, ...(root.notes === undefined ? {} : { notes: root.notes }) };
    const type = get(at, 'type');
    const expires = get(at, 'expiresAt');
    return {
      type: typeof type === 'string' ? type.trim().toLowerCase() : describe(type),
      expiresAt:
        expires === undefined || expires === null
          ? null
          : readLenientInstant(expires, pathOf(at, 'expiresAt'), root.notes),
    };
  });
}

function strings(root: At, key: string, lower: boolean): readonly string[] | null {
  const raw = get(root, key);
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string')) {
    throw new CspRulesError('INVALID_TYPE', key, `expected an array of strings, got ${describe(raw)}`, raw);
  }
  return (raw as readonly string[]).map((x) => (lower ? x.trim().toLowerCase() : x));
}

/**
 * The library's own cancellation deadline and full-refund end for `sub`'s current term, without
 * `now`: the window from the term start (or the purchase) by the policy; `null` when the start is
 * not known (a renewal whose completion is not reported).
 */
export function computedWindows(
  sub: Subscription,
  policy: Policy,
): { readonly cancelUntil: Instant | null; readonly fullRefundUntil: Instant | null } {
  const pp = policy.programs[sub.program];
  const start =
    pp.cancelFrom === 'purchase' ? sub.purchasedAt : (sub.cancellationWindowFrom ?? sub.termStartedAt ?? null);
  if (start === null) return { cancelUntil: null, fullRefundUntil: null };
  const cancelUntil = start + pp.cancelWindowHours[sub.billing] * HOUR_MS;
  const fullRefundUntil =
    pp.refund === 'full' ? cancelUntil : pp.fullRefundHours > 0 ? start + pp.fullRefundHours * HOUR_MS : null;
  return { cancelUntil, fullRefundUntil };
}

/**
 * Cross-checks the reported facts against the library's computation; each disagreement is a
 * `REPORTED_DIFFERS` note (kind `warning`) naming both values. Day-granular values compare by day.
 */
export function crossCheck(sub: Subscription, reported: Reported, policy: Policy, notes: Note[]): void {
  const ours = computedWindows(sub, policy);
  const iso = (t: Instant | null): string => (t === null ? 'none' : new Date(t).toISOString());
  const r = reported.cancellationAllowedUntil;
  if (r !== null && ours.cancelUntil !== null && !sameDeadline(r, ours.cancelUntil, reported.cancellationDayGranular)) {
    notes.push({
      code: 'REPORTED_DIFFERS',
      field: 'cancellationAllowedUntilDate',
      kind: 'warning',
      message: `reported ${iso(r)}, computed ${iso(ours.cancelUntil)}: the reported deadline is used`,
    });
  }
  reported.refundOptions.forEach((option, i) => {
    if (option.type !== 'full' || option.expiresAt === null) return;
    if (ours.fullRefundUntil !== null && sameDeadline(option.expiresAt, ours.fullRefundUntil, false)) return;
    notes.push({
      code: 'REPORTED_DIFFERS',
      field: `refundOptions[${i}].expiresAt`,
      kind: 'warning',
      message: `full refund until ${iso(option.expiresAt)} reported, ${ours.fullRefundUntil === null ? 'none' : iso(ours.fullRefundUntil)} computed: the reported one is used`,
    });
  });
  const end = reported.commitmentEndsAt;
  if (
    end !== null &&
    dayOf(end) !== sub.termEndDay &&
    end !== endOfDay(sub.termEndDay) &&
    civilFromDay(sub.termEndDay).year < 9999
  ) {
    notes.push({
      code: 'REPORTED_DIFFERS',
      field: 'commitmentEndDateTime',
      kind: 'warning',
      message: `reported ${iso(end)}, the term computed ends at ${iso(endOfDay(sub.termEndDay))}`,
    });
  }
}

/** T2: a day-granular reported value agrees with an exclusive deadline on the same UTC day. */
export function sameDeadline(reported: Instant, ours: Instant, dayGranular: boolean): boolean {
  return dayGranular ? dayOf(reported) === dayOf(ours - 1) : reported === ours;
}
