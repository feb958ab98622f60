/**
 * B1: which term and billing pairs are plans, and the plan the next term of a snapshot's facts
 * will have (S1, B2, TR2) — checked when a snapshot is read and when the machine changes one, so
 * no accepted input or event leaves a renewal that B1 forbids.
 */
import { TRIAL_DEFAULT_BILLING, TRIAL_DEFAULT_TERM } from '../policy/trials.js';
import { billingMonths, TERM_MONTHS, type BillingFrequency, type Term } from '../time/term.js';

/**
 * B1: a plan bills at most once per term — monthly any term, annual a one- or three-year term,
 * triennial only a three-year term.
 *
 * @param term - the term
 * @param billing - the billing frequency
 */
export function isPlan(term: Term, billing: BillingFrequency): boolean {
  return billingMonths(billing) <= TERM_MONTHS[term];
}

/** The facts the next term's plan follows from. */
export interface PlanFacts {
  readonly term: Term;
  readonly billing: BillingFrequency;
  readonly trial: boolean;
  readonly nextChargeBilling: BillingFrequency | null;
  readonly scheduledChange: { readonly term: Term | null; readonly billing: BillingFrequency | null } | null;
}

/**
 * S1, B2, TR2: the next term's term and billing — the scheduled ones, else a pending billing
 * change, else the current plan (a trial converts to Annual billed Monthly unless scheduled).
 *
 * @param facts - the snapshot's facts
 */
export function nextPlan(facts: PlanFacts): { readonly term: Term; readonly billing: BillingFrequency } {
  const sc = facts.scheduledChange;
  return {
    term: sc?.term ?? (facts.trial ? TRIAL_DEFAULT_TERM : facts.term),
    billing: sc?.billing ?? facts.nextChargeBilling ?? (facts.trial ? TRIAL_DEFAULT_BILLING : facts.billing),
  };
}
