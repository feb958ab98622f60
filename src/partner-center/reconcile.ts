/**
 * Where the library's windows differ from what Partner Center reports (C1, C12, Q2, Q4):
 * `cancellationAllowedUntilDate` against {@link canCancel}, `refundableQuantity` against
 * {@link reducibleSeats}. Each difference lists both values.
 */
import { get, readRefundable, optionalInstant, type At, type RefundableDetail } from './read.js';
import { isDayGranular, sameDeadline } from './reported.js';
import { canCancel } from '../decisions/cancel.js';
import { CspRulesError, describe } from '../core/errors.js';
import type { Policy } from '../policy/policy.js';
import { reducibleSeats } from '../decisions/seats.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { own, toRecord } from '../core/validate.js';

/** A seat batch on either side: its quantity and the exclusive end of its window. */
export interface ReconciledBatch {
  /** Seats in the batch that can still be reduced. */
  readonly quantity: number;
  /** The exclusive end of the batch's reduction window (Q2). */
  readonly allowedUntil: Instant;
}

/** One difference; `field` is the Partner Center JSON path compared. */
export type Difference =
  | {
      readonly kind: 'instant';
      /** `cancellationAllowedUntilDate`, or a batch's `refundableQuantity.details[i].allowedUntilDateTime`. */
      readonly field: 'cancellationAllowedUntilDate' | `refundableQuantity.details[${number}].allowedUntilDateTime`;
      /** `null`: no deadline (not possible now). */
      readonly ours: Instant | null;
      /** What Partner Center reports; `null` when it reports no deadline still ahead. */
      readonly theirs: Instant | null;
    }
  | {
      readonly kind: 'quantity';
      /** The total, or one batch's quantity. */
      readonly field: 'refundableQuantity.totalQuantity' | `refundableQuantity.details[${number}].quantity`;
      /** The library's count. */
      readonly ours: number;
      /** Partner Center's count. */
      readonly theirs: number;
    }
  | {
      readonly kind: 'batch';
      /** `refundableQuantity.details[i]` for a batch only Partner Center reports, `refundableQuantity.details` for one only we see. */
      readonly field: 'refundableQuantity.details' | `refundableQuantity.details[${number}]`;
      readonly ours: ReconciledBatch | null;
      readonly theirs: ReconciledBatch | null;
    };

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** The instant the JSON was fetched: Partner Center's values describe that instant. */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
  /** Differences of instants up to this many ms are ignored (default 0: exact). */
  readonly toleranceMs?: number;
}

/**
 * Compares our windows at `now` with the Partner Center resource fetched at `now`.
 *
 * - `cancellationAllowedUntilDate` (C1, C12): absent (or a placeholder) means not reported:
 *   nothing compared; `null` is Microsoft's "not allowed to be cancelled" (theirs `null`). Ours is {@link canCancel}'s `until` when a cancellation is possible now
 *   (immediately, or scheduled for renewal: C4/C5), else `null`. Theirs is the reported instant
 *   while it is after `now`, else `null` (the window has closed; Partner Center may keep showing
 *   the past deadline). A day-granular value (`…T23:59:00Z`, `…T23:59:59Z`) agrees with ours when
 *   both fall on the same UTC day (ours is exclusive: its last millisecond's day).
 * - `refundableQuantity` absent: not reported, nothing compared.
 * - `refundableQuantity.totalQuantity` (Q4): ours is the sum of the open batches of
 *   {@link reducibleSeats} **before** the keep-one-seat cap (Partner Center counts every seat of an
 *   open batch; the cap is our policy, Q2).
 * - `refundableQuantity.details` (Q4): batches are matched by window end (one merge pass over both
 *   sides sorted, so the cost grows linearly after the sorts); the unmatched are paired
 *   in order of their window end (a difference of `allowedUntilDateTime` and/or `quantity`), and
 *   what is left is reported as a batch only one side has. Reported batches whose window ended
 *   by `now` are left out, as are ours outside their window.
 *
 * @param subscription - our description of the subscription
 * @param partnerCenter - the Partner Center subscription resource (as `JSON.parse` returns it)
 * @returns the differences; empty when both agree
 * @throws {@link CspRulesError} naming the JSON path for invalid Partner Center values
 *
 * @example
 * ```ts
 * reconcile(ours, pcJson, { now: '2024-03-12T12:00:00Z' });
 * // [{ kind: 'instant', field: 'cancellationAllowedUntilDate',
 * //    ours: Date.parse('2024-03-15T00:00:00Z'), theirs: Date.parse('2024-03-15T03:12:44Z') }]
 * ```
 */
export function reconcile(
  subscription: SubscriptionInput | Subscription,
  partnerCenter: unknown,
  options: ReconcileOptions,
): readonly Difference[] {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const tolerance = own(o, 'toleranceMs') ?? 0;
  if (typeof tolerance !== 'number' || !Number.isSafeInteger(tolerance) || tolerance < 0) {
    throw new CspRulesError(
      'INVALID_QUANTITY',
      'toleranceMs',
      `expected whole milliseconds ≥ 0, got ${describe(tolerance)}`,
      tolerance,
    );
  }
  const root: At = { record: toRecord(partnerCenter, '$'), path: '' };
  const same = (a: Instant | null, b: Instant | null): boolean =>
    a === null || b === null ? a === b : Math.abs(a - b) <= tolerance;
  const policy = own(o, 'policy') as ReconcileOptions['policy'];
  const decide = { now, ...(policy === undefined ? {} : { policy }) };
  const differences: Difference[] = [];

  // C1, C12: the cancellation deadline. Absent (or a placeholder) means not reported: nothing to
  // compare; `null` is Microsoft's "not allowed to be cancelled" (no deadline).
  const raw = get(root, 'cancellationAllowedUntilDate');
  const reported = raw === undefined ? null : optionalInstant(root, 'cancellationAllowedUntilDate');
  if (raw === null || reported !== null) {
    const cancel = canCancel(sub, decide);
    const ours = cancel.allowed ? cancel.until : null;
    const theirs = reported !== null && reported > now ? reported : null;
    // T2: Microsoft's day-granular values (…T23:59:00Z, …T23:59:59Z) compare by UTC day.
    const agree =
      ours !== null && theirs !== null && isDayGranular(theirs) ? sameDeadline(theirs, ours, true) : same(ours, theirs);
    if (!agree) differences.push({ kind: 'instant', field: 'cancellationAllowedUntilDate', ours, theirs });
  }

  // Q4: the refundable seats.
  // Absent means not reported (unknown), not zero: nothing to compare.
  const refundable = readRefundable(root);
  if (refundable === null) return differences;
  const seats = reducibleSeats(sub, decide);
  const ourBatches: ReconciledBatch[] = seats.batches.map((b) => ({ quantity: b.quantity, allowedUntil: b.until }));
  const ourTotal = ourBatches.reduce((sum, b) => sum + b.quantity, 0);
  const theirTotal = refundable.totalQuantity ?? sumOf(refundable.details ?? []);
  if (ourTotal !== theirTotal) {
    differences.push({
      kind: 'quantity',
      field: 'refundableQuantity.totalQuantity',
      ours: ourTotal,
      theirs: theirTotal,
    });
  }
  if (refundable.details !== null) differences.push(...compareBatches(ourBatches, refundable.details, now, same));
  return differences;
}

function compareBatches(
  ours: readonly ReconciledBatch[],
  details: readonly RefundableDetail[],
  now: Instant,
  same: (a: Instant | null, b: Instant | null) => boolean,
): Difference[] {
  const theirs = details
    .map((d, index) => ({ index, batch: { quantity: d.quantity, allowedUntil: d.allowedUntil } }))
    .filter((t) => t.batch.allowedUntil > now && t.batch.quantity > 0)
    .sort((a, b) => a.batch.allowedUntil - b.batch.allowedUntil || a.index - b.index);
  // Stryker disable next-line MethodExpression,ArrowFunction: equivalent — ours come from reducibleSeats, already sorted by window end (seats.ts), so dropping this sort or its comparator never reorders
  const sorted = [...ours].sort((a, b) => a.allowedUntil - b.allowedUntil);
  const unmatched: typeof theirs = [];
  const left: ReconciledBatch[] = [];
  const out: Difference[] = [];
  // Matching window ends (within tolerance) first: both sides sorted by window end, one merge
  // pass — linear after the sorts, however many batches differ.
  let i = 0;
  for (const t of theirs) {
    while (i < sorted.length && !same((sorted[i] as ReconciledBatch).allowedUntil, t.batch.allowedUntil)) {
      const o = sorted[i] as ReconciledBatch;
      if (o.allowedUntil > t.batch.allowedUntil) break;
      left.push(o);
      i++;
    }
    const o = sorted[i];
    if (o === undefined || !same(o.allowedUntil, t.batch.allowedUntil)) {
      unmatched.push(t);
      continue;
    }
    i++;
    if (o.quantity !== t.batch.quantity) {
      out.push({
        kind: 'quantity',
        field: `refundableQuantity.details[${t.index}].quantity`,
        ours: o.quantity,
        theirs: t.batch.quantity,
      });
    }
  }
  left.push(...sorted.slice(i));
  // Then in order of window end.
  unmatched.forEach((t, k) => {
    const o = left[k];
    if (o === undefined) {
      out.push({ kind: 'batch', field: `refundableQuantity.details[${t.index}]`, ours: null, theirs: t.batch });
      return;
    }
    out.push({
      kind: 'instant',
      field: `refundableQuantity.details[${t.index}].allowedUntilDateTime`,
      ours: o.allowedUntil,
      theirs: t.batch.allowedUntil,
    });
    if (o.quantity !== t.batch.quantity) {
      out.push({
        kind: 'quantity',
        field: `refundableQuantity.details[${t.index}].quantity`,
        ours: o.quantity,
        theirs: t.batch.quantity,
      });
    }
  });
  for (const o of left.slice(unmatched.length))
    out.push({ kind: 'batch', field: 'refundableQuantity.details', ours: o, theirs: null });
  return out;
}

function sumOf(details: readonly RefundableDetail[]): number {
  return details.reduce((sum, d) => sum + d.quantity, 0);
}
