/**
 * Boundary tests added after mutation testing (issue 7.5, docs/quality.md): each block names the
 * surviving mutants it kills. Expected values are worked out by hand or by an independent
 * oracle written here (Date#setUTCFullYear for the calendar), never by the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCancel } from '../src/decisions/cancel.js';
import { CspRulesError } from '../src/core/errors.js';
import { definePolicy } from '../src/policy/policy.js';
import { toInstant, toUtcDay } from '../src/time/instant.js';

type Expected = number | 'AMBIGUOUS_INSTANT' | 'INVALID_INSTANT';

/**
 * Oracle for T1: the spellings the library accepts — `YYYY-MM-DD`, then optionally `T` or a
 * space, `HH:MM`, optional `:SS`, optional `.`/`,` fraction of 1–9 digits (milliseconds kept,
 * the rest truncated), and `Z` or `±HH`, `±HHMM`, `±HH:MM`. A date-time without a zone is
 * ambiguous; the calendar is checked first, the zone next, then the time and the offset.
 */
const SPELLING =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function oracle(text: string): Expected {
  const m = SPELLING.exec(text);
  if (m === null) return 'INVALID_INSTANT';
  const [, y, mo, d, h, mi, s, frac, zone] = m as unknown as (string | undefined)[];
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    return 'INVALID_INSTANT';
  }
  const midnight = date.getTime();
  if (h === undefined) return midnight;
  if (zone === undefined) return 'AMBIGUOUS_INSTANT';
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return 'INVALID_INSTANT';
  let offset = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 23 || om > 59) return 'INVALID_INSTANT';
    offset = (zone.startsWith('-') ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
  }
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  return midnight + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s ?? 0) * 1000 + ms - offset;
}

function actual(text: string): Expected {
  try {
    return toInstant(text, 'now');
  } catch (e) {
    if (e instanceof CspRulesError && (e.code === 'AMBIGUOUS_INSTANT' || e.code === 'INVALID_INSTANT')) return e.code;
    throw e;
  }
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** ISO strings in every accepted spelling, biased to the canonical JSON one and to edge values. */
const spellingArb = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1970, max: 2100 }), fc.constantFrom(0, 1, 1900, 2000, 9999)),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 13, 19, 99)),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32, 99)),
    hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(24, 29, 99)),
    minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(60, 99)),
    second: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(60, 99)),
    frac: fc.oneof(
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,10}$/) },
    ),
    fracSep: fc.constantFrom('.', '.', ','),
    sep: fc.constantFrom('T', 'T', 'T', ' ', 't'),
    shape: fc.constantFrom('date', 'minutes', 'seconds', 'seconds', 'seconds'),
    zone: fc.oneof(
      { weight: 3, arbitrary: fc.constant('Z') },
      { weight: 1, arbitrary: fc.constantFrom('', 'z') },
      {
        weight: 3,
        arbitrary: fc
          .record({
            sign: fc.constantFrom('+', '-'),
            h: fc.oneof(fc.integer({ min: 0, max: 14 }), fc.constantFrom(23, 24, 99)),
            m: fc.oneof(fc.constantFrom(0, 30, 45), fc.constantFrom(59, 60, 99)),
            form: fc.constantFrom('hh:mm', 'hh:mm', 'hhmm', 'hh'),
          })
          .map(({ sign, h, m, form }) =>
            form === 'hh' ? `${sign}${pad(h, 2)}` : `${sign}${pad(h, 2)}${form === 'hhmm' ? '' : ':'}${pad(m, 2)}`,
          ),
      },
    ),
  })
  .map((p) => {
    const date = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    if (p.shape === 'date') return date;
    const time = `${pad(p.hour, 2)}:${pad(p.minute, 2)}${p.shape === 'seconds' ? `:${pad(p.second, 2)}${p.frac === '' ? '' : p.fracSep + p.frac}` : ''}`;
    return `${date}${p.sep}${time}${p.zone}`;
  });

/** One character replaced, removed or inserted: near-canonical junk the fast path must not misread. */
const corruptedArb = fc
  .tuple(
    spellingArb,
    fc.nat(),
    fc.constantFrom('replace', 'remove', 'insert'),
    fc.constantFrom('0', '9', 'a', 'Z', 'T', ':', '-', '+', '.', ' ', '/', '\u0660'),
  )
  .map(([text, i, op, c]) => {
    const at = i % (text.length + 1);
    if (op === 'remove') return text.slice(0, at) + text.slice(at + 1);
    if (op === 'insert') return text.slice(0, at) + c + text.slice(at);
    return text.slice(0, at) + c + text.slice(at + 1);
  });

/** The canonical JSON spellings (the fast path): YYYY-MM-DD, …THH:MM:SS[.fff](Z|±HH:MM). */
const canonicalArb = fc
  .tuple(
    fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
    fc.constantFrom('date', 'Z', 'Z.fff', 'offset', 'offset.fff'),
    fc.constantFrom('+', '-'),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([ms, form, sign, oh, om]) => {
    const iso = new Date(ms).toISOString(); // 2024-01-15T09:30:12.345Z
    if (form === 'date') return iso.slice(0, 10);
    const base = form.endsWith('.fff') ? iso.slice(0, 23) : iso.slice(0, 19);
    return form.startsWith('Z') ? `${base}Z` : `${base}${sign}${pad(oh, 2)}:${pad(om, 2)}`;
  });

/** A canonical spelling with one character replaced: every position of the fast path's checks. */
const canonicalCorruptedArb = fc
  .tuple(canonicalArb, fc.nat(), fc.constantFrom('0', '5', '9', 'a', 'Z', 'T', ':', '-', '+', '.', ' ', '/', '@'))
  .map(([text, i, c]) => {
    const at = i % text.length;
    return text.slice(0, at) + c + text.slice(at + 1);
  });

describe('T1 toInstant agrees with an independent reading of every accepted spelling', () => {
  it('T1 property: canonical spellings with one character replaced → the oracle answer', () => {
    fc.assert(
      fc.property(canonicalCorruptedArb, (text) => {
        expect(actual(text)).toBe(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Kills the parseCanonical / digit() / offsetMs mutants that return a wrong number instead of
  // falling back to the regex path (length checks, separator checks, digit range checks).
  it('T1 property: any spelling → the oracle instant, AMBIGUOUS_INSTANT or INVALID_INSTANT', () => {
    fc.assert(
      fc.property(spellingArb, (text) => {
        expect(actual(text)).toBe(oracle(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('T1 property: one character replaced, removed or inserted → still the oracle answer', () => {
    fc.assert(
      fc.property(corruptedArb, (text) => {
        expect(actual(text)).toBe(oracle(text));
      }),
      { numRuns: 1500 },
    );
  });

  // Regex-path spellings (not the canonical JSON one), each worked out by hand.
  it.each([
    ['2024-01-15T09:30Z', Date.UTC(2024, 0, 15, 9, 30)], // no seconds: Z must be read as +00:00
    ['2024-01-15 09:30:00Z', Date.UTC(2024, 0, 15, 9, 30)],
    ['2024-01-15T09:30:00,5Z', Date.UTC(2024, 0, 15, 9, 30, 0, 500)],
    ['2024-01-15T09:30:00.123456789Z', Date.UTC(2024, 0, 15, 9, 30, 0, 123)],
    ['2024-01-15T09:30:00+23', Date.UTC(2024, 0, 14, 10, 30)], // +23:00 is the largest hour offset
    ['2024-01-15T09:30:00+0559', Date.UTC(2024, 0, 15, 3, 31)], // 09:30 − 5 h 59 min
    ['2024-01-15T09:30:00-2359', Date.UTC(2024, 0, 16, 9, 29)], // 09:30 + 23 h 59 min
    ['2024-01-15T23:59:59.999+00:00', Date.UTC(2024, 0, 15, 23, 59, 59, 999)],
    ['0000-01-01', Date.UTC(2000, 0, 1) - 730_485 * 86_400_000], // year 0 (proleptic): 730 485 days before 2000-01-01
  ] as const)('T1 %s', (text, expected) => {
    expect(toInstant(text, 'now')).toBe(expected);
  });

  it.each([
    ['2024-01-15T09:30:00+24:00', 'INVALID_INSTANT'],
    ['2024-01-15T09:30:00+0560', 'INVALID_INSTANT'],
    ['2024-01-15T09:30:00z', 'INVALID_INSTANT'],
    ['2024-01-15t09:30:00Z', 'INVALID_INSTANT'],
    ['2024-01-15T09:30:0aZ', 'INVALID_INSTANT'],
    ['2024-01-15T09:30', 'AMBIGUOUS_INSTANT'],
    ['2024-02-30T09:30:00', 'INVALID_INSTANT'], // the calendar is checked before the zone
  ] as const)('T1 %s → %s', (text, code) => {
    expect(actual(text)).toBe(code);
  });
});

describe('T1 error messages say what was expected', () => {
  // Kills the StringLiteral mutants of the messages (a message emptied or replaced).
  const message = (run: () => unknown): string => {
    try {
      run();
    } catch (e) {
      if (e instanceof CspRulesError) return e.message;
    }
    return '<no CspRulesError>';
  };
  it.each([
    [() => toInstant(1.5, 'now'), /^now: expected integer epoch milliseconds, got 1\.5$/],
    [() => toInstant(new Date(Number.NaN), 'now'), /^now: expected a valid Date, got an Invalid Date$/],
    [
      () => toInstant(true, 'now'),
      /^now: expected an ISO-8601 string with Z or an offset, a Date or epoch milliseconds, got true$/,
    ],
    [() => toUtcDay('x', 'termEndDate'), /^termEndDate: expected a UTC date YYYY-MM-DD, got "x"$/],
    [() => toInstant('2024-01-15T09:30:00 Z', 'now'), /^now: expected an ISO-8601 date-time with Z or an offset, got /],
    [() => toInstant('2024-02-30 09:30Z', 'now'), /is not a calendar date$/],
    [() => toInstant('2024-01-15 24:00Z', 'now'), /is not a valid time of day$/],
    [() => toInstant('2024-01-15 09:30+2400', 'now'), /has an invalid offset$/],
  ] as const)('message %#', (run, pattern) => {
    expect(message(run)).toMatch(pattern);
  });
});

describe('C1–C16 cancellation boundaries the suite did not pin', () => {
  const base = { term: 'P1Y', billing: 'monthly', quantity: 1, purchasedAt: '2024-01-15T09:30:00Z' } as const;

  // P7: expired, disabled and pending are refused with rule P7 and reason NOT_ACTIVE.
  it.each(['expired', 'disabled', 'pending'] as const)('P7 %s → NOT_ACTIVE', (status) => {
    expect(canCancel({ ...base, program: 'nce-license', status }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'P7',
      reason: 'NOT_ACTIVE',
      opensAt: null,
      refund: 'none',
      effective: null,
    });
  });

  // C14: a window measured from the purchase stays there in a later term. nce-saas, 72 h from
  // 2024-01-15T09:30Z → closed on 2024-01-18T09:30Z; one hour after a renewal on 2025-01-15 it
  // is still closed (a term-start window would be open until 2025-01-18T00:05Z).
  it('C14 a purchase-based window does not reopen at a renewal', () => {
    const renewed = { ...base, program: 'nce-saas', termStartedAt: '2025-01-15T00:05:00Z' } as const;
    expect(canCancel(renewed, { now: '2025-01-15T01:05:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C14',
      reason: 'WINDOW_CLOSED',
      opensAt: null,
    });
    expect(canCancel(renewed, { now: '2024-01-18T09:29:59.999Z' })).toMatchObject({
      allowed: true,
      until: Date.UTC(2024, 0, 18, 9, 30),
    });
  });

  // C15: the full-refund tier belongs to prorated windows only. With nce-saas (refund full) and a
  // 24 h tier set by policy, the refund is full and fullRefundUntil stays null.
  it('C15 a full-refund window has no tier even when the policy sets tier hours', () => {
    const policy = definePolicy({ programs: { 'nce-saas': { fullRefundHours: 24 } } });
    expect(canCancel({ ...base, program: 'nce-saas' }, { now: '2024-01-15T10:00:00Z', policy })).toMatchObject({
      allowed: true,
      refund: 'full',
      fullRefundUntil: null,
    });
  });
});
