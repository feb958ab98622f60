/**
 * Issue 7.6: security properties of the library.
 * - No dynamic code in src/ (no eval, new Function, with).
 * - No regular expression that backtracks badly: 100 KB strings into every string-reading entry,
 *   and every regex literal of src/ run on 100 KB adversarial strings. There is no timing
 *   assertion: a catastrophic regex would make the call (and so the test run) hang — that is the
 *   failure.
 * - Prototype keys in JSON input (`__proto__`, `constructor`, `prototype`) are data: they never
 *   reach Object.prototype and never supply a field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../support/publicApi.js';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(SRC, f), 'utf8') }));

/**
 * Under mutation testing src/ is Stryker's instrumented copy (its preamble uses
 * `new Function("return this")` and mutated regexes): the static scans are for the real source only.
 */
const UNDER_STRYKER = sources.some(({ text }) => text.includes('stryNS_9fa48'));

const KB100 = 100 * 1024;
/** Long strings shaped to make a backtracking regex work hard on the library's formats. */
const LONG: Record<string, string> = {
  digits: '1'.repeat(KB100),
  zeros: '0'.repeat(KB100),
  letters: 'a'.repeat(KB100),
  spaces: `${' '.repeat(KB100)}x`,
  tabsAndSpaces: `${' \t'.repeat(KB100 / 2)}!`,
  colons: ':'.repeat(KB100),
  dateThenDigits: `2024-01-15T09:30:00.${'1'.repeat(KB100)}`,
  dateThenJunk: `2024-01-15T09:30:00${'+'.repeat(KB100)}`,
  repeatedDates: '2024-01-15'.repeat(KB100 / 10),
  repeatedInstants: '2024-01-15T09:30:00Z'.repeat(KB100 / 20),
  brackets: `seatBatches[${'9'.repeat(KB100)}`,
  nearEnum: `nce-license${'-'.repeat(KB100)}`,
};

/** Calls `run`; returns the CspRulesError it throws, or the string 'returned'. */
function outcome(run: () => unknown): api.CspRulesError | 'returned' {
  try {
    run();
    return 'returned';
  } catch (e) {
    if (e instanceof api.CspRulesError) return e;
    throw e;
  }
}

const VALID = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
} as const;
const NOW = '2024-01-16T00:00:00Z';

describe('no dynamic code in src/', () => {
  it.skipIf(UNDER_STRYKER)('src/ has no eval(, new Function, Function(, with (, or string timers', () => {
    const banned = [
      /\beval\s*\(/,
      /\bnew\s+Function\b/,
      /(?<![.\w])Function\s*\(/,
      /\bwith\s*\(/,
      /\bset(?:Timeout|Interval)\s*\(\s*['"`]/,
    ];
    const hits = sources.flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line: line.replace(/\/\/.*$/, ''), at: `${file}:${i + 1}` }))
        .filter(({ line }) => !/^\s*\*/.test(line) && banned.some((re) => re.test(line)))
        .map(({ at }) => at),
    );
    expect(sources.length).toBeGreaterThan(10);
    expect(hits).toEqual([]);
  });
});

describe('100 KB strings into every string-reading entry', () => {
  for (const [shape, text] of Object.entries(LONG)) {
    it(`${shape}: toInstant / toUtcDay reject it with a short message`, () => {
      const a = outcome(() => api.toInstant(text, 'now'));
      const b = outcome(() => api.toUtcDay(text, 'termEndDate'));
      expect(a === 'returned' ? a : [a.code, a.field]).toEqual(['INVALID_INSTANT', 'now']);
      expect(b === 'returned' ? b : [b.code, b.field]).toEqual(['INVALID_DATE', 'termEndDate']);
      // The message quotes at most a short prefix of the input (no 100 KB log lines).
      expect(a !== 'returned' && a.message.length < 300).toBe(true);
    });

    it(`${shape}: every string field of a subscription, and the options`, () => {
      const cases: readonly [string, unknown, string][] = [
        ['program', { ...VALID, program: text }, 'program'],
        ['term', { ...VALID, term: text }, 'term'],
        ['billing', { ...VALID, billing: text }, 'billing'],
        ['status', { ...VALID, status: text }, 'status'],
        ['purchasedAt', { ...VALID, purchasedAt: text }, 'purchasedAt'],
        ['termStartedAt', { ...VALID, termStartedAt: text }, 'termStartedAt'],
        ['termStartDate', { ...VALID, termStartedAt: null, termStartDate: text }, 'termStartDate'],
        ['termEndDate', { ...VALID, termEndDate: text }, 'termEndDate'],
        ['cancellationWindowFrom', { ...VALID, cancellationWindowFrom: text }, 'cancellationWindowFrom'],
        ['nextChargeBilling', { ...VALID, nextChargeBilling: text }, 'nextChargeBilling'],
        [
          'seatBatches[0].addedAt',
          { ...VALID, seatBatches: [{ quantity: 1, addedAt: text }] },
          'seatBatches[0].addedAt',
        ],
        ['scheduledChange.term', { ...VALID, scheduledChange: { term: text } }, 'scheduledChange.term'],
        ['scheduledChange.billing', { ...VALID, scheduledChange: { billing: text } }, 'scheduledChange.billing'],
        [
          'scheduledChange.customTermEndDate',
          { ...VALID, scheduledChange: { customTermEndDate: text } },
          'scheduledChange.customTermEndDate',
        ],
      ];
      for (const [name, input, field] of cases) {
        const e = outcome(() => api.toSubscription(input as api.SubscriptionInput));
        expect(e === 'returned' ? `${name} returned` : e.field).toBe(field);
      }
      // Free-text fields are kept as given (they are never parsed).
      const free = api.toSubscription({
        ...VALID,
        id: text,
        offerName: text,
        promotionId: text,
        parentSubscriptionId: text,
      });
      expect([free.id?.length, free.offerName?.length]).toEqual([text.length, text.length]);

      const now = outcome(() => api.canCancel(VALID, { now: text }));
      expect(now === 'returned' ? now : now.field).toBe('now');
      const mode = outcome(() =>
        api.proratedRefund({
          amountPaid: 1,
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          at: NOW,
          mode: text as 'full',
        }),
      );
      expect(mode === 'returned' ? mode : mode.field).toBe('mode');
      const policy = outcome(() => api.definePolicy({ daysUsed: text as 'inclusive' }));
      expect(policy === 'returned' ? policy : policy.field).toBe('policy.daysUsed');
      const program = outcome(() => api.definePolicy({ programs: { [text]: {} } } as unknown as api.PolicyOverrides));
      expect(program === 'returned' ? program : program.code).toBe('INVALID_ENUM');
    });
  }

  it.skipIf(UNDER_STRYKER)(
    'every regular-expression literal in src/ finishes on every 100 KB adversarial string',
    () => {
      // Regex literals after = ( , : ! & | ? or return — crude, but it finds every one in src/.
      const literal =
        /(?:[=(,:!&|?]|\breturn)\s*\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])*)\/([dgimsuyv]*)/g;
      const found = sources.flatMap(({ file, text }) =>
        [...text.matchAll(literal)].map((m) => ({ file, source: m[1] as string, flags: m[2] as string })),
      );
      expect(found.length).toBeGreaterThan(0);
      // Static check: no quantified group that itself contains a quantifier, e.g. (a+)+ or (\d*)*.
      const nested = found.filter(({ source }) => /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(source));
      expect(nested.map(({ file, source }) => `${file}: /${source}/`)).toEqual([]);
      for (const { source, flags } of found) {
        const re = new RegExp(source, flags.replace('g', '').replace('y', ''));
        for (const text of Object.values(LONG)) {
          // The result doesn't matter; finishing does.
          expect(typeof re.test(text)).toBe('boolean');
        }
      }
    },
  );
});

describe('prototype keys in JSON input never reach a prototype', () => {
  afterEach(() => {
    // Every test leaves Object.prototype untouched.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  const PAYLOADS = [
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"prototype": {"polluted": true}}',
    '{"__proto__": {"__proto__": {"polluted": true}}}',
  ];
  const merge = (json: string, extra: Record<string, unknown>): unknown =>
    JSON.parse(`{${JSON.stringify(extra).slice(1, -1)}${Object.keys(extra).length > 0 ? ',' : ''}${json.slice(1)}`);

  for (const payload of PAYLOADS) {
    it(`subscription, seat batch, scheduled change with ${payload}: an unknown field named as such, never a prototype`, () => {
      const key = Object.keys(JSON.parse(payload) as object)[0] as string;
      const named = (run: () => unknown, field: string): void => {
        const e = outcome(run);
        expect(e === 'returned' ? e : [e.code, e.field]).toEqual(['UNKNOWN_FIELD', field]);
      };
      named(() => api.toSubscription(merge(payload, VALID) as api.SubscriptionInput), key);
      named(
        () =>
          api.toSubscription({
            ...VALID,
            seatBatches: [merge(payload, { quantity: 15, addedAt: VALID.purchasedAt })],
          } as api.SubscriptionInput),
        `seatBatches[0].${key}`,
      );
      named(
        () =>
          api.toSubscription({ ...VALID, scheduledChange: merge(payload, { quantity: 3 }) } as api.SubscriptionInput),
        `scheduledChange.${key}`,
      );
      named(
        () =>
          api.withChanges(
            api.toSubscription(VALID),
            merge(payload, { autoRenew: false }) as Partial<api.SubscriptionInput>,
          ),
        key,
      );
      named(() => api.canCancel(merge(payload, VALID) as api.SubscriptionInput, { now: NOW }), key);
      // Options bags read only the options they know: prototype keys there are ignored data.
      expect(api.canCancel(VALID, merge(payload, { now: NOW }) as api.CancelOptions).allowed).toBe(true);
      api.proratedRefund(
        merge(payload, {
          amountPaid: 100,
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          at: NOW,
        }) as api.RefundInput,
      );
    });

    it(`policy overrides with ${payload}`, () => {
      const key = Object.keys(JSON.parse(payload) as object)[0] as string;
      // At the top level a prototype key is either ignored data or an unknown setting named as such.
      let top: api.Policy | api.CspRulesError | 'returned' = 'returned';
      try {
        top = api.definePolicy(merge(payload, { keepOneSeat: false }) as api.PolicyOverrides);
      } catch (e) {
        if (!(e instanceof api.CspRulesError)) throw e;
        top = e;
      }
      expect(top instanceof api.CspRulesError ? top.field : (top as api.Policy).keepOneSeat).toBe(
        top instanceof api.CspRulesError ? `policy.${key}` : false,
      );
      // Under programs, a prototype key is not a program: a typed error naming it.
      const programs = JSON.parse(`{"programs": ${payload}}`) as api.PolicyOverrides;
      const e = outcome(() => api.definePolicy(programs));
      expect(e === 'returned' ? e : e.code).toBe('INVALID_ENUM');
      // Inside one program's overrides it is an unknown setting: a typed error naming it.
      const inner = outcome(() =>
        api.definePolicy({ programs: { 'nce-license': JSON.parse(payload) } } as api.PolicyOverrides),
      );
      expect(inner === 'returned' ? inner : inner.field).toBe(`policy.programs.nce-license.${key}`);
      expect(
        (api.DEFAULT_POLICY.programs['nce-license'] as unknown as Record<string, unknown>).polluted,
      ).toBeUndefined();
    });
  }

  it('a field supplied only under "__proto__" is never inherited: the key itself is refused', () => {
    const input = JSON.parse(
      '{"__proto__": {"program": "nce-license"}, "term": "P1Y", "billing": "monthly", "quantity": 1, "purchasedAt": 0}',
    );
    const e = outcome(() => api.toSubscription(input));
    expect(e === 'returned' ? e : [e.code, e.field]).toEqual(['UNKNOWN_FIELD', '__proto__']);
    const inherited = Object.create({ program: 'nce-license' }) as Record<string, unknown>;
    Object.assign(inherited, { term: 'P1Y', billing: 'monthly', quantity: 1, purchasedAt: 0 });
    const m = outcome(() => api.toSubscription(inherited as unknown as api.SubscriptionInput));
    expect(m === 'returned' ? m : [m.code, m.field]).toEqual(['MISSING_FIELD', 'program']);
  });

  it('prototype keys as enum values are rejected (no lookup in a table by a user key)', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      for (const field of ['program', 'term', 'billing', 'status'] as const) {
        const e = outcome(() => api.toSubscription({ ...VALID, [field]: key } as unknown as api.SubscriptionInput));
        expect(e === 'returned' ? `${field}=${key} returned` : [e.code, e.field]).toEqual(['INVALID_ENUM', field]);
      }
    }
  });
});
