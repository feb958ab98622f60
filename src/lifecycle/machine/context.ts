/**
 * What every event handler of the lifecycle machine shares: the context it decides in (the
 * snapshot, its renewal phase, `now`, the policy choices) and the builders of its answers.
 */
import { NONE, refuse, BASELINE_VERSION, type Assumption, type Refused, type Warning } from '../../core/decision.js';
import { CspRulesError } from '../../core/errors.js';
import type { Policy } from '../../policy/policy.js';
import type { RuleId } from '../../core/rules.js';
import { deriveSnapshot, withChanges, type SimpleFacts } from '../../snapshot/changes.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../../snapshot/subscription.js';
import { renewalInProgress, termPhase, type TermPhase } from '../../snapshot/termWindow.js';
import { gateRefusal, stateGate, type GatedAction } from '../../decisions/gates.js';
import { endOfDay } from '../../time/day.js';
import type { Instant } from '../../time/instant.js';
import { own, toEnum, toRecord } from '../../core/validate.js';
import type { Effect, LifecycleReason, LifecycleState, Phase, Rejected, Transitioned } from './events.js';
import { deletesScheduledChanges, type MidtermChange, type ScheduledChangeDeletion } from '../scheduledChanges.js';

/** The context an event is decided in. */
export interface Ctx {
  readonly sub: Subscription;
  readonly phase: Phase;
  /** The phase was given as `renewing` in a {@link LifecycleState} (renewalStarted recorded). */
  readonly declaredRenewing: boolean;
  readonly now: Instant;
  readonly policy: Policy;
  readonly scheduledChangeDeletion: ScheduledChangeDeletion;
  readonly addOns: readonly Subscription[];
  readonly base: Subscription | null;
}

/** An accepted event's parts, before the shared fields are added. */
export interface Outcome {
  readonly next: Subscription;
  readonly effects: readonly Effect[];
  readonly phase?: Phase;
  readonly warnings?: readonly Warning[];
  readonly assumptions?: readonly Assumption[];
  readonly created?: readonly Subscription[];
  readonly addOns?: readonly Subscription[];
}

const PHASES: readonly Phase[] = ['in-term', 'renewing'];

/**
 * Reads a machine state: a {@link LifecycleState} as given, or a bare snapshot / input whose
 * phase follows from the time (R2, R4): `renewing` while `now` lies on the renewal day of an
 * active, auto-renewing subscription.
 *
 * @throws {@link CspRulesError} for invalid input, or a `renewing` phase that can't be (not
 *   active with auto-renew on, or before the term end)
 */
export function readState(
  state: SubscriptionInput | Subscription | LifecycleState,
  now: Instant,
): LifecycleState & { readonly declaredRenewing: boolean } {
  const r = toRecord(state, 'state');
  const wrapped = own(r, 'subscription');
  if (wrapped === undefined) {
    const sub = toSubscription(state as SubscriptionInput | Subscription);
    return { subscription: sub, phase: renewalInProgress(sub, now) ? 'renewing' : 'in-term', declaredRenewing: false };
  }
  const sub = toSubscription(wrapped as SubscriptionInput | Subscription);
  const explicit = toEnum(own(r, 'phase'), PHASES, 'state.phase');
  if (explicit === 'renewing') {
    // R2/R5: only an active, auto-renewing subscription past its term end can be renewing.
    if (sub.status !== 'active' || !sub.autoRenew || now < endOfDay(sub.termEndDay)) {
      throw new CspRulesError(
        'INCONSISTENT',
        'state.phase',
        'renewing needs an active, auto-renewing subscription past its term end (R2, R5)',
        explicit,
      );
    }
    return { subscription: sub, phase: 'renewing', declaredRenewing: true };
  }
  return { subscription: sub, phase: renewalInProgress(sub, now) ? 'renewing' : 'in-term', declaredRenewing: false };
}

/**
 * Builds an accepted result.
 */
export function accept(ctx: Ctx, outcome: Outcome): Transitioned {
  // The optional parts are read as own properties: an absent one is never taken from a polluted
  // Object.prototype (issue 16).
  const o = outcome as unknown as Readonly<Record<string, unknown>>;
  const given = <K extends keyof Outcome>(key: K): Outcome[K] | undefined => own(o, key) as Outcome[K] | undefined;
  // R2/R5: only an active, auto-renewing subscription can stay in a renewal.
  const phase = outcome.next.status === 'active' && outcome.next.autoRenew ? (given('phase') ?? ctx.phase) : 'in-term';
  const created = given('created');
  const addOns = given('addOns');
  return {
    ok: true,
    next: outcome.next,
    phase,
    state: { subscription: outcome.next, phase },
    effects: outcome.effects,
    warnings: given('warnings') ?? NONE,
    assumptions: given('assumptions') ?? NONE,
    policyVersion: BASELINE_VERSION,
    ...(created === undefined ? {} : { created }),
    ...(addOns === undefined ? {} : { addOns }),
  };
}

/**
 * Builds a refused result from a refusal (own or passed through).
 */
export function reject(refusal: Refused<LifecycleReason>): Rejected {
  return { ok: false, refusal };
}

/**
 * Shorthand for an own refusal.
 */
export function no(rule: RuleId, reason: LifecycleReason, opensAt: Instant | null): Rejected {
  return reject(refuse(rule, reason, opensAt));
}

/**
 * T4: an event that dates a new fact at `now` (a seat batch, a term start) can't happen before the
 * purchase: refused `BEFORE_PURCHASE`, opening at the purchase; else `null`.
 */
export function beforePurchase(ctx: Ctx): Rejected | null {
  return ctx.now < ctx.sub.purchasedAt ? no('T4', 'BEFORE_PURCHASE', ctx.sub.purchasedAt) : null;
}

/**
 * S3: when a midterm change deletes the saved scheduled change, the snapshot changes that
 * remove it and the effect; else nothing.
 */
export function scheduledDeletion(
  ctx: Ctx,
  change: MidtermChange,
  rule: RuleId = 'S3',
): { readonly changes: Partial<SubscriptionInput>; readonly effects: readonly Effect[] } {
  const saved = ctx.sub.scheduledChange;
  if (saved === null || !deletesScheduledChanges(change, ctx.scheduledChangeDeletion))
    return { changes: {}, effects: NONE };
  return { changes: { scheduledChange: null }, effects: [{ type: 'SCHEDULED_CHANGES_DELETED', rule, change: saved }] };
}

/**
 * Where `now` falls in the term for the machine: its `renewing` phase (which a declared renewal
 * keeps past the usual 24 h), else the snapshot's own {@link termPhase}.
 */
export function machinePhase(ctx: Ctx): TermPhase {
  return ctx.phase === 'renewing' ? 'renewing' : termPhase(ctx.sub, ctx.now);
}

/**
 * The state gates of an event's action (the one table every decision asks): the refusal, or
 * `null` when the state stops nothing. An ended term accepts only the renewal and after-term
 * events (R2, R5, P4: `TERM_ENDED`).
 */
export function gated(ctx: Ctx, action: GatedAction): Rejected | null {
  const row = stateGate(action, ctx.sub, machinePhase(ctx));
  return row === null ? null : reject(gateRefusal(row, ctx.sub, ctx.now));
}

/**
 * Runs a reused check whose options are the event's fields, renaming the field of a
 * {@link CspRulesError} it throws into the event's terms, so errors name what the caller wrote.
 */
export function inEventTerms<T>(fields: Readonly<Record<string, string>>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CspRulesError)) throw error;
    for (const [from, to] of Object.entries(fields)) {
      const head = from.split('.');
      if (head.every((key, i) => error.path[i] === key)) {
        throw new CspRulesError(error.code, error.path.slice(head.length), error.detail, error.received).under(to);
      }
    }
    throw error;
  }
}

/**
 * Warnings of several sources, each once, in first-seen order.
 */
export function mergeWarnings(...lists: readonly (readonly Warning[])[]): readonly Warning[] {
  return [...new Set(lists.flat())];
}

/**
 * A new snapshot with changes (validated again).
 */
export function change(ctx: Ctx, changes: Partial<SubscriptionInput>): Subscription {
  // Status, auto-renew and clearing the scheduled change need no re-validation of the whole
  // snapshot (explain asks these what-ifs for every subscription, docs/performance.md).
  return isSimple(changes) ? deriveSnapshot(ctx.sub, changes) : withChanges(ctx.sub, changes);
}

const SIMPLE: readonly string[] = ['status', 'autoRenew', 'nextChargeBilling', 'scheduledChange'];

// Stryker disable next-line BlockStatement: isSimple only picks the fast path; deriveSnapshot and withChanges give the same snapshot (docs/performance.md)
function isSimple(changes: Partial<SubscriptionInput>): changes is SimpleFacts {
  for (const key of Object.keys(changes)) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a false answer only takes the slower withChanges path, which gives the same snapshot
    if (!SIMPLE.includes(key) || (key === 'scheduledChange' && changes.scheduledChange !== null)) return false;
  }
  // Stryker disable next-line BooleanLiteral: false only takes the slower withChanges path, which gives the same snapshot
  return true;
}
