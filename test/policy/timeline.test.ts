/**
 * src/policy/timeline.ts and the timeline half of policy.ts: MICROSOFT_TIMELINE as the catalogue's
 * versions table gives it, `versionAt`, `changeAt`, `inScope`, and `definePolicy`'s `asOf` and
 * `ignoredChanges` (read through `policyVersion` and `ruleChange`). Every instant is written out.
 */
import { describe, expect, it } from 'vitest';
import {
  BASELINE_VERSION,
  changeAt,
  inScope,
  RULE_CHANGES,
  versionAt,
  type RuleChangeKey,
} from '../../src/policy/timeline.js';
// The documented timeline as the main entry exports it (docs/policy.md "Finding a version's source").
import { MICROSOFT_TIMELINE } from '../../src/index.js';
import { DEFAULT_POLICY, definePolicy, policyVersion, ruleChange } from '../../src/policy/policy.js';
import { errorOf } from '../support/caught.js';

const ms = (iso: string): number => Date.parse(iso);
/** UTC day number of a `YYYY-MM-DD` (days since 1970-01-01), by Date.parse. */
const dayNo = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Each change's effective instant, the last instant before it, and the versions on each side. */
const EDGES = [
  {
    keys: ['saas-monthly-cancel-anytime', 'saas-trial-cancel-anytime'],
    before: '2024-06-30T23:59:59.999Z',
    after: '2024-07-01T00:00:00.000Z',
    was: '2023-10-19',
    is: '2024-07-01',
  },
  {
    keys: ['triennial-billing-locked', 'monthly-billing-uplift'],
    before: '2025-03-31T23:59:59.999Z',
    after: '2025-04-01T00:00:00.000Z',
    was: '2024-07-01',
    is: '2025-04-01',
  },
  {
    keys: ['end-of-term-choice'],
    before: '2026-02-15T23:59:59.999Z',
    after: '2026-02-16T00:00:00.000Z',
    was: '2025-04-01',
    is: '2026-02-16',
  },
  {
    keys: ['extended-service-term'],
    before: '2026-05-03T23:59:59.999Z',
    after: '2026-05-04T00:00:00.000Z',
    was: '2026-02-16',
    is: '2026-05-04',
  },
] as const;

describe('MICROSOFT_TIMELINE: the changes of the catalogue’s versions table (R6, R7, C17, P8, B1, B2, C14, C9)', () => {
  it('the baseline version is 2023-10-19 (MCS’s page date)', () => {
    expect(BASELINE_VERSION).toBe('2023-10-19');
  });

  it('RULE_CHANGES lists the six keys, oldest first', () => {
    expect(RULE_CHANGES).toEqual([
      'saas-monthly-cancel-anytime',
      'saas-trial-cancel-anytime',
      'triennial-billing-locked',
      'monthly-billing-uplift',
      'end-of-term-choice',
      'extended-service-term',
    ]);
  });

  it('C14 C9 B2 B1 R6 P8 R7 C17 P7: each change’s version, instant, rules, scope and source URL', () => {
    const rows = MICROSOFT_TIMELINE.map((c) => ({
      key: c.key,
      version: c.version,
      effective: c.effective,
      rules: c.rules,
      scope: c.scope,
      url: c.source.url,
    }));
    expect(rows).toEqual([
      {
        key: 'saas-monthly-cancel-anytime',
        version: '2024-07-01',
        effective: Date.parse('2024-07-01T00:00:00Z'),
        rules: ['C14'],
        scope: { programs: ['nce-saas'], termStartedFrom: null, termEndDayFrom: null, trials: false },
        url: 'https://github.com/Azure/Commercial-Marketplace-SaaS-Accelerator/issues/729',
      },
      {
        key: 'saas-trial-cancel-anytime',
        version: '2024-07-01',
        effective: Date.parse('2024-07-01T00:00:00Z'),
        rules: ['C9', 'C14'],
        scope: { programs: ['nce-saas'], termStartedFrom: null, termEndDayFrom: null, trials: true },
        url: 'https://learn.microsoft.com/en-us/partner-center/customers/new-commerce-cancellation-policy',
      },
      {
        key: 'triennial-billing-locked',
        version: '2025-04-01',
        effective: Date.parse('2025-04-01T00:00:00Z'),
        rules: ['B2'],
        scope: { programs: ['nce-license'], termStartedFrom: null, termEndDayFrom: null, trials: false },
        url: 'https://learn.microsoft.com/en-us/partner-center/customers/billing-frequency-changes',
      },
      {
        key: 'monthly-billing-uplift',
        version: '2025-04-01',
        effective: Date.parse('2025-04-01T00:00:00Z'),
        rules: ['B1'],
        scope: { programs: null, termStartedFrom: null, termEndDayFrom: null, trials: true },
        url: 'https://learn.microsoft.com/en-us/partner-center/announcements/2024-november',
      },
      {
        key: 'end-of-term-choice',
        version: '2026-02-16',
        effective: Date.parse('2026-02-16T00:00:00Z'),
        rules: ['R6', 'P8', 'C17'],
        scope: { programs: ['nce-license'], termStartedFrom: null, termEndDayFrom: null, trials: false },
        url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
      },
      {
        key: 'extended-service-term',
        version: '2026-05-04',
        effective: Date.parse('2026-05-04T00:00:00Z'),
        rules: ['R7', 'P7'],
        scope: {
          programs: ['nce-license'],
          termStartedFrom: Date.parse('2025-04-01T00:00:00Z'),
          // 2026-05-04 is UTC day 20577 (Date.UTC(2026, 4, 4) / 86 400 000).
          termEndDayFrom: 20577,
          trials: false,
        },
        url: 'https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms',
      },
    ]);
  });

  it('every change takes effect at 00:00Z of its version’s day, and the list is oldest first', () => {
    for (const c of MICROSOFT_TIMELINE) expect(new Date(c.effective).toISOString()).toBe(`${c.version}T00:00:00.000Z`);
    const versions = MICROSOFT_TIMELINE.map((c) => c.version);
    expect(versions).toEqual([...versions].sort());
  });

  it('every change names a title, a https source and the day it was read', () => {
    for (const c of MICROSOFT_TIMELINE) {
      expect(c.source.title.length).toBeGreaterThan(0);
      expect(c.source.url).toMatch(/^https:\/\//);
      expect(c.source.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.summary.length).toBeGreaterThan(0);
    }
  });

  it('the timeline is frozen, to the scope and the source', () => {
    expect(Object.isFrozen(MICROSOFT_TIMELINE)).toBe(true);
    const est = MICROSOFT_TIMELINE[5];
    expect(Object.isFrozen(est)).toBe(true);
    expect(Object.isFrozen(est?.scope)).toBe(true);
    expect(Object.isFrozen(est?.scope.programs)).toBe(true);
    expect(Object.isFrozen(est?.source)).toBe(true);
    expect(Object.isFrozen(est?.rules)).toBe(true);
  });
});

describe('versionAt: the latest change in force, to the millisecond (C14, C9, B1, B2, R6, P8, R7, C17)', () => {
  it.each(EDGES)('$keys: $before → $was; $after → $is', ({ before, after, was, is }) => {
    expect(versionAt(MICROSOFT_TIMELINE, ms(before), [])).toBe(was);
    expect(versionAt(MICROSOFT_TIMELINE, ms(after), [])).toBe(is);
  });

  it('before every change: the baseline; far later: the last version', () => {
    expect(versionAt(MICROSOFT_TIMELINE, ms('2000-01-01T00:00:00Z'), [])).toBe('2023-10-19');
    expect(versionAt(MICROSOFT_TIMELINE, ms('2099-12-31T23:59:59.999Z'), [])).toBe('2026-05-04');
  });

  it('an ignored change does not count: the version falls back to the latest one kept', () => {
    const at = ms('2026-06-01T00:00:00Z');
    expect(versionAt(MICROSOFT_TIMELINE, at, ['extended-service-term'])).toBe('2026-02-16');
    expect(versionAt(MICROSOFT_TIMELINE, at, ['extended-service-term', 'end-of-term-choice'])).toBe('2025-04-01');
    // 2025-04-01 has two changes: one kept is enough for the version.
    const april = ms('2025-05-01T00:00:00Z');
    expect(versionAt(MICROSOFT_TIMELINE, april, ['triennial-billing-locked'])).toBe('2025-04-01');
    expect(versionAt(MICROSOFT_TIMELINE, april, ['triennial-billing-locked', 'monthly-billing-uplift'])).toBe(
      '2024-07-01',
    );
    expect(versionAt(MICROSOFT_TIMELINE, at, [...RULE_CHANGES])).toBe('2023-10-19');
  });

  it('an empty timeline is the baseline at any instant', () => {
    expect(versionAt([], ms('2030-01-01T00:00:00Z'), [])).toBe('2023-10-19');
  });
});

describe('changeAt: a change in force at an instant, to the millisecond', () => {
  it.each(EDGES.flatMap((e) => e.keys.map((key) => ({ key, before: e.before, after: e.after }))))(
    '$key: null at $before, the change at $after',
    ({ key, before, after }) => {
      expect(changeAt(MICROSOFT_TIMELINE, key, ms(before), [])).toBeNull();
      expect(changeAt(MICROSOFT_TIMELINE, key, ms(after), [])?.key).toBe(key);
    },
  );

  it('an ignored change is never in force; the others still are', () => {
    const at = ms('2027-01-01T00:00:00Z');
    expect(changeAt(MICROSOFT_TIMELINE, 'extended-service-term', at, ['extended-service-term'])).toBeNull();
    expect(changeAt(MICROSOFT_TIMELINE, 'end-of-term-choice', at, ['extended-service-term'])?.version).toBe(
      '2026-02-16',
    );
  });
});

describe('inScope: which subscriptions a change covers (R7 scope boundaries)', () => {
  const est = MICROSOFT_TIMELINE.find((c) => c.key === 'extended-service-term')?.scope;
  if (est === undefined) throw new Error('the timeline has no extended-service-term change');
  const facts = {
    program: 'nce-license' as const,
    trial: false,
    termStart: ms('2025-04-01T00:00:00Z'),
    termEndDay: dayNo('2026-05-04'),
  };

  it('R7: term started 2025-04-01T00:00:00Z and ending 2026-05-04 is covered', () => {
    expect(inScope(est, facts)).toBe(true);
  });
  it('R7: a term started 2025-03-31T23:59:59.999Z is not', () => {
    expect(inScope(est, { ...facts, termStart: ms('2025-03-31T23:59:59.999Z') })).toBe(false);
  });
  it('R7: a term ending 2026-05-03 is not; 2026-05-04 and later are', () => {
    expect(inScope(est, { ...facts, termEndDay: dayNo('2026-05-03') })).toBe(false);
    expect(inScope(est, { ...facts, termEndDay: dayNo('2026-05-05') })).toBe(true);
  });
  it('R7: a trial is not; nce-software, nce-saas and the others are not', () => {
    expect(inScope(est, { ...facts, trial: true })).toBe(false);
    for (const program of [
      'nce-software',
      'nce-perpetual',
      'nce-saas',
      'traditional-saas',
      'bss-software',
      'softwareone',
    ] as const)
      expect(inScope(est, { ...facts, program })).toBe(false);
  });
  it('B1: the uplift covers every program, trials included, whenever the term started or ends', () => {
    const uplift = MICROSOFT_TIMELINE.find((c) => c.key === 'monthly-billing-uplift')?.scope;
    if (uplift === undefined) throw new Error('no monthly-billing-uplift');
    expect(
      inScope(uplift, { program: 'nce-saas', trial: true, termStart: ms('2000-01-01T00:00:00Z'), termEndDay: 0 }),
    ).toBe(true);
  });
  it('C14 C9: the SaaS trial change covers SaaS trials and SaaS paid terms alike; the monthly one not trials', () => {
    const trialScope = MICROSOFT_TIMELINE.find((c) => c.key === 'saas-trial-cancel-anytime')?.scope;
    const monthlyScope = MICROSOFT_TIMELINE.find((c) => c.key === 'saas-monthly-cancel-anytime')?.scope;
    if (trialScope === undefined || monthlyScope === undefined) throw new Error('no SaaS changes');
    const saas = { ...facts, program: 'nce-saas' as const };
    expect(inScope(trialScope, { ...saas, trial: true })).toBe(true);
    expect(inScope(monthlyScope, { ...saas, trial: true })).toBe(false);
    expect(inScope(monthlyScope, saas)).toBe(true);
    expect(inScope(monthlyScope, facts)).toBe(false);
  });
});

describe('definePolicy asOf and ignoredChanges; policyVersion and ruleChange', () => {
  it('the default policy: the timeline, no asOf, nothing ignored', () => {
    // The policy reads the same changes as the documented timeline: key, version, instant, rules, scope.
    const bare = (c: {
      key: string;
      version: string;
      effective: number;
      rules: readonly string[];
      scope: unknown;
    }) => ({
      key: c.key,
      version: c.version,
      effective: c.effective,
      rules: c.rules,
      scope: c.scope,
    });
    expect(DEFAULT_POLICY.timeline.map(bare)).toEqual(MICROSOFT_TIMELINE.map(bare));
    expect(DEFAULT_POLICY.asOf).toBeNull();
    expect(DEFAULT_POLICY.ignoredChanges).toEqual([]);
  });

  it.each(EDGES)('policyVersion follows the instant without asOf: $before → $was, $after → $is', (e) => {
    expect(policyVersion(DEFAULT_POLICY, ms(e.before))).toBe(e.was);
    expect(policyVersion(DEFAULT_POLICY, ms(e.after))).toBe(e.is);
  });

  it.each(EDGES)('asOf pins every instant: asOf $before → $was, asOf $after → $is, whatever the instant', (e) => {
    const before = definePolicy({ asOf: e.before });
    const after = definePolicy({ asOf: e.after });
    for (const instant of ['2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z']) {
      expect(policyVersion(before, ms(instant))).toBe(e.was);
      expect(policyVersion(after, ms(instant))).toBe(e.is);
    }
  });

  it('asOf is read as an instant: ISO with Z, a date (00:00Z), a Date, epoch ms', () => {
    expect(definePolicy({ asOf: '2025-01-01T00:00:00Z' }).asOf).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(definePolicy({ asOf: '2025-01-01' }).asOf).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(definePolicy({ asOf: new Date('2026-05-04T00:00:00Z') }).asOf).toBe(Date.parse('2026-05-04T00:00:00Z'));
    expect(definePolicy({ asOf: 1_777_852_800_000 }).asOf).toBe(Date.parse('2026-05-04T00:00:00Z'));
  });

  it('asOf: null unpins a base’s asOf; absent keeps it', () => {
    const pinned = definePolicy({ asOf: '2025-01-01T00:00:00Z' });
    expect(definePolicy({}, pinned).asOf).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(definePolicy({ asOf: null }, pinned).asOf).toBeNull();
  });

  it('asOf: a local date-time is AMBIGUOUS_INSTANT at policy.asOf', () => {
    expect(errorOf(() => definePolicy({ asOf: '2025-01-01T00:00:00' }))).toEqual({
      code: 'AMBIGUOUS_INSTANT',
      field: 'policy.asOf',
      message: 'policy.asOf: "2025-01-01T00:00:00" has no Z or offset; a local date-time is ambiguous (T1)',
    });
  });

  it('ignoredChanges: each key once, in the order given; absent keeps the base’s', () => {
    const p = definePolicy({
      ignoredChanges: ['extended-service-term', 'end-of-term-choice', 'extended-service-term'],
    });
    expect(p.ignoredChanges).toEqual(['extended-service-term', 'end-of-term-choice']);
    expect(Object.isFrozen(p.ignoredChanges)).toBe(true);
    expect(definePolicy({}, p).ignoredChanges).toEqual(['extended-service-term', 'end-of-term-choice']);
    expect(definePolicy({ ignoredChanges: [] }, p).ignoredChanges).toEqual([]);
  });

  it('ignoredChanges: not an array → INVALID_TYPE; an unknown key → INVALID_ENUM at its index', () => {
    expect(errorOf(() => definePolicy({ ignoredChanges: 'end-of-term-choice' as never }))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.ignoredChanges',
      message: 'policy.ignoredChanges: expected an array of change keys, got "end-of-term-choice"',
    });
    expect(
      errorOf(() => definePolicy({ ignoredChanges: ['end-of-term-choice', 'nope' as RuleChangeKey] })),
    ).toMatchObject({ code: 'INVALID_ENUM', field: 'policy.ignoredChanges[1]' });
  });

  it('ruleChange: the change in force at the instant, or at asOf when pinned; never an ignored one', () => {
    expect(ruleChange(DEFAULT_POLICY, 'end-of-term-choice', ms('2026-02-15T23:59:59.999Z'))).toBeNull();
    expect(ruleChange(DEFAULT_POLICY, 'end-of-term-choice', ms('2026-02-16T00:00:00Z'))?.version).toBe('2026-02-16');
    const pinned = definePolicy({ asOf: '2026-02-16T00:00:00Z' });
    expect(ruleChange(pinned, 'end-of-term-choice', ms('2020-01-01T00:00:00Z'))?.key).toBe('end-of-term-choice');
    expect(ruleChange(pinned, 'extended-service-term', ms('2030-01-01T00:00:00Z'))).toBeNull();
    const ignoring = definePolicy({ ignoredChanges: ['end-of-term-choice'] });
    expect(ruleChange(ignoring, 'end-of-term-choice', ms('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('a policy built on a pinned one keeps the pin and adds ignored changes', () => {
    const p = definePolicy(
      { ignoredChanges: ['extended-service-term'] },
      definePolicy({ asOf: '2026-06-01T00:00:00Z' }),
    );
    expect(policyVersion(p, ms('2020-01-01T00:00:00Z'))).toBe('2026-02-16');
  });
});
