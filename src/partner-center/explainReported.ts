/**
 * `explain` for a subscription read from Partner Center, with the JSON's own facts authoritative:
 * every action says where its deadline comes from (`reported` by the JSON, or `computed` by the
 * rules), and a reported cancellation deadline or refund option replaces the computed one.
 */
import { explain, type ExplainOptions, type Explanation } from '../explain/explain.js';
import type { ActionExplanation, Outcome } from '../explain/actions.js';
import { readPolicy, type Policy } from '../policy/policy.js';
import { toInstant, type Instant } from '../time/instant.js';
import { own, toRecord } from '../core/validate.js';
import type { Note } from './notes.js';
import type { PartnerCenterSubscription } from './fromPartnerCenter.js';
import { computedWindows } from './reported.js';

/** Where a deadline comes from. */
export type DeadlineSource = 'reported' | 'computed';

/** One action of {@link explainPartnerCenter}: `explain`'s answer, with its source. */
export interface SourcedAction extends ActionExplanation {
  /** `reported`: the deadline is the JSON's own (`reportedField`); `computed`: the rules' (C1, Q2 …). */
  readonly source: DeadlineSource;
  /** The JSON field the deadline comes from or was checked against; `null` when none. */
  readonly reportedField: string | null;
  /** What the rules computed, when a reported fact replaced it; `null` otherwise. */
  readonly computed: { readonly outcome: Outcome; readonly until: Instant | null } | null;
}

/** A refund the JSON reports (`refundOptions[i]`), still open at `now`. */
export interface ReportedRefund {
  /** `full` or `partial` (as written, lower-cased). */
  readonly type: string;
  /** Exclusive end, as reported. */
  readonly until: Instant;
  /** The library's full-refund end for the same term, `null` when it has none: a cross-check. */
  readonly computedFullUntil: Instant | null;
}

/** The answer of {@link explainPartnerCenter}. */
export interface PartnerCenterExplanation extends Omit<Explanation, 'actions'> {
  /** One answer per action, each with its source. */
  readonly actions: readonly SourcedAction[];
  /** Refunds the JSON reports as still open at `now`, earliest first. */
  readonly refunds: readonly ReportedRefund[];
  /** The adapter's notes (unknowns, inferences, `REPORTED_DIFFERS` warnings). */
  readonly notes: readonly Note[];
  /** `true` when the JSON says the subscription never renews (`commitmentEndDate` in year 9999): there is no term end nor renewal instant. */
  readonly neverRenews: boolean;
}

/**
 * Explains a subscription read by `fromPartnerCenter`, with its reported facts authoritative.
 *
 * - `cancel` (C1 …): when `cancellationAllowedUntilDate` is after `now` and the subscription is
 *   active, the action is possible `now` until that instant (`source: 'reported'`); the rules'
 *   answer is kept in `computed` when it differed. When the rules already give that instant
 *   (e.g. a renewal completion inferred from it) nothing is replaced and the source is `reported`.
 * - `reduceSeats` (Q2, Q4): batches read from `refundableQuantity.details` carry the reported
 *   `allowedUntilDateTime`: `source: 'reported'`.
 * - `refundOptions[].expiresAt` after `now` are listed in `refunds`, with the library's own
 *   full-refund end beside them.
 * - Every other action is `computed`.
 *
 * @param read - what `fromPartnerCenter` returned
 * @param options - as for `explain`
 * @returns `explain`'s answer with sources, refunds and the adapter's notes
 * @throws {@link CspRulesError} as `explain`
 *
 * @example
 * ```ts
 * const read = fromPartnerCenter(JSON.parse(text));
 * const e = explainPartnerCenter(read, { now: '2024-03-12T12:00:00Z' });
 * e.actions[0]; // { action: 'cancel', until: …, source: 'reported', reportedField: 'cancellationAllowedUntilDate', … }
 * ```
 */
export function explainPartnerCenter(
  read: PartnerCenterSubscription,
  options: ExplainOptions,
): PartnerCenterExplanation {
  const e = explain(read.subscription, options);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as Policy | undefined);
  const { reported, subscription: sub } = read;
  const seatsReported = !read.notes.some((n) => n.code === 'SEAT_BATCHES_UNKNOWN' || n.code === 'SEAT_BATCHES_IGNORED');
  const actions = e.actions.map((a): SourcedAction => {
    if (a.action === 'cancel') {
      const r = reported.cancellationAllowedUntil;
      if (r === null) return { ...a, source: 'computed', reportedField: null, computed: null };
      const field = 'cancellationAllowedUntilDate';
      if (a.outcome === 'now' && a.until === r)
        return { ...a, source: 'reported', reportedField: field, computed: null };
      if (r > now && sub.status === 'active' && (a.outcome === 'now' || a.reason === 'WINDOW_CLOSED')) {
        return {
          ...a,
          outcome: 'now',
          until: r,
          opensAt: null,
          source: 'reported',
          reportedField: field,
          computed: { outcome: a.outcome, until: a.outcome === 'now' ? a.until : a.opensAt },
        };
      }
      return { ...a, source: 'computed', reportedField: field, computed: null };
    }
    if (a.action === 'reduceSeats' && seatsReported && a.batches.length > 0) {
      return { ...a, source: 'reported', reportedField: 'refundableQuantity.details', computed: null };
    }
    return { ...a, source: 'computed', reportedField: null, computed: null };
  });
  const computedFullUntil = computedWindows(sub, policy).fullRefundUntil;
  const refunds = reported.refundOptions
    .filter((r): r is typeof r & { expiresAt: Instant } => r.expiresAt !== null && r.expiresAt > now)
    .map((r) => ({ type: r.type, until: r.expiresAt, computedFullUntil }))
    .sort((a, b) => a.until - b.until);
  // The cancel deadline reported and used replaces the computed one in the list of deadlines.
  const cancel = actions[0]?.action === 'cancel' ? actions[0] : undefined;
  const deadlines =
    cancel === undefined || cancel.computed === null || cancel.until === null
      ? e.deadlines
      : [
          ...e.deadlines.filter((d) => !(d.action === 'cancel' && d.kind === 'closes')),
          {
            at: cancel.until,
            kind: 'closes' as const,
            action: 'cancel' as const,
            rule: cancel.rule,
            quantity: null,
            status: null,
          },
        ].sort((a, b) => a.at - b.at);
  return {
    ...e,
    actions,
    deadlines,
    refunds,
    notes: read.notes,
    neverRenews: read.notes.some((n) => n.code === 'NOT_RENEWABLE_DATE'),
  };
}
