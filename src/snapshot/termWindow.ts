/**
 * Where the current term's windows run from (C1, R3, U9) and when the next renewal window
 * opens (C12, Q3): shared by the cancellation and the seat decisions.
 */
import { NONE, type Assumption, type Warning } from '../core/decision.js';
import type { Policy } from '../policy/policy.js';
import type { Subscription } from './subscription.js';
import { DAY_MS, endOfDay, startOfDay } from '../time/day.js';
import type { Instant } from '../time/instant.js';

/** The instant a window is measured from, and what had to be assumed to know it. */
export interface WindowStart {
  readonly start: Instant;
  readonly assumptions: readonly Assumption[];
}

/** R4: the warning of a call made while a renewal may be running (409 Conflict likely, retry after 2 minutes). */
export const RENEWAL_409: readonly Warning[] = /* @__PURE__ */ Object.freeze(['RENEWAL_IN_PROGRESS']);

const EARLIEST: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['RENEWAL_COMPLETION_ASSUMED_EARLIEST']);
const LATEST: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['RENEWAL_COMPLETION_ASSUMED_LATEST']);

/**
 * The start of the current term's windows: an inherited window start (U9), the known term
 * start (purchase or renewal completion, R3), or — when the completion instant is unknown —
 * the policy's bound: 00:00 UTC of the renewal day (`earliest`) or 24 h later (`latest`). While
 * the renewal runs (`phase` `renewing`), the windows are the new term's: from its completion
 * (R3), not yet known, so the policy's bound from the renewal's start.
 *
 * @example
 * ```ts
 * termWindowStart(toSubscription(input), DEFAULT_POLICY).start;
 * ```
 */
export function termWindowStart(sub: Subscription, policy: Policy, phase: TermPhase = 'in-term'): WindowStart {
  if (phase === 'renewing') return completionBound(endOfDay(sub.termEndDay), policy);
  if (sub.cancellationWindowFrom !== null) return { start: sub.cancellationWindowFrom, assumptions: NONE };
  if (sub.termStartedAt !== null) return { start: sub.termStartedAt, assumptions: NONE };
  return completionBound(startOfDay(sub.termStartDay), policy);
}

/** R3: an unknown completion of a renewal that started at `renewalStart`, by the policy's bound. */
function completionBound(renewalStart: Instant, policy: Policy): WindowStart {
  return policy.unknownRenewalCompletion === 'earliest'
    ? { start: renewalStart, assumptions: EARLIEST }
    : { start: renewalStart + DAY_MS, assumptions: LATEST };
}

/**
 * R2: when the renewal starts — 00:00 UTC after the term end date — for an active,
 * auto-renewing, paid subscription (R5); otherwise `null` (it will not renew).
 *
 * @example
 * ```ts
 * renewalStartsAt(sub); // epoch ms of 00:00Z on termEndDay + 1, or null
 * ```
 */
export function renewalStartsAt(sub: Subscription): Instant | null {
  return sub.status === 'active' && sub.autoRenew && !sub.trial ? endOfDay(sub.termEndDay) : null;
}

/**
 * C12, Q3, R3: when the next term's windows open — the renewal's completion, which is not known
 * before it happens, so the policy's bound from the renewal's start, with its assumption — for a
 * subscription that renews; otherwise `null` (no renewal, so no new window).
 *
 * @example
 * ```ts
 * nextWindowOpening(sub, DEFAULT_POLICY); // { start: 00:00Z on termEndDay + 1, assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'] }
 * ```
 */
export function nextWindowOpening(sub: Subscription, policy: Policy): WindowStart | null {
  const start = renewalStartsAt(sub);
  return start === null ? null : completionBound(start, policy);
}

/**
 * R4: whether `now` lies on the renewal day, when a renewal may be queued or running and
 * calls can fail with 409 Conflict (retry after 2 minutes).
 */
export function renewalInProgress(sub: Subscription, now: Instant): boolean {
  const renewalStart = endOfDay(sub.termEndDay);
  return sub.autoRenew && sub.status === 'active' && now >= renewalStart && now < renewalStart + DAY_MS;
}

/**
 * Where `now` falls in the term: `in-term` before the term end; `renewing` while an active,
 * auto-renewing subscription's renewal may still run (R2: from 00:00Z after the term end date,
 * up to 24 h); `ended` after that — the subscription expired (R5), or the snapshot is out of date.
 */
export function termPhase(sub: Subscription, now: Instant): TermPhase {
  if (now < endOfDay(sub.termEndDay)) return 'in-term';
  return renewalInProgress(sub, now) ? 'renewing' : 'ended';
}

/** Where an instant falls in a subscription's term ({@link termPhase}). */
export type TermPhase = 'in-term' | 'renewing' | 'ended';
