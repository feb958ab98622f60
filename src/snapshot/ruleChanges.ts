/**
 * Which of Microsoft's rule changes govern a subscription: the change in force at the instant
 * that governs the question (the policy's timeline, `asOf`, `ignoredChanges`) and whose scope
 * covers the subscription (program, trial, when its term started, when it ends).
 */
import type { Instant } from '../core/instant.js';
import { ruleChange, type Policy } from '../policy/policy.js';
import { inScope, type RuleChange, type RuleChangeKey } from '../policy/timeline.js';
import type { Subscription } from './subscription.js';
import { startOfDay } from '../time/day.js';

/**
 * The change `key` when it is in force at `instant` and covers `sub`'s current term, else `null`.
 *
 * @param sub - the validated snapshot
 * @param policy - the policy (its timeline, `asOf` and `ignoredChanges`)
 * @param key - the change asked about
 * @param instant - the instant that governs the question (a decision's `now`, the term end …)
 */
export function changeFor(sub: Subscription, policy: Policy, key: RuleChangeKey, instant: Instant): RuleChange | null {
  const change = ruleChange(policy, key, instant);
  return change !== null && covers(change, sub) ? change : null;
}

/** Whether a change's scope covers `sub`'s current term. */
export function covers(change: RuleChange, sub: Subscription): boolean {
  return inScope(change.scope, {
    program: sub.program,
    trial: sub.trial,
    // R3: an unknown completion instant is taken as the start of the term's first day.
    termStart: sub.termStartedAt ?? startOfDay(sub.termStartDay),
    termEndDay: sub.termEndDay,
  });
}
