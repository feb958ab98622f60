/**
 * U6: two standalone SKUs upgraded into one higher SKU, as a plan of two ordered steps
 * (Manage customer subscriptions, "Two-to-one upgrades").
 */
import { allow, refuse, unionAssumptions, type Allowed, type Refused, type Warning } from '../core/decision.js';
import { CspRulesError } from '../core/errors.js';
import type { Policy } from '../policy/policy.js';
import { withChanges } from '../snapshot/changes.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import type { InstantInput } from '../time/instant.js';
import { canUpgrade, type UpgradeDecision, type UpgradeReason } from './upgrade.js';
import type { UpgradeCatalog } from './upgradePaths.js';
import { own, toRecord } from '../core/validate.js';

/** One step of the plan. */
export interface TwoToOneStep {
  /** The step's place in the plan: 1 first, then 2. */
  readonly order: 1 | 2;
  /** 1: upgrade the first subscription one-to-one; 2: transition the second into the upgraded one. */
  readonly action: 'upgrade' | 'transition-into-upgraded';
  /** The ID of the subscription the step acts on; `null` when it has none. */
  readonly subscriptionId: string | null;
  /** The step's upgrade decision, as {@link canUpgrade} gives it. */
  readonly decision: UpgradeDecision;
}

/** Why the plan can or can't run: `TWO_STEPS`, or the first refused step's reason. */
export type TwoToOneReason = 'TWO_STEPS' | UpgradeReason;

/** The answer of {@link planTwoToOne}. */
export type TwoToOnePlan = (Allowed<TwoToOneReason> | Refused<TwoToOneReason>) & {
  /** The two steps, in the order to run them. */
  readonly steps: readonly [TwoToOneStep, TwoToOneStep];
};

/** Options of {@link planTwoToOne}. */
export interface TwoToOneOptions {
  /** Offer name of the higher SKU both end in. */
  readonly to: string;
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** Conversions the offer matrix allows (U2). Without it only the deny list applies (warning `CATALOG_NOT_GIVEN`). */
  readonly catalog?: UpgradeCatalog;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
}

/**
 * U6: step 1 upgrades `first` one-to-one (all its seats) to `to`; step 2 transitions all seats of
 * `second` into the subscription step 1 produced — an existing destination, so U5 applies
 * (same term, not inside its cancellation window, not ending earlier). The plan is allowed when
 * both steps are; otherwise it carries the first refused step's reason and `opensAt`
 * (e.g. step 2 waits until the upgraded subscription's cancellation window closes).
 *
 * @throws {@link CspRulesError} `INCONSISTENT` (`second.id`) when both are the same subscription;
 *   whatever {@link canUpgrade} throws
 *
 * @example
 * ```ts
 * const plan = planTwoToOne(first, second, { to: 'Microsoft 365 E5', now: '2024-06-01T00:00:00Z', catalog });
 * plan.steps.map((s) => [s.action, s.decision.reason]);
 * // [['upgrade', 'FULL_UPGRADE'], ['transition-into-upgraded', 'FULL_UPGRADE']]
 * ```
 */
export function planTwoToOne(
  first: SubscriptionInput | Subscription,
  second: SubscriptionInput | Subscription,
  options: TwoToOneOptions,
): TwoToOnePlan {
  const a = toSubscription(first);
  const b = toSubscription(second);
  if (a.id !== null && a.id === b.id) throw new CspRulesError('INCONSISTENT', 'second.id', 'is the first subscription');
  const o = toRecord(options, 'options');
  const shared = {
    to: own(o, 'to') as string,
    now: own(o, 'now') as InstantInput,
    ...(own(o, 'catalog') === undefined ? {} : { catalog: own(o, 'catalog') as UpgradeCatalog }),
    ...(own(o, 'policy') === undefined ? {} : { policy: own(o, 'policy') as Policy }),
  };
  const step1 = canUpgrade(a, { ...shared, quantity: a.quantity, when: 'midterm' });
  // U3: the full upgrade keeps the subscription (its id, term and window), now of the higher SKU.
  const upgraded = withChanges(a, { offerName: shared.to });
  const step2 = canUpgrade(b, {
    ...shared,
    quantity: b.quantity,
    when: 'midterm',
    destination: upgraded,
  });
  const steps: readonly [TwoToOneStep, TwoToOneStep] = [
    { order: 1, action: 'upgrade', subscriptionId: a.id, decision: step1 },
    { order: 2, action: 'transition-into-upgraded', subscriptionId: b.id, decision: step2 },
  ];
  const stop = (s: Refused<UpgradeReason>): TwoToOnePlan =>
    Object.assign(refuse('U6', s.reason, s.opensAt, s.assumptions, s.warnings), {
      policyVersion: step1.policyVersion,
      steps,
    });
  if (!step1.allowed) return stop(step1);
  if (!step2.allowed) return stop(step2);
  const untils = [step1.until, step2.until].filter((u): u is number => u !== null);
  const warnings: Warning[] = [...new Set([...step1.warnings, ...step2.warnings])];
  // Stryker disable next-line ArrayDeclaration: equivalent — both steps are full upgrades (U3, into the same or an existing subscription), which canUpgrade answers with no assumptions
  return Object.assign(
    allow(
      'U6',
      'TWO_STEPS',
      untils.length === 0 ? null : Math.min(...untils),
      unionAssumptions(step1.assumptions, step2.assumptions),
      warnings,
    ),
    // Both steps are asked at one `now` under one policy: the plan names their version.
    { policyVersion: step1.policyVersion, steps },
  );
}
