/**
 * "Can I upgrade these seats to that SKU, and what happens?" — U1–U9, S2, S5, C10 (Manage
 * customer subscriptions, "Upgrade for new commerce license-based subscriptions", "Scheduled
 * changes …").
 */
import { canCancel } from './cancel.js';
import { allow, NONE, refuse, type Allowed, type Assumption, type Refused, type Warning } from '../core/decision.js';
import { CspRulesError } from '../core/errors.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import type { RuleId } from '../core/rules.js';
import { answered } from '../snapshot/assumed.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { termPhase } from '../snapshot/termWindow.js';
import { gateRefusal, stateGate } from './gates.js';
import { termWindowStart } from '../snapshot/termWindow.js';
import { endOfDay, formatDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { TERM_MONTHS } from '../time/term.js';
import {
  checkUpgradePath,
  offerKey,
  readName,
  type DuplicateLicenseNote,
  type UpgradeCatalog,
  type UpgradePathReason,
} from './upgradePaths.js';
import { own, toBoolean, toCount, toEnum, toRecord } from '../core/validate.js';

/** U8: now (midterm) or at the end of the term (a scheduled change, S1). */
export type UpgradeWhen = (typeof UPGRADE_WHENS)[number];
/** U5 policy: the destination's term must be `equal` (Partner Center UI, default) or `not-shorter` (transition API). */
export type DestinationTermPolicy = 'equal' | 'not-shorter';
/** U3 full (all seats, same subscription), U4 partial (some seats, a new coterminous one), or scheduled (S1). */
export type UpgradeKind = 'full' | 'partial' | 'scheduled';

/** Why an upgrade is or isn't possible. */
export type UpgradeReason =
  /** U3: all seats, upgraded in place. */
  | 'FULL_UPGRADE'
  /** U4: some seats, moved to a new coterminous subscription. */
  | 'PARTIAL_UPGRADE'
  /** S1, U8: the upgrade is saved for the end of the term. */
  | 'SCHEDULED_UPGRADE'
  | Exclude<UpgradePathReason, 'IN_CATALOG' | 'NOT_DENIED'>
  /** C3, P7: cancelled or deleted. */
  | 'TERMINATED'
  /** The term is over (R2, R5, P4). */
  | 'TERM_ENDED'
  /** R4: not while a renewal is queued or running. */
  | 'RENEWAL_READ_ONLY'
  /** U1: only active subscriptions can start an upgrade. */
  | 'NOT_ACTIVE'
  /** U1: a trial is converted (TR3), not upgraded. */
  | 'TRIAL_USE_CONVERSION'
  /** S2: scheduling needs auto-renew on. */
  | 'SCHEDULE_REQUIRES_AUTO_RENEW'
  /** U5: no scheduled upgrade into an existing subscription. */
  | 'SCHEDULED_INTO_EXISTING'
  /** U5: the destination subscription is not active. */
  | 'DESTINATION_NOT_ACTIVE'
  /** U5: the destination subscription is still inside its cancellation window. */
  | 'DESTINATION_IN_CANCELLATION_WINDOW'
  /** U5: the destination's term does not match the source's, per the policy's `destinationTerm`. */
  | 'DESTINATION_TERM_MISMATCH'
  /** U5: the destination's term ends before the source's current term. */
  | 'DESTINATION_ENDS_EARLIER';

/** Partner Center's codes for the same refusals (transition API), where one exists. */
export type UpgradeApiCode =
  | 'SubscriptionStatusNotActive'
  | 'ConversionsNotFound'
  | 'SubscriptionNotActive'
  | 'SubscriptionInCancellationWindow'
  | 'SubscriptionTermDurationShorterThanSourceTermDuration';

/** Extra facts of {@link canUpgrade}. */
export interface UpgradeFacts {
  /** The Partner Center code of a refusal, or `null`. */
  readonly apiCode: UpgradeApiCode | null;
  /** Full (U3), partial (U4) or scheduled (S1). */
  readonly kind: UpgradeKind;
  /** Midterm or at renewal, as asked (U8). */
  readonly when: UpgradeWhen;
  /** Seats upgraded. */
  readonly quantity: number;
  /** Where the seats go: the same subscription (U3, scheduled), a new one (U4) or the destination (U5). */
  readonly into: 'same-subscription' | 'new-subscription' | 'existing-subscription';
  /** `now` (midterm) or 00:00Z after the term end day (at renewal); `null` when refused. */
  readonly effectiveAt: Instant | null;
  /** U4/U9: the subscription a partial upgrade creates — coterminous, inheriting the source's window. */
  readonly newSubscription: SubscriptionInput | null;
  /** U3, U4, S4: whether licenses are reassigned automatically. */
  readonly licenseAssignment: 'automatic' | 'manual';
  /** C10/U8: an upgrade can't be undone or cancelled once submitted. */
  readonly cancellable: false;
  /** U7: what to do about duplicate licenses when the path is unsupported. */
  readonly duplicateLicenses: DuplicateLicenseNote | null;
}

/** The answer of {@link canUpgrade}. */
export type UpgradeDecision = (Allowed<UpgradeReason> | Refused<UpgradeReason>) & UpgradeFacts;

/** Options of {@link canUpgrade}. */
export interface UpgradeOptions {
  /** Offer name of the SKU to upgrade to (U2 matches names case-insensitively, trimmed). */
  readonly to: string;
  /** Seats to upgrade. Midterm: at most the current quantity; equal → full (U3), fewer → partial (U4). */
  readonly quantity: number;
  /** An existing subscription of the target SKU to move the seats into (U5). */
  readonly destination?: SubscriptionInput | Subscription;
  /** Upgrade now (`midterm`) or at the end of the term (`at-renewal`, U8). */
  readonly when: UpgradeWhen;
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** Conversions the offer matrix allows (U2). Without it only the deny list applies (warning `CATALOG_NOT_GIVEN`). */
  readonly catalog?: UpgradeCatalog;
  /** U3: the destination SKU was bought from another partner or channel → manual assignment (warning). */
  readonly destinationFromOtherChannel?: boolean;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
}

/** U8: every time an upgrade can take effect. */
export const UPGRADE_WHENS = /* @__PURE__ */ Object.freeze(['midterm', 'at-renewal'] as const);

/**
 * U1–U9, S2, S5, C10: whether `quantity` seats of `source` can be upgraded to `to`, and what it does.
 *
 * Refused when the source is not active (U1; trials convert instead, TR3), the path is not
 * supported (U2: the deny list, or absent from `catalog`; the answer carries the U7 note),
 * a scheduled upgrade lacks auto-renew (S2) or names a destination (U5), or the destination is
 * not active, inside its cancellation window (per {@link canCancel}), of a different term, or
 * ends before the source (U5, each its own reason and `apiCode`).
 * Allowed midterm: all seats → full upgrade in place, licenses reassigned automatically (U3);
 * fewer → partial: a new subscription, coterminous, inheriting the source's cancellation window
 * (U4, U9; `newSubscription`), manual reassignment. Every allowed answer warns
 * `UPGRADE_NOT_CANCELLABLE` (C10); a midterm one warns `SCHEDULED_UPGRADE_REMOVED` (S5) or
 * `SCHEDULED_CHANGES_REMOVED` (S3) when something was scheduled.
 *
 * @throws {@link CspRulesError} `INVALID_ENUM` for `when`, `MISSING_FIELD`
 *   for `to` or the source's `offerName`, `INVALID_QUANTITY` for `quantity`, `INCONSISTENT` for
 *   a midterm quantity above the current one or a destination of another SKU
 *
 * @example
 * ```ts
 * const d = canUpgrade(
 *   { offerName: 'Microsoft 365 E3', program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 10,
 *     purchasedAt: '2024-01-15T09:30:00Z' },
 *   { to: 'Microsoft 365 E5', quantity: 4, when: 'midterm', now: '2024-03-01T00:00:00Z',
 *     catalog: [{ from: 'Microsoft 365 E3', to: 'Microsoft 365 E5' }] },
 * );
 * // { allowed: true, rule: 'U4', reason: 'PARTIAL_UPGRADE', kind: 'partial', into: 'new-subscription',
 * //   newSubscription: { termEndDate: '2025-01-14', cancellationWindowFrom: Date.parse('2024-01-15T09:30:00Z'), … }, … }
 * ```
 */
export function canUpgrade(source: SubscriptionInput | Subscription, options: UpgradeOptions): UpgradeDecision {
  const sub = toSubscription(source);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy'));
  return answered(sub, 'other', decideUpgrade(sub, o, now, policy), policyVersion(policy, now));
}

/** {@link canUpgrade} before the snapshot's assumptions and version are added. */
function decideUpgrade(
  sub: Subscription,
  o: Readonly<Record<string, unknown>>,
  now: Instant,
  policy: Policy,
): UpgradeDecision {
  const to = readName(own(o, 'to'), 'to');
  const when = toEnum(own(o, 'when'), UPGRADE_WHENS, 'when');
  const quantity = toCount(own(o, 'quantity'), 'quantity', 1);
  const otherChannel = toBoolean(own(o, 'destinationFromOtherChannel'), 'destinationFromOtherChannel', false);
  // U5: the policy's choice (default `equal`, the MCS page).
  const termPolicy = policy.destinationTerm;
  const rawDestination = own(o, 'destination');
  const destination = rawDestination === undefined ? null : toSubscription(rawDestination as SubscriptionInput);
  if (sub.offerName === null)
    throw new CspRulesError('MISSING_FIELD', 'offerName', 'the source subscription needs its offer name (U2)');
  if (when === 'midterm' && quantity > sub.quantity) {
    throw new CspRulesError('INCONSISTENT', 'quantity', `is above the subscription's ${sub.quantity} seats`, quantity);
  }
  if (destination !== null) {
    if (destination.offerName !== null && offerKey(destination.offerName) !== offerKey(to)) {
      throw new CspRulesError(
        'INCONSISTENT',
        'destination.offerName',
        `is not the upgrade target ${JSON.stringify(to)}`,
      );
    }
    if (destination.id !== null && destination.id === sub.id)
      throw new CspRulesError('INCONSISTENT', 'destination.id', 'is the source itself');
  }

  const kind: UpgradeKind = when === 'at-renewal' ? 'scheduled' : quantity === sub.quantity ? 'full' : 'partial';
  const into: UpgradeFacts['into'] =
    destination !== null ? 'existing-subscription' : kind === 'partial' ? 'new-subscription' : 'same-subscription';
  const base = { kind, when, quantity, into, cancellable: false as const };
  const no = (
    rule: RuleId,
    reason: UpgradeReason,
    apiCode: UpgradeApiCode | null = null,
    opensAt: Instant | null = null,
    duplicateLicenses: DuplicateLicenseNote | null = null,
  ): UpgradeDecision =>
    Object.assign(refuse(rule, reason, opensAt), base, {
      apiCode,
      effectiveAt: null,
      newSubscription: null,
      licenseAssignment: 'manual' as const,
      duplicateLicenses,
    });

  // U1: only active, paid subscriptions start an upgrade; R4: not while a renewal runs.
  const gate = stateGate('upgrade', sub, termPhase(sub, now));
  if (gate !== null) {
    const refusal = gateRefusal(gate, sub, now);
    const notActive = gate.reason !== 'TRIAL_USE_CONVERSION' && gate.reason !== 'RENEWAL_READ_ONLY';
    return no(gate.rule, gate.reason, notActive ? 'SubscriptionStatusNotActive' : null, refusal.opensAt);
  }

  const path = checkUpgradePath(sub.offerName, to, own(o, 'catalog') as UpgradeCatalog | undefined);
  if (!path.allowed) {
    return no(
      path.rule,
      path.reason as UpgradeReason,
      path.deniedBy === null ? null : 'ConversionsNotFound',
      null,
      path.duplicateLicenses,
    );
  }
  const warnings: Warning[] = [...path.warnings, 'UPGRADE_NOT_CANCELLABLE'];
  const termEnd = endOfDay(sub.termEndDay);

  if (when === 'at-renewal') {
    if (!sub.autoRenew) return no('S2', 'SCHEDULE_REQUIRES_AUTO_RENEW');
    if (destination !== null) return no('U5', 'SCHEDULED_INTO_EXISTING');
    // S1/U8: saved for the next term, until the term ends; S4: same quantity → automatic reassignment.
    return Object.assign(allow('U8', 'SCHEDULED_UPGRADE', termEnd, NONE, warnings), base, {
      apiCode: null,
      effectiveAt: termEnd,
      newSubscription: null,
      licenseAssignment: quantity === sub.quantity ? ('automatic' as const) : ('manual' as const),
      duplicateLicenses: null,
    });
  }

  if (destination !== null) {
    const refusal = destinationRefusal(sub, destination, now, termPolicy, policy, no);
    if (refusal !== null) return refusal;
  }
  // S5 (and S3): a midterm upgrade removes what was scheduled.
  if (sub.scheduledChange?.offerName != null) warnings.push('SCHEDULED_UPGRADE_REMOVED');
  else if (sub.scheduledChange !== null) warnings.push('SCHEDULED_CHANGES_REMOVED');
  if (otherChannel) warnings.push('MANUAL_LICENSE_ASSIGNMENT');

  let assumptions: readonly Assumption[] = NONE;
  let newSubscription: SubscriptionInput | null = null;
  if (into === 'new-subscription') {
    // U4: coterminous with the source; U9: inherits the source's cancellation window.
    const window = termWindowStart(sub, policy);
    assumptions = window.assumptions;
    newSubscription = {
      offerName: to,
      program: sub.program,
      status: 'active',
      term: sub.term,
      billing: sub.billing,
      quantity,
      purchasedAt: now,
      termEndDate: formatDay(sub.termEndDay),
      autoRenew: sub.autoRenew,
      cancellationWindowFrom: window.start,
    };
  }
  const full = kind === 'full';
  return Object.assign(
    allow(
      full ? 'U3' : 'U4',
      full ? 'FULL_UPGRADE' : 'PARTIAL_UPGRADE',
      sub.autoRenew ? null : termEnd,
      assumptions,
      warnings,
    ),
    base,
    {
      apiCode: null,
      effectiveAt: now,
      newSubscription,
      // U3: automatic for a full upgrade unless the destination SKU came from another channel; U4: manual.
      licenseAssignment: full && !otherChannel ? ('automatic' as const) : ('manual' as const),
      duplicateLicenses: null,
    },
  );
}

type Refuser = (
  rule: RuleId,
  reason: UpgradeReason,
  apiCode?: UpgradeApiCode | null,
  opensAt?: Instant | null,
) => UpgradeDecision;

// U5: 002 "You won't be able to select a destination subscription if the subscription is within
// cancellation window, term durations don't match, or the term end date is before the current term end date."
function destinationRefusal(
  sub: Subscription,
  dest: Subscription,
  now: Instant,
  termPolicy: DestinationTermPolicy,
  policy: Policy,
  no: Refuser,
): UpgradeDecision | null {
  if (dest.status !== 'active' || dest.trial) return no('U5', 'DESTINATION_NOT_ACTIVE', 'SubscriptionNotActive');
  const cancel = canCancel(dest, { now, policy });
  if (cancel.allowed && cancel.reason === 'WITHIN_WINDOW') {
    return no('U5', 'DESTINATION_IN_CANCELLATION_WINDOW', 'SubscriptionInCancellationWindow', cancel.until);
  }
  const shorter = TERM_MONTHS[dest.term] < TERM_MONTHS[sub.term];
  if (shorter || (termPolicy === 'equal' && dest.term !== sub.term)) {
    return no(
      'U5',
      'DESTINATION_TERM_MISMATCH',
      shorter ? 'SubscriptionTermDurationShorterThanSourceTermDuration' : null,
    );
  }
  if (dest.termEndDay < sub.termEndDay) return no('U5', 'DESTINATION_ENDS_EARLIER');
  return null;
}
