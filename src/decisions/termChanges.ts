/**
 * "To which longer term (and billing) can I move now?" — B1, B3, B4 (Manage customer
 * subscriptions, "Change billing frequency along with billing term and other fields (immediate
 * change)").
 */
import { changeFor } from '../snapshot/ruleChanges.js';
import {
  billingRow,
  planOption,
  answeredOptions,
  type PlanBlockReason,
  type PlanChanges,
  type PlanOption,
} from './billingChanges.js';
import { allow, NONE, refuse, type Assumption, type Warning } from '../core/decision.js';
import { CspRulesError, describe } from '../core/errors.js';
import type { RuleId } from '../core/rules.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { termPhase } from '../snapshot/termWindow.js';
import { gateRefusal, stateGate } from './gates.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { endOfDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import {
  BILLING_FREQUENCIES,
  billingMonths,
  TERM_MONTHS,
  TERMS,
  type BillingFrequency,
  type Term,
} from '../time/term.js';
import { own, toEnum, toRecord } from '../core/validate.js';
import { deepFreeze } from '../core/deepFreeze.js';

/** Why a term change is or isn't possible. */
export type TermChangeReason =
  | PlanBlockReason
  /** B3: the table accepts it; it takes effect immediately. */
  | 'IMMEDIATE'
  /** B3: only a longer term is accepted ("changing to a lower term isn't accepted"). */
  | 'TERM_NOT_LONGER'
  /** B1: the catalog does not offer this term for the product (Triennial "may not be supported"). */
  | 'TERM_NOT_OFFERED'
  /** B3: the table's cell does not list this term and billing. */
  | 'CHANGE_NOT_ACCEPTED'
  /** B3: the program has no term-change table in the sources (only new-commerce license-based has one). */
  | 'NO_PLAN_TABLE'
  /** In an Extended Service Term: seats and plan are fixed; only cancellation and the end-of-term choice (R7). */
  | 'EXTENDED_SERVICE_TERM';

/** One row of the "Change billing frequency along with billing term" table (B3). */
export interface TermChangeRow {
  /** The row's current term. */
  readonly term: Term;
  /** The row's current billing frequency. */
  readonly billing: BillingFrequency;
  /** Target plans the row accepts (term with each accepted billing frequency); empty for "None". */
  readonly accepted: readonly { readonly term: Term; readonly billing: readonly BillingFrequency[] }[];
  /** The "Term duration changes accepted" cell, as the source writes it. */
  readonly termCell: string;
  /** The "Billing frequency changes accepted" cell, as the source writes it. */
  readonly billingCell: string;
}

const TRIENNIAL_ANY = { term: 'P3Y', billing: ['monthly', 'triennial', 'annual'] } as const;

// B3: "Manage customer subscriptions", "Change billing frequency along with billing term and other
// fields (immediate change)", Eligible changes, row for row.
/**
 * B3: the source table, cell for cell.
 *
 * @example
 * ```ts
 * TERM_CHANGES[5].accepted; // [{ term: 'P1Y', billing: ['monthly', 'annual'] }, { term: 'P3Y', billing: ['monthly', 'triennial', 'annual'] }]
 * ```
 */
// The rows are the source table, cell for cell.
// prettier-ignore
export const TERM_CHANGES: readonly TermChangeRow[] = /* @__PURE__ */ deepFreeze([
  { term: 'P3Y', billing: 'monthly', accepted: [], termCell: 'None', billingCell: 'None' },
  { term: 'P3Y', billing: 'triennial', accepted: [], termCell: 'None', billingCell: 'None' },
  { term: 'P3Y', billing: 'annual', accepted: [], termCell: 'None', billingCell: 'None' },
  {
    term: 'P1Y', billing: 'annual', accepted: [TRIENNIAL_ANY],
    termCell: 'Yes (Annual to Triennial)',
    billingCell: 'Yes (Triennial term with Monthly, Triennial, or Annual billing plan)',
  },
  {
    term: 'P1Y', billing: 'monthly', accepted: [TRIENNIAL_ANY],
    termCell: 'Yes (Annual to Triennial)',
    billingCell: 'Yes (Triennial term with Monthly, Triennial, or Annual billing plan)',
  },
  {
    term: 'P1M', billing: 'monthly', accepted: [{ term: 'P1Y', billing: ['monthly', 'annual'] }, TRIENNIAL_ANY],
    termCell: 'Yes (Monthly to Annual, or Monthly to Triennial)',
    billingCell: 'Yes (Annual term with Monthly or Annual billing plan), or (Triennial term with Monthly, Triennial or Annual billing plan)',
  },
] as const);

/**
 * B1: the terms assumed offered when the caller doesn't say. Triennial "may not be supported for
 * a particular product and sku", so it is listed only when the caller's catalog offers it.
 */
export const DEFAULT_OFFERED_TERMS: readonly Term[] = Object.freeze(['P1M', 'P1Y']);

/** Options of {@link eligibleTermChanges}. */
export interface TermChangeOptions {
  /** The instant to decide at (T4). */
  readonly now: InstantInput;
  /** Terms the catalog offers for this product/SKU (B1). Default {@link DEFAULT_OFFERED_TERMS}: no Triennial. */
  readonly offeredTerms?: readonly Term[] | undefined;
  /** A policy from `definePolicy` (its programs' `planTables`); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/**
 * B1, B3, B4: every plan with a different term than the subscription's, allowed or refused.
 *
 * - Allowed (B3 table): only a longer term, with the billing frequencies its cell lists; the
 *   change is immediate (`effectiveAt` = `now`). `until` is `null` (possible any time while
 *   active), or the term's end when auto-renew is off (the subscription then expires, R5).
 * - Refused: a shorter term (`TERM_NOT_LONGER`), a term the catalog doesn't offer
 *   (`TERM_NOT_OFFERED`; without `offeredTerms` Triennial counts as not offered and the refusal
 *   carries the assumption `OFFERED_TERMS_ASSUMED`), or a blocked state (C3, TR8, not active).
 * - B4: allowed options warn `PROMOTION_MAY_BE_LOST` when the subscription has a promotion.
 * Billing changes within the same term are {@link eligibleBillingFrequencyChanges}'s (B2).
 *
 * @throws {@link CspRulesError} `INVALID_ENUM` naming `offeredTerms[i]`; `INCONSISTENT` for a
 *   billing frequency longer than the term
 *
 * @example
 * ```ts
 * const r = eligibleTermChanges(
 *   { program: 'nce-license', term: 'P1M', billing: 'monthly', quantity: 3, purchasedAt: '2024-01-15T09:30:00Z' },
 *   { now: '2024-01-20T00:00:00Z', offeredTerms: ['P1M', 'P1Y', 'P3Y'] },
 * );
 * r.allowed.map((o) => `${o.term}/${o.billing}`);
 * // ['P1Y/monthly', 'P1Y/annual', 'P3Y/monthly', 'P3Y/annual', 'P3Y/triennial']
 * ```
 */
export function eligibleTermChanges(
  subscription: SubscriptionInput | Subscription,
  options: TermChangeOptions,
): PlanChanges<TermChangeReason> {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const offered = readOfferedTerms(own(o, 'offeredTerms'));
  billingRow(sub); // B1: throws INCONSISTENT for a billing longer than the term
  const row = termRow(sub);
  const policy = readPolicy(own(o, 'policy'));
  const gate = stateGate('changeTerm', sub, termPhase(sub, now));
  const blocked =
    gate !== null
      ? gateRefusal(gate, sub, now)
      : policy.programs[sub.program].planTables
        ? null
        : refuse<TermChangeReason>('B3', 'NO_PLAN_TABLE', null);
  const promo: readonly Warning[] = sub.promotionId === null ? NONE : ['PROMOTION_MAY_BE_LOST'];
  // B1 (2025-04-01): monthly billing of an annual or triennial term costs 5 % more than upfront.
  const monthly: readonly Warning[] =
    changeFor(sub, policy, 'monthly-billing-uplift', now) === null ? promo : [...promo, 'MONTHLY_BILLING_UPLIFT'];
  // B1: without the catalog's terms, Monthly and Annual are assumed offered, Triennial not: every
  // option then depends on that assumption, never a fact.
  const assumed: readonly Assumption[] = offered.given ? NONE : OFFERED_ASSUMED;
  const until: Instant | null = sub.autoRenew ? null : endOfDay(sub.termEndDay);

  const allowed: PlanOption<TermChangeReason>[] = [];
  const refused: PlanOption<TermChangeReason>[] = [];
  for (const term of TERMS) {
    if (term === sub.term) continue;
    for (const billing of BILLING_FREQUENCIES) {
      // B1: a plan bills at most once per term.
      if (billingMonths(billing) > TERM_MONTHS[term]) continue;
      const no = (rule: RuleId, reason: TermChangeReason, assumptions: readonly Assumption[] = NONE): void => {
        refused.push(planOption(refuse(rule, reason, null, assumptions), term, billing, 'immediate', null));
      };
      if (blocked !== null) refused.push(planOption(blocked, term, billing, 'immediate', null));
      else if (TERM_MONTHS[term] < TERM_MONTHS[sub.term]) no('B3', 'TERM_NOT_LONGER');
      else if (!offered.terms.includes(term)) no('B1', 'TERM_NOT_OFFERED', assumed);
      // The table decides (B3). With 002's table this never refuses: every longer offered term is in
      // its row (test/termChanges.mutation.test.ts checks that cell by cell), so the mutants of this
      // line are equivalent (docs/quality.md); it stays so the table, not the order of the checks,
      // is the rule.
      else if (!row.accepted.some((a) => a.term === term && a.billing.includes(billing)))
        no('B3', 'CHANGE_NOT_ACCEPTED', assumed);
      else
        allowed.push(
          planOption(
            allow('B3', 'IMMEDIATE', until, assumed, billing === 'monthly' ? monthly : promo),
            term,
            billing,
            'immediate',
            now,
          ),
        );
    }
  }
  return answeredOptions(sub, { allowed, refused }, policyVersion(policy, now));
}

const OFFERED_ASSUMED: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['OFFERED_TERMS_ASSUMED']);

function termRow(sub: Subscription): TermChangeRow {
  // billingRow has already rejected plans that aren't in the tables; both tables have the same six rows.
  return TERM_CHANGES.find((r) => r.term === sub.term && r.billing === sub.billing) as TermChangeRow;
}

function readOfferedTerms(value: unknown): { readonly terms: readonly Term[]; readonly given: boolean } {
  if (value === undefined) return { terms: DEFAULT_OFFERED_TERMS, given: false };
  if (!Array.isArray(value)) {
    throw new CspRulesError(
      'INVALID_TYPE',
      'offeredTerms',
      `expected an array of terms, got ${describe(value)}`,
      value,
    );
  }
  return { terms: value.map((t, i) => toEnum(t, TERMS, `offeredTerms[${i}]`)), given: true };
}
