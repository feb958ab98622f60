/**
 * The frozen regression of the policy timeline: with `asOf` before every change (any instant before
 * 2024-07-01), the library gives exactly the answers it gave before the timeline existed — the
 * baseline version, 2023-10-19.
 *
 * test/fixtures/baseline-2023-10-19.json holds those answers: written by
 * `node scripts/baseline-answers.mjs --dist <dist> --out test/fixtures/baseline-2023-10-19.json`
 * from the build of commit f8bcbd2, the last commit before the timeline, over a fixed corpus
 * (every program, term and billing, trials, statuses, auto-renew on and off, seat batches,
 * scheduled changes, promotions, the policy's choices; instants in and at the edge of every window,
 * on the renewal day and after the term). Never regenerate it from the current code: it is the
 * old behaviour, kept as it was.
 *
 * Every field of a frozen answer must be deep-equal in today's answer; today's may have more
 * (`policyVersion`, `chosen`, `endOfTerm`, a stage's `rule` …), and `explain` may have more
 * actions (its actions are compared by name). Every `policyVersion` today's answers name must be
 * the baseline's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';
import { canCancel } from '../../src/decisions/cancel.js';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { canSetEndOfTermAction, endOfTermOutcome } from '../../src/decisions/endOfTerm.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { planSeatReduction, reducibleSeats } from '../../src/decisions/seats.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { canConvertTrial } from '../../src/decisions/trial.js';
import { checkUpdateLimit } from '../../src/decisions/updateLimit.js';
import { canUpgrade } from '../../src/decisions/upgrade.js';
import { explain } from '../../src/explain/explain.js';
import { afterTermStageAt, afterTermStages } from '../../src/lifecycle/afterTerm.js';
import type { LifecycleEvent } from '../../src/lifecycle/machine/events.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { nextTerm, renewalSchedule } from '../../src/lifecycle/renewal.js';
import { canScheduleChange } from '../../src/lifecycle/scheduledChanges.js';
import { definePolicy, type Policy, type PolicyOverrides } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

interface Call {
  readonly fn: string;
  readonly options?: Json;
  readonly event?: Json;
  readonly answer?: Json;
  readonly threw?: { readonly code: string; readonly field: string };
}
interface Fixture {
  readonly baselineVersion: string;
  readonly asOf: string;
  readonly withoutPolicy: readonly string[];
  readonly subscriptions: number;
  readonly instants: number;
  readonly calls: number;
  readonly records: readonly {
    readonly id: string;
    readonly label: string;
    readonly input: Json;
    readonly policy?: Json;
    readonly calls: readonly Call[];
    readonly at: readonly { readonly label: string; readonly now: string; readonly calls: readonly Call[] }[];
  }[];
  readonly shared: readonly Json[];
}

const raw = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'baseline-2023-10-19.json'), 'utf8'),
) as Fixture;

/** The fixture's shared values put back: "@<n>" stands for shared[n], which refers only to earlier entries. */
const sharedValues: Json[] = [];
const expand = (value: Json): Json => {
  if (typeof value === 'string' && /^@\d+$/.test(value)) return sharedValues[Number(value.slice(1))] as Json;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(expand);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
};
for (const value of raw.shared) sharedValues.push(expand(value));
const expandCall = (c: Call): Call => ({
  ...c,
  ...(c.options === undefined ? {} : { options: expand(c.options) }),
  ...(c.answer === undefined ? {} : { answer: expand(c.answer) }),
});

/** One frozen call, with where it was asked. */
interface Case {
  readonly where: string;
  readonly input: SubscriptionInput;
  readonly overrides: PolicyOverrides | null;
  readonly now: string | null;
  readonly call: Call;
}
const cases: Case[] = raw.records.flatMap((r) => {
  const base = {
    input: r.input as unknown as SubscriptionInput,
    overrides: (r.policy ?? null) as PolicyOverrides | null,
  };
  return [
    ...r.calls.map((c) => ({ ...base, where: `${r.id} (${r.label})`, now: null, call: expandCall(c) })),
    ...r.at.flatMap((a) =>
      a.calls.map((c) => ({
        ...base,
        where: `${r.id} (${r.label}) at ${a.now} (${a.label})`,
        now: a.now,
        call: expandCall(c),
      })),
    ),
  ];
});

type Fn = (input: SubscriptionInput, options: Record<string, unknown>, event?: LifecycleEvent) => unknown;
/** Today's functions, by the fixture's names, each called with an options bag (and an event for transition). */
const FUNCTIONS: Readonly<Record<string, Fn>> = {
  canCancel: (s, o) => canCancel(s, o as never),
  reducibleSeats: (s, o) => reducibleSeats(s, o as never),
  canIncreaseSeats: (s, o) => canIncreaseSeats(s, o as never),
  planSeatReduction: (s, o) => planSeatReduction(s, o as never),
  eligibleBillingFrequencyChanges: (s, o) => eligibleBillingFrequencyChanges(s, o as never),
  eligibleTermChanges: (s, o) => eligibleTermChanges(s, o as never),
  canConvertTrial: (s, o) => canConvertTrial(s, o as never),
  // Before the timeline: checkUpdateLimit(subscription); since: checkUpdateLimit(subscription, { now, policy? }).
  checkUpdateLimit: (s, o) => checkUpdateLimit(s, o as never),
  canUpgrade: (s, o) => canUpgrade(s, o as never),
  canScheduleChange: (s, o) => canScheduleChange(s, o as never),
  renewalSchedule: (s, o) => renewalSchedule(s, o as never),
  afterTermStages: (s, o) => afterTermStages(s, o as never),
  afterTermStageAt: (s, o) => afterTermStageAt(s, o as never),
  nextTerm: (s, o) => nextTerm(s, o as never),
  transition: (s, o, e) => transition(s, e as LifecycleEvent, o as never),
  explain: (s, o) => explain(s, o as never),
};

const BEFORE_EVERY_CHANGE = '2024-06-30T23:59:59.999Z';
const FIRST_CHANGE = '2024-07-01T00:00:00.000Z';

const policies = new Map<string, Policy>();
/** The policy of a case: its overrides (where the old function took a policy) and `asOf`. */
function policyOf(c: Case, asOf: string): Policy {
  const overrides = c.overrides === null || raw.withoutPolicy.includes(c.call.fn) ? {} : c.overrides;
  const key = `${asOf} ${JSON.stringify(overrides)}`;
  let policy = policies.get(key);
  if (policy === undefined) {
    policy = definePolicy({ ...overrides, asOf });
    policies.set(key, policy);
  }
  return policy;
}

type Outcome = { readonly answer: Json } | { readonly threw: { readonly code: string; readonly field: string } };
/** Today's answer to a frozen call, as JSON (instants are epoch ms), or the error it throws. */
function today(c: Case, asOf: string): Outcome {
  const fn = FUNCTIONS[c.call.fn];
  if (fn === undefined) throw new Error(`no function ${c.call.fn}`);
  const options = {
    ...(c.call.options as Record<string, unknown> | undefined),
    ...(c.now === null ? {} : { now: c.now }),
    policy: policyOf(c, asOf),
  };
  try {
    return {
      answer: JSON.parse(JSON.stringify(fn(c.input, options, c.call.event as LifecycleEvent | undefined))) as Json,
    };
  } catch (error) {
    if (!(error instanceof CspRulesError)) throw error;
    return { threw: { code: error.code, field: error.field } };
  }
}

const show = (value: Json | undefined): string => (value === undefined ? 'absent' : JSON.stringify(value));

/**
 * Where `got` (today's) does not hold every field of `frozen` (deep, arrays of the same length), as
 * "path: frozen → today" lines; `explain`'s actions are matched by name.
 */
function differences(
  frozen: Json,
  got: Json | undefined,
  path: string,
  fn: string,
  own: ReadonlySet<Json> = SNAPSHOT_ASSUMPTIONS,
): string[] {
  if (frozen === null || typeof frozen !== 'object') {
    return Object.is(frozen, got) ? [] : [`${path}: ${show(frozen)} → ${show(got)}`];
  }
  if (Array.isArray(frozen)) {
    if (!Array.isArray(got)) return [`${path}: ${show(frozen)} → ${show(got)}`];
    if (fn === 'explain' && path === '.actions') {
      return frozen.flatMap((action: Json) => {
        const name = (action as { action: string }).action;
        const match = (got as readonly Json[]).find((a) => (a as { action?: string }).action === name);
        return differences(action, match, `.actions[${name}]`, fn, own);
      });
    }
    if (frozen.length !== got.length) return [`${path}: ${show(frozen)} → ${show(got)}`];
    return frozen.flatMap((item: Json, i) => differences(item, (got as readonly Json[])[i], `${path}[${i}]`, fn, own));
  }
  if (got === null || got === undefined || typeof got !== 'object' || Array.isArray(got)) {
    return [`${path}: ${show(frozen)} → ${show(got)}`];
  }
  const current = got as { readonly [key: string]: Json };
  return Object.entries(frozen).flatMap(([key, value]) =>
    key === 'assumptions' && Array.isArray(value) && Array.isArray(current[key])
      ? assumptionDifferences(value as readonly Json[], current[key] as readonly Json[], `${path}.${key}`, own)
      : differences(value, current[key], `${path}.${key}`, fn, own),
  );
}

/**
 * The snapshot's own assumptions, which every answer lists since the timeline's issue (principle 6:
 * the lifecycle machine's refusals and `explain`'s NO_CHANGE answers lacked them before).
 */
const SNAPSHOT_ASSUMPTIONS: ReadonlySet<Json> = new Set([
  'TRIAL_END_ASSUMED',
  'AUTO_RENEW_ASSUMED',
  'TERM_END_ASSUMED',
  'RETURNABLE_ASSUMED',
]);

/** The snapshot-level assumptions of a case: the library's own and those its input states. */
function ownAssumptions(c: Case): ReadonlySet<Json> {
  const given = (c.input as { readonly assumptions?: readonly Json[] } | null)?.assumptions ?? [];
  return new Set([...SNAPSHOT_ASSUMPTIONS, ...given]);
}

/** Assumptions: every frozen one still listed, in order; new ones only the snapshot's own (`own`). */
function assumptionDifferences(
  frozen: readonly Json[],
  got: readonly Json[],
  path: string,
  own: ReadonlySet<Json>,
): string[] {
  const kept = got.filter((a) => frozen.includes(a));
  const added = got.filter((a) => !frozen.includes(a));
  return JSON.stringify(kept) === JSON.stringify(frozen) && added.every((a) => own.has(a))
    ? []
    : [`${path}: ${show(frozen as Json)} → ${show(got as Json)}`];
}

/**
 * `explain` today without the deadlines of actions it did not have in 2023 (`cancelAtTermEnd`,
 * `moveToExtendedServiceTerm`): like those actions, they are new, not a changed answer.
 */
function withoutNewActions(call: Call, answer: Json): Json {
  if (call.fn !== 'explain' || answer === null || typeof answer !== 'object' || Array.isArray(answer)) return answer;
  const frozen = call.answer as { readonly actions: readonly { readonly action: string }[] };
  const known = new Set(frozen.actions.map((a) => a.action));
  const x = answer as { readonly deadlines: readonly { readonly action: string | null }[] };
  return {
    ...answer,
    deadlines: x.deadlines.filter((d) => d.action === null || known.has(d.action)) as unknown as Json,
  };
}

/** Every `policyVersion` an answer names, with its path. */
function versions(value: Json, path = ''): { path: string; version: Json }[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v: Json, i) => versions(v, `${path}[${i}]`));
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'policyVersion' ? [{ path: `${path}.${k}`, version: v }] : versions(v, `${path}.${k}`),
  );
}

/** The mismatches of one frozen call today: differences, errors, and versions other than `version`. */
function mismatches(c: Case, asOf: string, version: string): string[] {
  const got = today(c, asOf);
  // Deliberate change 4 (B1, issue 16): a snapshot whose next term B1 forbids (a scheduled billing
  // longer than the term: s146, a P1M term billed annually next) is refused when read, where
  // it used to be answered (or to throw only at the renewal, naming `billing`).
  if ('threw' in got && got.threw.code === 'INCONSISTENT' && got.threw.field === 'scheduledChange.billing') {
    const why = c.call.threw === undefined ? 'an answer' : JSON.stringify(c.call.threw);
    return nextTermNotAPlan(c.input) ? [] : [`${why} → threw ${JSON.stringify(got.threw)}`];
  }
  if (c.call.threw !== undefined) {
    return 'threw' in got && got.threw.code === c.call.threw.code && got.threw.field === c.call.threw.field
      ? []
      : [`threw ${JSON.stringify(c.call.threw)} → ${'threw' in got ? JSON.stringify(got.threw) : 'an answer'}`];
  }
  if ('threw' in got) return [`an answer → threw ${JSON.stringify(got.threw)}`];
  const frozen = deliberateChanges(c, c.call.answer as Json, got.answer);
  return [
    ...differences(frozen, withoutNewActions(c.call, got.answer), '', c.call.fn, ownAssumptions(c)),
    ...versions(got.answer)
      .filter((v) => v.version !== version)
      .map((v) => `${v.path}: policyVersion ${show(v.version)}, expected ${version}`),
  ];
}

/** B1 worked out by hand: the next term's plan (scheduled billing, else the current one) bills longer than its term. */
function nextTermNotAPlan(input: SubscriptionInput): boolean {
  const months = { monthly: 1, annual: 12, triennial: 36 } as const;
  const termMonths = { P1M: 1, P1Y: 12, P3Y: 36 } as const;
  const sc = input.scheduledChange;
  if (sc == null || sc.billing == null) return false;
  const term = sc.term ?? (input.trial === true ? 'P1Y' : input.term);
  return months[sc.billing] > termMonths[term];
}

type Rec = { [key: string]: Json };
const isRec = (v: Json | undefined): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const COMPLETION_BOUNDS: readonly Json[] = ['RENEWAL_COMPLETION_ASSUMED_EARLIEST', 'RENEWAL_COMPLETION_ASSUMED_LATEST'];

/**
 * The frozen answer with the defects fixed after the freeze applied, each named (everything else
 * must still be equal):
 * 1. each assumption code is listed once (C12, R3: the R3 bound was listed two or three times);
 * 2. a seat decision whose batch opens later in the term names that opening, earlier than the
 *    next renewal's and after `now` (R3, Q3), without the next renewal's completion bound; `explain`
 *    says `later` for it and its deadlines move accordingly;
 * 3. a transition that gives auto-renew no longer lists AUTO_RENEW_ASSUMED on its next snapshot
 *    (principle 6: a given fact is not assumed).
 * 4. (in {@link mismatches}) a snapshot whose scheduled billing B1 forbids for the next term is
 *    refused when read (issue 16).
 */
function deliberateChanges(c: Case, frozenAnswer: Json, got: Json): Json {
  const frozen = JSON.parse(JSON.stringify(frozenAnswer)) as Json;
  const walk = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isRec(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'assumptions' && Array.isArray(x)) (v as Rec)[k] = [...new Set(x as readonly Json[])];
        else walk(x);
      }
    }
  };
  walk(frozen);
  const now = c.now === null ? null : Date.parse(c.now);
  const earlierOpening = (f: Rec, g: Rec): boolean => {
    const [fo, go] = [f['opensAt'], g['opensAt']];
    if (now === null || typeof go !== 'number' || go <= now) return false;
    if (fo !== null && (typeof fo !== 'number' || go > fo)) return false;
    f['opensAt'] = go;
    const kept = g['assumptions'] as readonly Json[];
    f['assumptions'] = (f['assumptions'] as readonly Json[]).filter(
      (a) => kept.includes(a) || !COMPLETION_BOUNDS.includes(a),
    );
    return true;
  };
  const fn = c.call.fn;
  if ((fn === 'reducibleSeats' || fn === 'planSeatReduction') && isRec(frozen) && isRec(got))
    earlierOpening(frozen, got);
  if (fn === 'explain' && isRec(frozen) && isRec(got)) {
    const find = (e: Rec): Rec | undefined =>
      (e['actions'] as Json[]).find((a) => isRec(a) && a['action'] === 'reduceSeats') as Rec | undefined;
    const [f, g] = [find(frozen), find(got)];
    if (f !== undefined && g !== undefined && earlierOpening(f, g)) {
      f['outcome'] = g['outcome'] as Json;
      const others = (e: Rec): string =>
        JSON.stringify((e['deadlines'] as Json[]).filter((d) => !(isRec(d) && d['action'] === 'reduceSeats')));
      if (others(frozen) === others(got)) (frozen as Rec)['deadlines'] = got['deadlines'] as Json;
    }
  }
  const event = c.call.event as { readonly type?: string } | undefined;
  if (fn === 'transition' && event?.type === 'setAutoRenew' && isRec(frozen) && isRec(frozen['next'])) {
    const drop = (snap: Json | undefined): void => {
      if (isRec(snap) && Array.isArray(snap['assumptions']))
        (snap as Rec)['assumptions'] = (snap['assumptions'] as readonly Json[]).filter(
          (a) => a !== 'AUTO_RENEW_ASSUMED',
        );
    };
    drop(frozen['next']);
    if (isRec(frozen['state'])) drop(frozen['state']['subscription']);
  }
  return frozen;
}

/**
 * A failure message: how many calls differ, then each distinct difference (its path with the
 * indices and instants left out, and the values) with how often it occurs and its first case.
 */
function report(fn: string, found: readonly { c: Case; lines: readonly string[] }[], total: number): string {
  const kinds = new Map<string, { count: number; first: string }>();
  for (const { c, lines } of found) {
    for (const line of lines) {
      const kind = line.replace(/\[\d+\]/g, '[i]').replace(/\b\d{12,}\b/g, '<instant>');
      const seen = kinds.get(kind);
      if (seen !== undefined) {
        seen.count++;
        continue;
      }
      const call = [
        c.call.options === undefined ? '' : ` options ${JSON.stringify(c.call.options)}`,
        c.call.event === undefined ? '' : ` event ${JSON.stringify(c.call.event)}`,
        c.overrides === null ? '' : ` policy ${JSON.stringify(c.overrides)}`,
      ].join('');
      kinds.set(kind, { count: 1, first: `${fn} for ${c.where}${call}\n      ${line}` });
    }
  }
  const shown = [...kinds.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 12)
    .map((k) => `- ${k.count}× e.g. ${k.first}`);
  return `${found.length} of ${total} frozen ${fn} answers differ today (${kinds.size} distinct differences):\n${shown.join('\n')}`;
}

const FAMILIES = Object.keys(FUNCTIONS);

describe('asOf before every change: the answers of the baseline version 2023-10-19 (frozen)', () => {
  it('the fixture is the baseline, asked before every change, and covers every function', () => {
    expect([raw.baselineVersion, raw.asOf]).toEqual(['2023-10-19', BEFORE_EVERY_CHANGE]);
    expect(new Set(cases.map((c) => c.call.fn))).toEqual(new Set(FAMILIES));
    const instants = raw.records.reduce((n, r) => n + r.at.length, 0);
    expect([raw.records.length, instants, cases.length]).toEqual([raw.subscriptions, raw.instants, raw.calls]);
  });

  for (const fn of FAMILIES) {
    it(`${fn}: with asOf ${BEFORE_EVERY_CHANGE}, every frozen answer (or error) of 2023-10-19, named policyVersion 2023-10-19`, () => {
      const mine = cases.filter((c) => c.call.fn === fn);
      const found = mine
        .map((c) => ({ c, lines: mismatches(c, BEFORE_EVERY_CHANGE, '2023-10-19') }))
        .filter((m) => m.lines.length > 0);
      expect(found.length, report(fn, found, mine.length)).toBe(0);
    });
  }
});

describe('asOf to the millisecond: the baseline until 2024-06-30T23:59:59.999Z, 2024-07-01 from 2024-07-01T00:00:00.000Z', () => {
  /**
   * Where the corpus's answers under `asOf` (and those of the functions only today's code has,
   * endOfTermOutcome and canSetEndOfTermAction) name another version than `version`: each
   * distinct function and path with how often and its first case. Also counts the versions named.
   */
  function otherVersions(asOf: string, version: string): { named: number; others: string[] } {
    let named = 0;
    const others = new Map<string, { count: number; first: string }>();
    const check = (fn: string, where: string, path: string, v: Json): void => {
      named++;
      if (v === version) return;
      const kind = `${fn} ${path.replace(/\[\d+\]/g, '[i]')}: ${show(v)}`;
      const seen = others.get(kind);
      if (seen === undefined) others.set(kind, { count: 1, first: where });
      else seen.count++;
    };
    for (const c of cases) {
      const got = today(c, asOf);
      const what = `${c.where}${c.call.event === undefined ? '' : ` event ${JSON.stringify(c.call.event)}`}`;
      if ('answer' in got) for (const v of versions(got.answer)) check(c.call.fn, what, v.path, v.version);
    }
    const policy = definePolicy({ asOf });
    for (const r of raw.records) {
      const input = r.input as unknown as SubscriptionInput;
      const now = r.at[0]?.now ?? asOf;
      try {
        check('endOfTermOutcome', r.id, '.policyVersion', endOfTermOutcome(input, { policy }).policyVersion);
        const choice = canSetEndOfTermAction(input, { action: 'cancel', now, policy });
        check('canSetEndOfTermAction', `${r.id} at ${now}`, '.policyVersion', choice.policyVersion);
      } catch (error) {
        if (!(error instanceof CspRulesError)) throw error;
      }
    }
    return {
      named,
      others: [...others.entries()].map(([kind, o]) => `${o.count}× ${kind} (e.g. ${o.first})`),
    };
  }

  it(`asOf ${BEFORE_EVERY_CHANGE}: every decision names policyVersion 2023-10-19`, () => {
    const { named, others } = otherVersions(BEFORE_EVERY_CHANGE, '2023-10-19');
    expect(others).toEqual([]);
    expect(named).toBeGreaterThan(10_000);
  });

  it(`asOf ${FIRST_CHANGE}: every decision names policyVersion 2024-07-01`, () => {
    const { named, others } = otherVersions(FIRST_CHANGE, '2024-07-01');
    expect(others).toEqual([]);
    expect(named).toBeGreaterThan(10_000);
  });
});
