/**
 * "What can I do with this subscription, until when, and why?" — every action as now /
 * at renewal / never, with deadline, reason, rule and warnings, plus an alert class.
 */
import { canCancel } from './cancel.js';
import { NONE, type Assumption, type Decision, type Warning } from './decision.js';
import { readPolicy, type Policy, type PolicyOverrides } from './policy/policy.js';
import type { RuleId } from './rules.js';
import { canIncreaseSeats } from './seatIncrease.js';
import { reducibleSeats } from './seats.js';
import { toSubscription, type Subscription, type SubscriptionInput } from './subscription.js';
import { nextRenewalOpensAt, renewalInProgress, termWindowStart } from './termWindow.js';
import { DAY_MS, endOfDay } from './time/day.js';
import { toInstant, type Instant, type InstantInput } from './time/instant.js';
import { toCount } from './validate.js';

/** The actions `explain` answers for. */
export type Action =
  | 'cancel'
  | 'reduceSeats'
  | 'addSeats'
  | 'changeBillingFrequency'
  | 'changeTerm'
  | 'upgrade'
  | 'convertTrial'
  | 'suspend'
  | 'reactivate'
  | 'turnAutoRenewOn'
  | 'turnAutoRenewOff'
  | 'scheduleChange';

/** Every action, in display order. */
export const ACTIONS: readonly Action[] = [
  'cancel',
  'reduceSeats',
  'addSeats',
  'changeBillingFrequency',
  'changeTerm',
  'upgrade',
  'convertTrial',
  'suspend',
  'reactivate',
  'turnAutoRenewOn',
  'turnAutoRenewOff',
  'scheduleChange',
];

/** When an action is possible: now, only from the next renewal (or scheduled for it), or never. */
export type Outcome = 'now' | 'at-renewal' | 'never';

/** One action's answer. */
export interface ActionExplanation {
  readonly action: Action;
  readonly outcome: Outcome;
  /** Exclusive deadline when `now`; `null` when open-ended or not possible now. */
  readonly until: Instant | null;
  /** When it next becomes possible, if not now and known. */
  readonly opensAt: Instant | null;
  readonly reason: string;
  readonly rule: RuleId;
  readonly warnings: readonly Warning[];
  readonly assumptions: readonly Assumption[];
}

/**
 * The subscription's alert class: `renewing-soon` (the term ends within `alertDays` and it
 * auto-renews), `lock-in-soon` (a cancellation or reduction window closes within `alertDays`),
 * `locked` (no cancellation and no reduction possible now), `none`.
 */
export type AlertClass = 'renewing-soon' | 'lock-in-soon' | 'locked' | 'none';

/** Key instants of the current term, for a timeline. */
export interface TermTimeline {
  readonly purchasedAt: Instant;
  /** Start of the current term's windows (purchase, renewal completion, or an R3 bound). */
  readonly windowStart: Instant;
  /** Exclusive end of the term (00:00Z after the term end date, T2). */
  readonly termEndsAt: Instant;
  /** When the renewal starts (R2), or `null` when it will not renew (R5). */
  readonly renewalStartsAt: Instant | null;
  /** Latest renewal completion (R2: +24 h), or `null`. */
  readonly renewalCompletesBy: Instant | null;
}

/** The answer of {@link explain}. */
export interface Explanation {
  readonly id: string | null;
  readonly now: Instant;
  readonly alert: AlertClass;
  readonly actions: readonly ActionExplanation[];
  readonly timeline: TermTimeline;
}

/** Options of {@link explain}. */
export interface ExplainOptions {
  readonly now: InstantInput;
  readonly policy?: Policy | PolicyOverrides;
  /** Horizon of the `renewing-soon` and `lock-in-soon` alerts in days (default 7). */
  readonly alertDays?: number;
}

/**
 * Every action on the subscription at `now`: outcome, deadline, reason, rule, warnings; plus
 * the alert class and the term's timeline.
 *
 * @example
 * ```ts
 * const e = explain(sub, { now: '2024-01-16T00:00:00Z' });
 * e.actions.find((a) => a.action === 'cancel'); // { outcome: 'now', until: …, rule: 'C1', … }
 * e.alert; // 'lock-in-soon'
 * ```
 */
export function explain(subscription: SubscriptionInput | Subscription, options: ExplainOptions): Explanation {
  const sub = toSubscription(subscription);
  const now = toInstant(options.now, 'now');
  const policy = readPolicy(options.policy);
  const alertDays = options.alertDays === undefined ? 7 : toCount(options.alertDays, 'alertDays');
  const opts = { now, policy };

  const cancel = canCancel(sub, opts);
  const reduce = reducibleSeats(sub, opts);
  const actions: ActionExplanation[] = [
    fromDecision('cancel', cancel, cancel.allowed && cancel.effective === 'at-renewal' ? 'at-renewal' : undefined),
    fromDecision('reduceSeats', reduce),
    fromDecision('addSeats', canIncreaseSeats(sub, opts)),
  ];

  const renewalStartsAt = nextRenewalOpensAt(sub);
  const timeline: TermTimeline = {
    purchasedAt: sub.purchasedAt,
    windowStart: termWindowStart(sub, policy).start,
    termEndsAt: endOfDay(sub.termEndDay),
    renewalStartsAt,
    renewalCompletesBy: renewalStartsAt === null ? null : renewalStartsAt + DAY_MS,
  };
  return { id: sub.id, now, alert: alertClass(sub, now, alertDays, cancel, reduce), actions, timeline };
}

function fromDecision(action: Action, d: Decision, outcome?: Outcome): ActionExplanation {
  return {
    action,
    outcome: outcome ?? (d.allowed ? 'now' : d.opensAt !== null ? 'at-renewal' : 'never'),
    until: d.allowed ? d.until : null,
    opensAt: d.allowed ? null : d.opensAt,
    reason: d.reason,
    rule: d.rule,
    warnings: d.warnings,
    assumptions: d.assumptions.length === 0 ? NONE : d.assumptions,
  };
}

function alertClass(sub: Subscription, now: Instant, alertDays: number, cancel: Decision, reduce: Decision): AlertClass {
  const horizon = now + alertDays * DAY_MS;
  const closesSoon = (d: Decision): boolean => d.allowed && d.until !== null && d.until <= horizon;
  if (closesSoon(cancel) || closesSoon(reduce)) return 'lock-in-soon';
  const termEnd = endOfDay(sub.termEndDay);
  if (sub.autoRenew && sub.status === 'active' && termEnd > now && termEnd <= horizon) return 'renewing-soon';
  if (!cancel.allowed && !reduce.allowed) return 'locked';
  return renewalInProgress(sub, now) ? 'renewing-soon' : 'none';
}
