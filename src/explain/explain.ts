/**
 * "What can I do with this subscription, until when, and why?" — every action as now /
 * at renewal / never, with deadline, reason, rule and warnings, plus an alert class.
 */
import { eligibleBillingFrequencyChanges, type PlanChanges } from '../decisions/billingChanges.js';
import { canCancel } from '../decisions/cancel.js';
import { allow, NONE, refuse, type Decision, type Warning } from '../core/decision.js';
import type { Effect, LifecycleEvent } from '../lifecycle/machine/events.js';
import { canScheduleChange } from '../lifecycle/scheduledChanges.js';
import { transition } from '../lifecycle/machine/transition.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import type { RuleId } from '../core/rules.js';
import { canIncreaseSeats } from '../decisions/seatIncrease.js';
import { reducibleSeats } from '../decisions/seats.js';
import { eligibleTermChanges } from '../decisions/termChanges.js';
import { canConvertTrial } from '../decisions/trial.js';
import { stagesOf } from '../lifecycle/afterTerm.js';
import { endOfTermOf, type EndOfTerm } from '../decisions/endOfTerm.js';
import { answered } from '../snapshot/assumed.js';
import { deadlinesOf, type Deadline, type TermTimeline } from './deadlines.js';
import type { Action, ActionExplanation, Outcome } from './actions.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { renewalInProgress, renewalStartsAt, termPhase, termWindowStart } from '../snapshot/termWindow.js';
import { gateRefusal, stateGate } from '../decisions/gates.js';
import { DAY_MS, endOfDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import type { Term } from '../time/term.js';
import { own, toCount, toRecord } from '../core/validate.js';

/**
 * The subscription's alert class: `lock-in-soon` (a cancellation or reduction window closes within
 * `alertDays`); when the term ends within `alertDays`: `renewing-soon` (it renews),
 * `moves-to-extended-service-term` (R6, R7: month to month at a higher price from the term end) or
 * `service-ends` (P8: set to cancel at the term end); `locked` (no cancellation and no reduction
 * possible now); `none`.
 */
export type AlertClass =
  'renewing-soon' | 'lock-in-soon' | 'moves-to-extended-service-term' | 'service-ends' | 'locked' | 'none';

/** The answer of {@link explain}. */
export interface Explanation {
  /** The subscription's ID; `null` when it has none. */
  readonly id: string | null;
  /** The instant the explanation is for. */
  readonly now: Instant;
  /** The version of the rules in force at `now` (or the policy's `asOf`), which the actions used. */
  readonly policyVersion: string;
  /** The subscription's alert class, for alert jobs. */
  readonly alert: AlertClass;
  /** One answer per action, in the order of {@link ACTIONS}. */
  readonly actions: readonly ActionExplanation[];
  /** What happens when the term ends, by the rules in force then (R5, R6, R7, P8, TR2). */
  readonly endOfTerm: EndOfTerm;
  /** Key instants of the current term. */
  readonly timeline: TermTimeline;
  /** Every instant after `now` at which one of these answers changes, earliest first. */
  readonly deadlines: readonly Deadline[];
}

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** The instant to explain at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
  /** Horizon of the `renewing-soon` and `lock-in-soon` alerts in days (default 7). */
  readonly alertDays?: number;
  /** Terms the catalog offers for this SKU (B1), for `changeTerm`; default without Triennial. */
  readonly offeredTerms?: readonly Term[];
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
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as ExplainOptions['policy']);
  const rawAlertDays = own(o, 'alertDays');
  const alertDays = rawAlertDays === undefined ? 7 : toCount(rawAlertDays, 'alertDays');
  const offeredTerms = own(o, 'offeredTerms') as ExplainOptions['offeredTerms'];
  const opts = { now, policy };

  const cancel = canCancel(sub, opts);
  const reduce = reducibleSeats(sub, opts);
  const renewalAt = renewalStartsAt(sub);
  const outcome = (d: Decision): Outcome => outcomeOf(d, renewalAt, now);
  const decided = (action: Action, d: Decision): ActionExplanation => explainDecision(action, d, outcome(d));
  const actions: ActionExplanation[] = [
    explainDecision(
      'cancel',
      cancel,
      cancel.allowed && cancel.effective === 'at-renewal' ? 'at-renewal' : outcome(cancel),
    ),
    Object.assign(explainDecision('reduceSeats', reduce, outcome(reduce)), { batches: reduce.batches }),
    decided('addSeats', canIncreaseSeats(sub, opts)),
    explainList('changeBillingFrequency', eligibleBillingFrequencyChanges(sub, { now, policy }), sub, now, policy),
    explainList(
      'changeTerm',
      eligibleTermChanges(sub, { now, policy, ...(offeredTerms === undefined ? {} : { offeredTerms }) }),
      sub,
      now,
      policy,
    ),
    decided('upgrade', upgradeEligibility(sub, now, policy)),
    decided('convertTrial', trialEligibility(sub, now, policy)),
    ...lifecycleActions(sub, now, policy),
  ];
  const timeline: TermTimeline = {
    purchasedAt: sub.purchasedAt,
    windowStart: termWindowStart(sub, policy).start,
    termEndsAt: endOfDay(sub.termEndDay),
    renewalStartsAt: renewalAt,
    renewalCompletesBy: renewalAt === null ? null : renewalAt + DAY_MS,
  };
  const endOfTerm = endOfTermOf(sub, policy);
  const deadlines = deadlinesOf({
    now,
    actions,
    timeline,
    fullRefundUntil: cancel.fullRefundUntil,
    stages: stagesOf(sub, policy),
    // R6, R7, P8: a term end that leads into an Extended Service Term or stops the service says so.
    termEndRule:
      endOfTerm.outcome === 'extended-service-term' || endOfTerm.outcome === 'cancel-at-term-end'
        ? endOfTerm.rule
        : 'T2',
  });
  return {
    id: sub.id,
    now,
    policyVersion: policyVersion(policy, now),
    alert: alertClass(sub, now, alertDays, cancel, reduce, endOfTerm),
    actions,
    endOfTerm,
    timeline,
    deadlines,
  };
}

/**
 * Every deadline of a subscription after `now`, earliest first: each window's close (every seat
 * batch its own), the end of the full-refund tier, when refused actions open, the term end, the
 * renewal and the after-term stages — `explain(…).deadlines`.
 *
 * @example
 * ```ts
 * nextDeadlines(sub, { now: '2024-03-12T12:00:00Z' })[0]; // { at: …, kind: 'closes', action: 'reduceSeats', rule: 'Q2', quantity: 5, status: null }
 * ```
 */
export function nextDeadlines(
  subscription: SubscriptionInput | Subscription,
  options: ExplainOptions,
): readonly Deadline[] {
  return explain(subscription, options).deadlines;
}

function explainDecision(action: Action, d: Decision, outcome?: Outcome): ActionExplanation {
  return {
    action,
    outcome: outcome ?? (d.allowed ? 'now' : d.opensAt !== null ? 'at-renewal' : 'never'),
    until: d.allowed ? d.until : null,
    opensAt: d.allowed ? null : d.opensAt,
    reason: d.reason,
    rule: d.rule,
    policyVersion: d.policyVersion,
    warnings: d.warnings,
    assumptions: d.assumptions,
    batches: NONE,
  };
}

/** A refusal's outcome: reopening with the renewal → `at-renewal`; earlier → `later`; never → `never`. */
function outcomeOf(d: Decision, renewalAt: Instant | null, now: Instant): Outcome {
  if (d.allowed) return 'now';
  if (d.opensAt === null) return 'never';
  // Once the renewal has started (R2, R4), what reopens when it completes reopens `later`.
  return renewalAt !== null && now < renewalAt && d.opensAt >= renewalAt ? 'at-renewal' : 'later';
}

/**
 * A list answer (B2, B3) as one action: `now` when any target is allowed (the first one's rule
 * and reason, the latest deadline); else `at-renewal` when the change can be scheduled for the
 * next term (S1, S2); else the first refusal.
 */
function explainList(
  action: Action,
  list: PlanChanges<string>,
  sub: Subscription,
  now: Instant,
  policy: Policy,
): ActionExplanation {
  const first = list.allowed[0];
  if (first !== undefined) {
    const deadlines = list.allowed.map((o) => (o.allowed ? o.until : null));
    // Stryker disable next-line MethodExpression: equivalent — the allowed options of one list share one deadline (B2: the next cycle start; B3: null or the term end), so min = max
    const until = deadlines.includes(null) ? null : Math.max(...(deadlines as number[]));
    const warnings = [...new Set(list.allowed.flatMap((o) => o.warnings))];
    // Stryker disable next-line ObjectLiteral: equivalent — the allowed options of one list share until and warnings (B2 accepts at most one target; B3 targets all carry the same promotion warning)
    return Object.assign(explainDecision(action, first), { until, warnings });
  }
  const schedule = canScheduleChange(sub, { now, policy });
  const refusal = list.refused[0];
  if (schedule.allowed) {
    // Stryker disable next-line OptionalChaining: equivalent — B2/B3 list every other plan, so with no allowed option the refused list is never empty
    return Object.assign(explainDecision(action, schedule, 'at-renewal'), {
      rule: 'S1' as const,
      reason: refusal?.reason ?? schedule.reason,
      until: schedule.until,
    });
  }
  // Stryker disable next-line LogicalOperator: equivalent — the refused list is never empty here (see above) and holds only refusals, so the condition is always false either way
  if (refusal === undefined || refusal.allowed) return explainDecision(action, schedule);
  return explainDecision(action, refusal, refusal.opensAt === null ? 'never' : 'later');
}

/** U1, U8, C10: whether an upgrade can be started at all (the target SKU is a catalog question: canUpgrade). */
function upgradeEligibility(sub: Subscription, now: Instant, policy: Policy): Decision {
  // The state gates canUpgrade and the machine ask too (U1, R4).
  const gate = stateGate('upgrade', sub, termPhase(sub, now));
  const version = policyVersion(policy, now);
  if (gate !== null) return answered(sub, 'other', gateRefusal(gate, sub, now), version);
  const warnings: Warning[] = ['UPGRADE_NOT_CANCELLABLE'];
  if (sub.scheduledChange !== null) warnings.push('SCHEDULED_CHANGES_REMOVED');
  const until = sub.autoRenew ? null : endOfDay(sub.termEndDay);
  return answered(sub, 'other', allow('U8', 'ELIGIBLE_FOR_UPGRADE', until, NONE, warnings), version);
}

/** TR3, TR7: a trial converts now (midterm) or at its end (scheduled); anything else has nothing to convert. */
function trialEligibility(sub: Subscription, now: Instant, policy: Policy): Decision {
  const midterm = canConvertTrial(sub, { target: 'equivalent', mode: 'midterm', now, policy });
  return midterm.allowed ? midterm : canConvertTrial(sub, { target: 'equivalent', mode: 'scheduled', now, policy });
}

/** Suspend, reactivate, auto-renew and scheduling, answered by the lifecycle machine (P1–P6, R4, R5, S2, S3). */
function lifecycleActions(sub: Subscription, now: Instant, policy: Policy): ActionExplanation[] {
  const termEnd = endOfDay(sub.termEndDay);
  const viaMachine = (action: Action, event: LifecycleEvent): ActionExplanation => {
    const r = transition(sub, event, { now, policy });
    if (!r.ok) return explainDecision(action, r.refusal, r.refusal.opensAt === null ? 'never' : 'later');
    if (r.effects.length === 0) {
      const none = refuse(ruleOf(r.effects, action), 'NO_CHANGE', null, r.assumptions);
      return explainDecision(action, { ...none, policyVersion: r.policyVersion });
    }
    const warnings = [...new Set([...r.warnings, ...r.effects.filter((e) => WARNED.has(e.type)).map((e) => e.type)])];
    // Possible until the term ends (P3) or the renewal starts, after which these are read-only (R4).
    const allowed = allow(ruleOf(r.effects, action), 'ALLOWED', termEnd, r.assumptions);
    return Object.assign(explainDecision(action, { ...allowed, policyVersion: r.policyVersion }), {
      warnings,
    });
  };
  const schedule = canScheduleChange(sub, { now, policy });
  return [
    viaMachine('suspend', { type: 'suspend' }),
    viaMachine('reactivate', { type: 'reactivate' }),
    viaMachine('turnAutoRenewOn', { type: 'setAutoRenew', autoRenew: true }),
    viaMachine('turnAutoRenewOff', { type: 'setAutoRenew', autoRenew: false }),
    viaMachine('cancelAtTermEnd', { type: 'setEndOfTermAction', action: 'cancel' }),
    viaMachine('moveToExtendedServiceTerm', { type: 'setEndOfTermAction', action: 'extended-service-term' }),
    explainDecision(
      'scheduleChange',
      schedule,
      schedule.allowed ? 'now' : schedule.opensAt === null ? 'never' : 'later',
    ),
  ];
}

/** Effects worth a warning on an action that causes them. */
const WARNED = new Set<string>([
  'AUTO_RENEW_TURNED_OFF',
  'SCHEDULED_CHANGES_DELETED',
  'ADD_ONS_SUSPENDED',
  'ACCESS_BLOCKED',
]);

function ruleOf(effects: readonly Effect[], action: Action): RuleId {
  const fallback: Record<string, RuleId> = {
    suspend: 'P1',
    reactivate: 'P3',
    turnAutoRenewOn: 'R1',
    turnAutoRenewOff: 'R5',
    cancelAtTermEnd: 'R6',
    moveToExtendedServiceTerm: 'R6',
  };
  // Stryker disable next-line StringLiteral: equivalent — unreachable: fallback names every action viaMachine asks about
  return effects[0]?.rule ?? fallback[action] ?? 'R1';
}

function alertClass(
  sub: Subscription,
  now: Instant,
  alertDays: number,
  cancel: Decision,
  reduce: Decision,
  endOfTerm: EndOfTerm,
): AlertClass {
  const horizon = now + alertDays * DAY_MS;
  const closesSoon = (d: Decision): boolean => d.allowed && d.until !== null && d.until <= horizon;
  if (closesSoon(cancel) || closesSoon(reduce)) return 'lock-in-soon';
  const termEnd = endOfDay(sub.termEndDay);
  if (termEnd > now && termEnd <= horizon) {
    // R6, R7, P8: what the term end leads to, said before it happens.
    if (endOfTerm.outcome === 'extended-service-term') return 'moves-to-extended-service-term';
    if (endOfTerm.outcome === 'cancel-at-term-end') return 'service-ends';
    if (endOfTerm.outcome === 'renew' || endOfTerm.outcome === 'convert') return 'renewing-soon';
  }
  if (!cancel.allowed && !reduce.allowed) return 'locked';
  return renewalInProgress(sub, now) ? 'renewing-soon' : 'none';
}
