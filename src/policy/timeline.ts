/**
 * The policy timeline: Microsoft's rule changes as dated data (principle 4). The rules of the
 * catalogue are those of the 2023 documents (the baseline version); each change below takes
 * effect at an instant, for some subscriptions, and names its public source. A decision uses the
 * rules in force at the instant that governs it (its `now`, or a subscription's term end for
 * what happens at the term end) and names that version; a policy can pin one (`asOf`).
 * `MICROSOFT_TIMELINE` (timelineSources.ts) gives each change's words and source.
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

/** One dated change of the rules: what a decision reads. */
export interface RuleChange {
  /** What changes. */
  readonly key: RuleChangeKey;
  /** The version it starts: its effective date (UTC day, YYYY-MM-DD). */
  readonly version: string;
  /** The instant it takes effect (00:00Z of the version's day: the sources give dates, all UTC). */
  readonly effective: Instant;
  /** The rules of the catalogue it changes. */
  readonly rules: readonly RuleId[];
  /** The subscriptions it applies to. */
  readonly scope: ChangeScope;
}

/** A rule change with its words and its public source (`MICROSOFT_TIMELINE`). */
export interface DocumentedRuleChange extends RuleChange {
  /** The change in one sentence. */
  readonly summary: string;
  /** Where Microsoft says so. */
  readonly source: RuleSource;
}

const at = (day: string): Instant => Date.parse(`${day}T00:00:00Z`);
const ALL: ChangeScope = { programs: null, termStartedFrom: null, termEndDayFrom: null, trials: true };

/**
 * The rule changes Microsoft published after the baseline, oldest first: what the decisions read
 * (their summaries and sources are `MICROSOFT_TIMELINE`'s, in `timelineSources.ts`, so a
 * bundle that only decides carries no prose). Dates are read as 00:00Z of the day the source gives
 * (no source gives a time of day; Partner Center's dates are UTC).
 */
export const RULE_CHANGE_TIMELINE: readonly RuleChange[] = /* @__PURE__ */ deepFreeze([
  {
    key: 'saas-monthly-cancel-anytime',
    version: '2024-07-01',
    effective: at('2024-07-01'),
    rules: ['C14'],
    scope: { programs: ['nce-saas'], termStartedFrom: null, termEndDayFrom: null, trials: false },
  },
  {
    key: 'saas-trial-cancel-anytime',
    version: '2024-07-01',
    effective: at('2024-07-01'),
    rules: ['C9', 'C14'],
    scope: { programs: ['nce-saas'], termStartedFrom: null, termEndDayFrom: null, trials: true },
  },
  {
    key: 'triennial-billing-locked',
    version: '2025-04-01',
    effective: at('2025-04-01'),
    rules: ['B2'],
    scope: { programs: ['nce-license'], termStartedFrom: null, termEndDayFrom: null, trials: false },
  },
  {
    key: 'monthly-billing-uplift',
    version: '2025-04-01',
    effective: at('2025-04-01'),
    rules: ['B1'],
    scope: ALL,
  },
  {
    key: 'end-of-term-choice',
    version: '2026-02-16',
    effective: at('2026-02-16'),
    rules: ['R6', 'P8', 'C17'],
    scope: { programs: ['nce-license'], termStartedFrom: null, termEndDayFrom: null, trials: false },
  },
  {
    key: 'extended-service-term',
    version: '2026-05-04',
    effective: at('2026-05-04'),
    rules: ['R7', 'P7'],
    scope: {
      programs: ['nce-license'],
      termStartedFrom: at('2025-04-01'),
      termEndDayFrom: at('2026-05-04') / 86_400_000,
      trials: false,
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
