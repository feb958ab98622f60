/**
 * Microsoft's rule changes with their words and public sources: {@link RULE_CHANGE_TIMELINE}
 * (what the decisions read), each with a one-sentence summary and the page it comes from. Kept
 * apart so that a bundle that only decides carries no prose; docs/catalogue.md's versions table
 * lists the same changes.
 */
import { deepFreeze } from '../core/deepFreeze.js';
import { RULE_CHANGE_TIMELINE, type DocumentedRuleChange, type RuleChangeKey, type RuleSource } from './timeline.js';

const READ = '2026-12-04';

/** Each change's words and source, by key. */
const DOCUMENTATION: Readonly<Record<RuleChangeKey, { readonly summary: string; readonly source: RuleSource }>> = {
  'saas-monthly-cancel-anytime': {
    summary:
      'A marketplace SaaS subscription on a monthly term can still be cancelled after its 72 h window, without a refund (stated by Microsoft in July 2024; the exact start is not published).',
    source: {
      title: 'Azure/Commercial-Marketplace-SaaS-Accelerator issue 729 (Microsoft staff answers)',
      url: 'https://github.com/Azure/Commercial-Marketplace-SaaS-Accelerator/issues/729',
      read: READ,
    },
  },
  'saas-trial-cancel-anytime': {
    summary:
      "A marketplace SaaS free trial can be cancelled at any time during the trial (it can't be started again); the page gives no date, so the change is dated with the SaaS cancellation statements of July 2024.",
    source: {
      title: 'Microsoft Learn, Partner Center: New commerce experience cancellation policy (Marketplace SaaS)',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-cancellation-policy',
      read: READ,
    },
  },
  'triennial-billing-locked': {
    summary:
      'Midterm billing-frequency changes of triennial terms are blocked (a change at renewal still can be scheduled).',
    source: {
      title: 'Microsoft Learn, Partner Center: Manage term duration and billing frequency',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/billing-frequency-changes',
      read: READ,
    },
  },
  'monthly-billing-uplift': {
    summary:
      'Monthly billing of annual and triennial terms costs 5 % more than paying upfront (for purchases and renewals from then).',
    source: {
      title: 'Microsoft Learn, Partner Center announcements: November 2024',
      url: 'https://learn.microsoft.com/en-us/partner-center/announcements/2024-november',
      read: READ,
    },
  },
  'end-of-term-choice': {
    summary:
      'Partner Center (UI and API: scheduledActions) offers three end-of-term outcomes: renew to a new term, move to an Extended Service Term, or cancel at the end of the term.',
    source: {
      title: 'Microsoft Learn, Partner Center: Extended service terms (EST)',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
      read: READ,
    },
  },
  'extended-service-term': {
    summary:
      'The free grace period after a term ends without renewal is gone: a subscription with auto-renew off and no cancellation set for the term end moves to an Extended Service Term — month to month at the monthly price + 3 % (+ 23 % without a monthly plan), cancellable at any time with a prorated refund.',
    source: {
      title: 'Microsoft Learn, Partner Center: Extended service terms (EST)',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
      read: READ,
    },
  },
};

/**
 * The rule changes Microsoft published after the baseline (2023-10-19), oldest first, each with
 * its rules, scope, a one-sentence summary and its public source (title, URL, the day it was read).
 *
 * @example
 * ```ts
 * MICROSOFT_TIMELINE.find((c) => c.key === 'extended-service-term')?.version; // '2026-05-04'
 * ```
 */
export const MICROSOFT_TIMELINE: readonly DocumentedRuleChange[] = /* @__PURE__ */ deepFreeze(
  RULE_CHANGE_TIMELINE.map((change) => ({ ...change, ...DOCUMENTATION[change.key] })),
);
