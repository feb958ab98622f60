/**
 * The policy object: the program table plus every choice where the sources disagree or are
 * silent, each with the default the rule catalogue gives.
 */
import { CspRulesError, describe } from '../core/errors.js';
import { RULE_IDS } from '../core/rules.js';
import { BILLING_FREQUENCIES, type BillingFrequency, type RenewalAnchor } from '../time/term.js';
import { own, toBoolean, toEnum, toRecord } from '../core/validate.js';
import { DEFAULT_PROGRAMS, PROGRAMS, type Program, type ProgramPolicy } from './programs.js';
import {
  changeAt,
  RULE_CHANGE_TIMELINE,
  RULE_CHANGES,
  versionAt,
  type RuleChange,
  type RuleChangeKey,
} from './timeline.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';

/** The whole policy. Build variants with {@link definePolicy}; never mutate. */
export interface Policy {
  /** Per-program windows, refunds and seat rules. */
  readonly programs: Readonly<Record<Program, ProgramPolicy>>;
  /**
   * R3: when a renewed term's completion instant is unknown, measure its windows from the
   * `earliest` possible completion (00:00 UTC of the renewal day: deadlines never later than
   * the real ones — the default) or the `latest` (+24 h: never opens before the real window).
   */
  readonly unknownRenewalCompletion: 'earliest' | 'latest';
  /** Q2: never reduce below one seat (Partner Center cancels rather than reducing to 0). Default true. */
  readonly keepOneSeat: boolean;
  /**
   * M1: counting days used. `inclusive` (default): purchase day to cancellation day, both
   * counted. `exclusive`: the cancellation day is not charged.
   */
  readonly daysUsed: 'inclusive' | 'exclusive';
  /** T6: how renewed terms anchor (default `anniversary`). */
  readonly renewalAnchor: RenewalAnchor;
  /**
   * P7: a subscription still suspended at its term end goes through the lifecycle page's stages
   * (`lifecycle`, default: disabled 30 d, then 90 d) or has its data deleted at once (`deleted`,
   * as "Manage customer subscriptions" says).
   */
  readonly suspendedAtTermEnd: 'lifecycle' | 'deleted';
  /**
   * P8: a subscription set to cancel at its term end stops then; its data is kept 90 days. The
   * sources don't give the API status meanwhile: `disabled` (default, admins keep the data) for
   * 90 days, then `deleted`; or `deleted` at once.
   */
  readonly cancelledAtTermEnd: 'disabled' | 'deleted';
  /**
   * S3: which midterm changes delete saved scheduled changes — any immediate change (`any-immediate`,
   * default, the API docs) or only the five-item list of "Manage customer subscriptions" (`listed`).
   */
  readonly scheduledChangeDeletion: 'any-immediate' | 'listed';
  /**
   * U5: an existing upgrade destination must have the `equal` term (default, the Partner Center UI:
   * "term durations don't match") or a `not-shorter` one (the transitions API).
   */
  readonly destinationTerm: 'equal' | 'not-shorter';
  /**
   * Microsoft's rule changes after the 2023 documents, oldest first (RULE_CHANGE_TIMELINE; their sources: MICROSOFT_TIMELINE): each
   * decision uses those in force at the instant that governs it and names the version.
   */
  readonly timeline: readonly RuleChange[];
  /**
   * Pins the rules to those in force at this instant, whatever the decision's own `now`: to
   * reproduce an answer as it was given then. `null` (default): each decision's own instant.
   */
  readonly asOf: Instant | null;
  /** Changes of the timeline switched off (e.g. to keep a contract's older terms). Default none. */
  readonly ignoredChanges: readonly RuleChangeKey[];
}

/** Overrides of one program; windows may be given for some billing frequencies only. */
export type ProgramOverrides = Partial<Omit<ProgramPolicy, 'cancelWindowHours' | 'cancelRule'>> & {
  readonly cancelWindowHours?: Partial<ProgramPolicy['cancelWindowHours']>;
  readonly cancelRule?: Partial<ProgramPolicy['cancelRule']>;
};

/** Deep-partial overrides accepted by {@link definePolicy}. */
export interface PolicyOverrides {
  /** Per-program overrides: windows, refunds and seat rules of the programs named. */
  readonly programs?: { readonly [P in Program]?: ProgramOverrides };
  /** R3: which bound to measure from when a renewal's completion instant is unknown. */
  readonly unknownRenewalCompletion?: Policy['unknownRenewalCompletion'];
  /** Q2: whether a seat reduction must leave at least one seat. */
  readonly keepOneSeat?: boolean;
  /** M1: whether the day of the cancellation counts as a day used. */
  readonly daysUsed?: Policy['daysUsed'];
  /** T6: how renewed terms anchor after a month-end start. */
  readonly renewalAnchor?: RenewalAnchor;
  /** P7: what happens to a subscription still suspended at its term end. */
  readonly suspendedAtTermEnd?: Policy['suspendedAtTermEnd'];
  /** P8: the status of a subscription cancelled at its term end, during the 90 days its data is kept. */
  readonly cancelledAtTermEnd?: Policy['cancelledAtTermEnd'];
  /** S3: which midterm changes delete saved scheduled changes. */
  readonly scheduledChangeDeletion?: Policy['scheduledChangeDeletion'];
  /** U5: which term an existing upgrade destination must have. */
  readonly destinationTerm?: Policy['destinationTerm'];
  /** The instant whose rules every decision uses (an ISO-8601 instant, a `Date` or epoch ms); `null` for each decision's own. */
  readonly asOf?: InstantInput | null;
  /** Rule changes of the timeline to switch off. */
  readonly ignoredChanges?: readonly RuleChangeKey[];
}

/**
 * The default policy: every window, refund and choice as the rule catalogue gives it.
 *
 * @example
 * ```ts
 * DEFAULT_POLICY.programs['nce-license'].fullRefundHours; // 24 (C15)
 * ```
 */
export const DEFAULT_POLICY: Policy = Object.freeze({
  programs: DEFAULT_PROGRAMS,
  unknownRenewalCompletion: 'earliest',
  keepOneSeat: true,
  daysUsed: 'inclusive',
  renewalAnchor: 'anniversary',
  suspendedAtTermEnd: 'lifecycle',
  cancelledAtTermEnd: 'disabled',
  scheduledChangeDeletion: 'any-immediate',
  destinationTerm: 'equal',
  timeline: RULE_CHANGE_TIMELINE,
  asOf: null,
  ignoredChanges: Object.freeze([]),
});

/** Policies known to be valid (the default and every result of {@link definePolicy}). */
const policies = new WeakSet<object>([DEFAULT_POLICY]);

/**
 * A policy with some values overridden, e.g. a longer window where required by law, or the
 * C15 full-refund tier switched off. Unknown programs or invalid hours throw; so does a `base`
 * that is not a policy from {@link definePolicy} or {@link DEFAULT_POLICY} (`INVALID_TYPE` `base`).
 *
 * @example
 * ```ts
 * const longer = definePolicy({ programs: { 'nce-license': { cancelWindowHours: { annual: 14 * 24 } } } });
 * const noTier = definePolicy({ programs: { 'nce-license': { fullRefundHours: 0 } } });
 * ```
 */
export function definePolicy(overrides: PolicyOverrides, base: Policy = DEFAULT_POLICY): Policy {
  // Only a policy known to be valid can be built on: a hand-made object is never spread unchecked.
  if (!policies.has(base))
    throw new CspRulesError(
      'INVALID_TYPE',
      'base',
      `expected a policy from definePolicy or DEFAULT_POLICY, got ${describe(base)}`,
      base,
    );
  // Principle 5: null, a non-object or an unknown setting is a CspRulesError, never ignored.
  for (const key of Object.keys(toRecord(overrides, 'policy'))) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      throw new CspRulesError(
        'INVALID_ENUM',
        `policy.${key}`,
        `unknown setting; expected one of ${POLICY_KEYS.join(', ')}`,
        key,
      );
    }
  }
  // Only own properties are read: a key inherited from a polluted Object.prototype is no setting.
  const ov = overrides as Readonly<Record<string, unknown>>;
  const programs: Record<Program, ProgramPolicy> = { ...base.programs };
  const givenPrograms = own(ov, 'programs');
  const given = givenPrograms === undefined ? {} : toRecord(givenPrograms, 'policy.programs');
  for (const key of Object.keys(given)) {
    if (!(PROGRAMS as readonly string[]).includes(key)) {
      throw new CspRulesError('INVALID_ENUM', ['policy', 'programs', key], `unknown program ${describe(key)}`, key);
    }
    const program = key as Program;
    programs[program] = mergeProgram(programs[program], own(given, program), `policy.programs.${program}`);
  }
  const policy: Policy = Object.freeze({
    programs: Object.freeze(programs),
    unknownRenewalCompletion: pick(
      own(ov, 'unknownRenewalCompletion'),
      ['earliest', 'latest'],
      'policy.unknownRenewalCompletion',
      base.unknownRenewalCompletion,
    ),
    keepOneSeat: toBoolean(own(ov, 'keepOneSeat'), 'policy.keepOneSeat', base.keepOneSeat),
    daysUsed: pick(own(ov, 'daysUsed'), ['inclusive', 'exclusive'], 'policy.daysUsed', base.daysUsed),
    renewalAnchor: pick(
      own(ov, 'renewalAnchor'),
      ['anniversary', 'clamped'],
      'policy.renewalAnchor',
      base.renewalAnchor,
    ),
    suspendedAtTermEnd: pick(
      own(ov, 'suspendedAtTermEnd'),
      ['lifecycle', 'deleted'],
      'policy.suspendedAtTermEnd',
      base.suspendedAtTermEnd,
    ),
    cancelledAtTermEnd: pick(
      own(ov, 'cancelledAtTermEnd'),
      ['disabled', 'deleted'],
      'policy.cancelledAtTermEnd',
      base.cancelledAtTermEnd,
    ),
    scheduledChangeDeletion: pick(
      own(ov, 'scheduledChangeDeletion'),
      ['any-immediate', 'listed'],
      'policy.scheduledChangeDeletion',
      base.scheduledChangeDeletion,
    ),
    destinationTerm: pick(
      own(ov, 'destinationTerm'),
      ['equal', 'not-shorter'],
      'policy.destinationTerm',
      base.destinationTerm,
    ),
    timeline: base.timeline,
    asOf: readAsOf(own(ov, 'asOf'), base.asOf),
    ignoredChanges: readIgnored(own(ov, 'ignoredChanges'), base.ignoredChanges),
  });
  policies.add(policy);
  return policy;
}

/**
 * The policy of an options bag: the default when absent, else a policy made by
 * {@link definePolicy} (or {@link DEFAULT_POLICY}); anything else — plain overrides included — is
 * `INVALID_TYPE` `policy`.
 */
export function readPolicy(value: unknown): Policy {
  if (value === undefined) return DEFAULT_POLICY;
  if (typeof value === 'object' && value !== null && policies.has(value)) return value as Policy;
  // A policy is made once, by definePolicy: plain override objects are read there only, never per call.
  throw new CspRulesError(
    'INVALID_TYPE',
    'policy',
    `expected a policy from definePolicy (or DEFAULT_POLICY), got ${describe(value)}: build it once with definePolicy(overrides)`,
    value,
  );
}

/**
 * The version of the rules a decision governed by `instant` uses: the policy's pinned `asOf`
 * when set, else the instant's (see {@link versionAt}).
 *
 * @param policy - the policy
 * @param instant - the instant that governs the decision (its `now`, or a term's end)
 */
export function policyVersion(policy: Policy, instant: Instant): string {
  return versionAt(policy.timeline, policy.asOf ?? instant, policy.ignoredChanges);
}

/**
 * The change `key` of the policy's timeline in force for a decision governed by `instant`
 * (the pinned `asOf` when set), or `null`.
 *
 * @param policy - the policy
 * @param key - the change asked about
 * @param instant - the instant that governs the decision
 */
export function ruleChange(policy: Policy, key: RuleChangeKey, instant: Instant): RuleChange | null {
  return changeAt(policy.timeline, key, policy.asOf ?? instant, policy.ignoredChanges);
}

/** `asOf`: absent keeps the base's; `null` unpins; else an instant (T1). */
function readAsOf(value: unknown, fallback: Instant | null): Instant | null {
  if (value === undefined) return fallback;
  return value === null ? null : toInstant(value, 'policy.asOf');
}

/** `ignoredChanges`: absent keeps the base's; else a list of known change keys, each once. */
function readIgnored(value: unknown, fallback: readonly RuleChangeKey[]): readonly RuleChangeKey[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value)) {
    throw new CspRulesError(
      'INVALID_TYPE',
      'policy.ignoredChanges',
      `expected an array of change keys, got ${describe(value)}`,
      value,
    );
  }
  const out: RuleChangeKey[] = [];
  for (let i = 0; i < value.length; i++) {
    const key = toEnum(value[i], RULE_CHANGES, `policy.ignoredChanges[${i}]`);
    if (!out.includes(key)) out.push(key);
  }
  return Object.freeze(out);
}

function pick<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T): T {
  return value === undefined ? fallback : toEnum(value, allowed, field);
}

const POLICY_KEYS: readonly (keyof Policy)[] = [
  'programs',
  'unknownRenewalCompletion',
  'keepOneSeat',
  'daysUsed',
  'renewalAnchor',
  'suspendedAtTermEnd',
  'cancelledAtTermEnd',
  'scheduledChangeDeletion',
  'destinationTerm',
  'asOf',
  'ignoredChanges',
];

const PROGRAM_KEYS: readonly (keyof ProgramPolicy)[] = [
  'cancelRule',
  'cancelWindowHours',
  'cancelFrom',
  'refund',
  'fullRefundHours',
  'afterWindow',
  'seatReduction',
  'seatWindowHours',
  'seatIncrease',
  'planTables',
];

/** One program's overrides checked field by field: unknown keys and values are errors, never silently kept. */
function mergeProgram(current: ProgramPolicy, value: unknown, path: string): ProgramPolicy {
  const patch = toRecord(value, path);
  for (const key of Object.keys(patch)) {
    if (!(PROGRAM_KEYS as readonly string[]).includes(key)) {
      throw new CspRulesError(
        'INVALID_ENUM',
        `${path}.${key}`,
        `unknown setting; expected one of ${PROGRAM_KEYS.join(', ')}`,
        key,
      );
    }
  }
  const field = <T extends string>(key: keyof ProgramPolicy, allowed: readonly T[]): T =>
    own(patch, key) === undefined ? (current[key] as T) : toEnum(own(patch, key), allowed, `${path}.${key}`);
  const perBilling = <T>(
    key: 'cancelWindowHours' | 'cancelRule',
    read: (v: unknown, f: string) => T,
  ): Record<BillingFrequency, T> => {
    const given = own(patch, key) === undefined ? {} : toRecord(own(patch, key), `${path}.${key}`);
    const out = { ...(current[key] as Record<BillingFrequency, T>) };
    for (const billing of Object.keys(given)) {
      const b = toEnum(billing, BILLING_FREQUENCIES, `${path}.${key}.${billing}`);
      out[b] = read(own(given, billing), `${path}.${key}.${b}`);
    }
    return Object.freeze(out);
  };
  const hours = (key: 'fullRefundHours' | 'seatWindowHours'): number =>
    own(patch, key) === undefined ? current[key] : checkHours(own(patch, key), `${path}.${key}`);
  const cancelWindowHours = perBilling('cancelWindowHours', checkHours);
  const fullRefundHours = hours('fullRefundHours');
  // C15: the full-refund tier lies inside the cancellation window: never longer than the longest
  // of the program's windows (a billing with a shorter window ends its tier with the window).
  const longest = Math.max(...BILLING_FREQUENCIES.map((b) => cancelWindowHours[b]));
  if (fullRefundHours > longest) {
    throw new CspRulesError(
      'INCONSISTENT',
      `${path}.fullRefundHours`,
      `${fullRefundHours} h is longer than the cancellation window (${longest} h at most, C15)`,
      fullRefundHours,
    );
  }
  return Object.freeze({
    cancelRule: perBilling('cancelRule', (v, f) => toEnum(v, RULE_IDS, f)),
    cancelWindowHours,
    cancelFrom: field('cancelFrom', ['term-start', 'purchase']),
    refund: field('refund', ['full', 'prorated', 'none']),
    fullRefundHours,
    afterWindow: field('afterWindow', ['refused', 'at-renewal']),
    seatReduction: field('seatReduction', ['batch-window', 'never']),
    seatWindowHours: hours('seatWindowHours'),
    seatIncrease: field('seatIncrease', ['any-time', 'new-subscription']),
    planTables: toBoolean(own(patch, 'planTables'), `${path}.planTables`, current.planTables),
  });
}

/** Whole hours, 0 to 100 years: a window can't run past the representable instants. */
const MAX_HOURS = 876_600;

function checkHours(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_HOURS) {
    throw new CspRulesError(
      'INVALID_QUANTITY',
      field,
      `expected whole hours from 0 to ${MAX_HOURS}, got ${describe(value)}`,
      value,
    );
  }
  return value;
}
