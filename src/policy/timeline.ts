/**
 * The policy timeline: Microsoft's rule changes as dated data (principle 4). The rules of the
 * catalogue are those of the 2023 documents (the baseline version); each change below takes
 * effect at an instant, for some subscriptions, and names its public source. A decision uses the
 * rules in force at the instant that governs it (its `now`, or a subscription's term end for
 * what happens at the term end) and names that version; a policy can pin one (`asOf`).
 */
import { BASELINE_VERSION } from '../core/decision.js';
import { deepFreeze } from '../core/deepFreeze.js';
import type { Instant } from '../core/instant.js';
import type { RuleId } from '../core/rules.js';
import type { Program } from './programs.js';

export { BASELINE_VERSION } from '../core/decision.js';

/** The changes the library knows, each a flag the decisions read. */
export const RULE_CHANGES = /* @__PURE__ */ Object.freeze([
  'saas-monthly-cancel-anytime',
  'saas-trial-cancel-anytime',
  'triennial-billing-locked',
  'monthly-billing-uplift',
  'end-of-term-choice',
  'extended-service-term',
] as const);

/** A rule change the library knows ({@link RULE_CHANGES}). */
export type RuleChangeKey = (typeof RULE_CHANGES)[number];

/** Where a rule change is documented. */
export interface RuleSource {
  /** The page's title. */
  readonly title: string;
  /** Its public address. */
  readonly url: string;
  /** When the library's authors read it (YYYY-MM-DD). */
  readonly read: string;
}

/** Which subscriptions a change applies to. */
export interface ChangeScope {
  /** The programs it applies to; every program when `null`. */
  readonly programs: readonly Program[] | null;
  /** Only terms that started (bought or renewed) at or after this instant; any when `null`. */
  readonly termStartedFrom: Instant | null;
  /** Only terms whose end date (a UTC day, T2) is on or after this day; any when `null`. */
  readonly termEndDayFrom: number | null;
  /** Trials too. */
  readonly trials: boolean;
}

/** One dated change of the rules. */
export interface RuleChange {
  /** What changes. */
  readonly key: RuleChangeKey;
  /** The version it starts: its effective date (UTC day, YYYY-MM-DD). */
  readonly version: string;
  /** The instant it takes effect (00:00Z of the version's day: the sources give dates, all UTC). */
  readonly effective: Instant;
  /** The rules of the catalogue it changes. */
  readonly rules: readonly RuleId[];
  /** The change in one sentence. */
  readonly summary: string;
  /** The subscriptions it applies to. */
  readonly scope: ChangeScope;
  /** Where Microsoft says so. */
  readonly source: RuleSource;
}

const READ = '2026-12-04';
const at = (day: string): Instant => Date.parse(`${day}T00:00:00Z`);
const ALL: ChangeScope = { programs: null, termStartedFrom: null, termEndDayFrom: null, trials: true };

/**
 * The rule changes Microsoft published after the baseline, oldest first. Dates are read as
 * 00:00Z of the day the source gives (no source gives a time of day; Partner Center's dates are UTC).
 */
export const MICROSOFT_TIMELINE: readonly RuleChange[] = /* @__PURE__ */ deepFreeze([
  {
    key: 'saas-monthly-cancel-anytime',
    version: '2024-07-01',
    effective: at('2024-07-01'),
    rules: ['C14'],
    summary:
      'A marketplace SaaS subscription on a monthly term can still be cancelled after its 72 h window, without a refund (stated by Microsoft in July 2024; the exact start is not published).',
    scope: { programs: ['nce-saas'], termStartedFrom: null, termEndDayFrom: null, trials: false },
    source: {
      title: 'Azure/Commercial-Marketplace-SaaS-Accelerator issue 729 (Microsoft staff answers)',
      url: 'https://github.com/Azure/Commercial-Marketplace-SaaS-Accelerator/issues/729',
      read: READ,
    },
  },
  {
    key: 'saas-trial-cancel-anytime',
    version: '2024-07-01',
    effective: at('2024-07-01'),
    rules: ['C9', 'C14'],
    summary:
      "A marketplace SaaS free trial can be cancelled at any time during the trial (it can't be started again); the page gives no date, so the change is dated with the SaaS cancellation statements of July 2024.",
    scope: { programs: ['nce-saas'], termStartedFrom: null, termEndDayFrom: null, trials: true },
    source: {
      title: 'Microsoft Learn, Partner Center: New commerce experience cancellation policy (Marketplace SaaS)',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-cancellation-policy',
      read: READ,
    },
  },
  {
    key: 'triennial-billing-locked',
    version: '2025-04-01',
    effective: at('2025-04-01'),
    rules: ['B2'],
    summary:
      'Midterm billing-frequency changes of triennial terms are blocked (a change at renewal still can be scheduled).',
    scope: { programs: ['nce-license'], termStartedFrom: null, termEndDayFrom: null, trials: false },
    source: {
      title: 'Microsoft Learn, Partner Center: Manage term duration and billing frequency',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/billing-frequency-changes',
      read: READ,
    },
  },
  {
    key: 'monthly-billing-uplift',
    version: '2025-04-01',
    effective: at('2025-04-01'),
    rules: ['B1'],
    summary:
      'Monthly billing of annual and triennial terms costs 5 % more than paying upfront (for purchases and renewals from then).',
    scope: ALL,
    source: {
      title: 'Microsoft Learn, Partner Center announcements: November 2024',
      url: 'https://learn.microsoft.com/en-us/partner-center/announcements/2024-november',
      read: READ,
    },
  },
  {
    key: 'end-of-term-choice',
    version: '2026-02-16',
    effective: at('2026-02-16'),
    rules: ['R6', 'P8'],
    summary:
      'Partner Center (UI and API: scheduledActions) offers three end-of-term outcomes: renew to a new term, move to an Extended Service Term, or cancel at the end of the term.',
    scope: { programs: ['nce-license'], termStartedFrom: null, termEndDayFrom: null, trials: false },
    source: {
      title: 'Microsoft Learn, Partner Center: Extended service terms (EST)',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
      read: READ,
    },
  },
  {
    key: 'extended-service-term',
    version: '2026-05-04',
    effective: at('2026-05-04'),
    rules: ['R7', 'C17', 'P7'],
    summary:
      'The free grace period after a term ends without renewal is gone: a subscription with auto-renew off and no cancellation set for the term end moves to an Extended Service Term — month to month at the monthly price + 3 % (+ 23 % without a monthly plan), cancellable at any time with a prorated refund.',
    scope: {
      programs: ['nce-license'],
      termStartedFrom: at('2025-04-01'),
      termEndDayFrom: at('2026-05-04') / 86_400_000,
      trials: false,
    },
    source: {
      title: 'Microsoft Learn, Partner Center: Extended service terms (EST)',
      url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
      read: READ,
    },
  },
]);

/**
 * The version of the rules in force at `instant`: the effective date of the latest change of
 * `timeline` at or before it (the `ignored` ones left out), else {@link BASELINE_VERSION}.
 *
 * @param timeline - the changes, oldest first
 * @param instant - the instant that governs the question (a decision's `now`, a term's end …)
 * @param ignored - changes the policy switches off
 */
export function versionAt(
  timeline: readonly RuleChange[],
  instant: Instant,
  ignored: readonly RuleChangeKey[],
): string {
  let version = BASELINE_VERSION;
  for (const change of timeline) {
    if (change.effective <= instant && change.version > version && !ignored.includes(change.key))
      version = change.version;
  }
  return version;
}

/**
 * The change `key` when it is in force at `instant` (and not ignored), else `null`.
 *
 * @param timeline - the changes, oldest first
 * @param key - the change asked about
 * @param instant - the instant that governs the question
 * @param ignored - changes the policy switches off
 */
export function changeAt(
  timeline: readonly RuleChange[],
  key: RuleChangeKey,
  instant: Instant,
  ignored: readonly RuleChangeKey[],
): RuleChange | null {
  if (ignored.includes(key)) return null;
  for (const change of timeline) if (change.key === key && change.effective <= instant) return change;
  return null;
}

/**
 * Whether a change's scope covers a subscription: its program, whether it is a trial, when its
 * current term started and the day it ends.
 *
 * @param scope - the change's scope
 * @param facts - the subscription's facts
 */
export function inScope(
  scope: ChangeScope,
  facts: {
    readonly program: Program;
    readonly trial: boolean;
    readonly termStart: Instant;
    readonly termEndDay: number;
  },
): boolean {
  if (scope.programs !== null && !scope.programs.includes(facts.program)) return false;
  if (facts.trial && !scope.trials) return false;
  if (scope.termStartedFrom !== null && facts.termStart < scope.termStartedFrom) return false;
  return scope.termEndDayFrom === null || facts.termEndDay >= scope.termEndDayFrom;
}
