/**
 * T1 toInstant and toIso, T2 toUtcDay. The boundary tests added after mutation testing read every
 * accepted spelling with an independent oracle written here (Date#setUTCFullYear for the calendar),
 * never with the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CspRulesError, type ErrorCode } from '../../src/core/errors.js';
import { toInstant, toIso, toUtcDay } from '../../src/time/instant.js';
import { instantArb, isoWithOffsetArb } from '../support/arbitraries.js';
import { dayNumber } from '../support/time.js';
import { caught } from '../support/caught.js';

function expectError(fn: () => unknown, code: ErrorCode, field: string): void {
  const error = caught(fn);
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
}

// 2024-01-15T09:30:00.000Z, written out by hand.
const JAN15_0930 = 1_705_311_000_000;

type Expected = number | 'AMBIGUOUS_INSTANT' | 'INVALID_INSTANT' | 'INSTANT_OUT_OF_RANGE';

/** T1: 2000-01-01T00:00:00.000Z, the first instant (no CSP subscription is older), by Date.UTC. */
const FIRST_INSTANT = Date.UTC(2000, 0, 1);
/** T1: 9999-12-31T23:59:59.999Z, the last instant a YYYY-MM-DD date can spell, by Date.UTC. */
const LAST_INSTANT = Date.UTC(10000, 0, 1) - 1;

/** T1: an instant read, or INSTANT_OUT_OF_RANGE before 2000 or after 9999 (checked once the text is read). */
const inRange = (ms: number): Expected => (ms < FIRST_INSTANT || ms > LAST_INSTANT ? 'INSTANT_OUT_OF_RANGE' : ms);

/**
 * Oracle for T1: the spellings the library accepts — `YYYY-MM-DD`, then optionally `T` or a
 * space, `HH:MM`, optional `:SS`, optional `.`/`,` fraction of 1–9 digits (milliseconds kept,
 * the rest truncated), and `Z` or `±HH`, `±HHMM`, `±HH:MM`. A date-time without a zone is
 * ambiguous; the calendar is checked first, the zone next, then the time and the offset; last,
 * the instant must lie from 2000-01-01 to the end of 9999.
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
  if (h === undefined) return inRange(midnight);
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
  return inRange(midnight + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s ?? 0) * 1000 + ms - offset);
}

function actual(text: string): Expected {
  try {
    return toInstant(text, 'now');
  } catch (e) {
    if (
      e instanceof CspRulesError &&
      (e.code === 'AMBIGUOUS_INSTANT' || e.code === 'INVALID_INSTANT' || e.code === 'INSTANT_OUT_OF_RANGE')
    )
      return e.code;
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

describe('T1 toInstant: accepted forms', () => {
  it.each([
    ['2024-01-15T09:30:00Z', JAN15_0930],
    ['2024-01-15T09:30:00.000Z', JAN15_0930],
    ['2024-01-15T09:30Z', JAN15_0930],
    ['2024-01-15T11:30:00+02:00', JAN15_0930],
    ['2024-01-15T11:30:00+0200', JAN15_0930],
    ['2024-01-15T11:30:00+02', JAN15_0930],
    ['2024-01-15T09:30:00+00:00', JAN15_0930],
    ['2024-01-15T09:30:00-00:00', JAN15_0930],
    ['2024-01-15T23:30:00+14:00', JAN15_0930],
    ['2024-01-14T21:30:00-12:00', JAN15_0930],
    ['2024-01-15T15:15:00+05:45', JAN15_0930],
    ['2024-01-15T23:15:00+13:45', JAN15_0930],
    ['2024-01-15T00:00:00-09:30', JAN15_0930],
    ['2024-01-15T06:00:00-03:30', JAN15_0930],
    ['2024-01-15T09:30:00.123Z', JAN15_0930 + 123],
    ['2024-01-15T09:30:00.1Z', JAN15_0930 + 100],
    ['2024-01-15T09:30:00,5Z', JAN15_0930 + 500],
    ['2024-01-15T09:30:00.123999999Z', JAN15_0930 + 123], // beyond ms: truncated, not rounded
    ['2024-01-15T09:30:00.999Z', JAN15_0930 + 999],
    ['2000-01-01T00:00:00Z', 946_684_800_000], // T1: the first instant
    ['2000-01-01T14:00:00+14:00', 946_684_800_000],
    ['1999-12-31T12:00:00-12:00', 946_684_800_000],
    ['9999-12-31T23:59:59.999Z', 253_402_300_799_999], // the last one
  ])('T1 %s → %i', (text, expected) => {
    expect(toInstant(text, 'now')).toBe(expected);
  });

  it('T1/T2 a plain date YYYY-MM-DD is 00:00Z of that UTC day', () => {
    expect(toInstant('2024-01-15', 'now')).toBe(1_705_276_800_000);
    expect(toInstant('2024-02-29', 'now')).toBe(1_709_164_800_000);
    expect(toInstant('2000-01-01', 'now')).toBe(946_684_800_000);
    expectError(() => toInstant('1999-12-31', 'now'), 'INSTANT_OUT_OF_RANGE', 'now');
  });

  it('T1 a Date is read as its epoch ms, whatever the zone it was built in', () => {
    expect(toInstant(new Date(JAN15_0930), 'now')).toBe(JAN15_0930);
    expect(toInstant(new Date('2024-01-15T11:30:00+02:00'), 'now')).toBe(JAN15_0930);
  });

  it('T1 integer epoch milliseconds are taken as they are, from 2000-01-01 to the end of 9999', () => {
    expect(toInstant(JAN15_0930, 'now')).toBe(JAN15_0930);
    // 2000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z are the first and last instants.
    expect(toInstant(946_684_800_000, 'now')).toBe(946_684_800_000);
    expect(toInstant(253_402_300_799_999, 'now')).toBe(253_402_300_799_999);
  });
});

describe('T1 instants before 2000-01-01 or after 9999 are INSTANT_OUT_OF_RANGE', () => {
  it.each([
    [946_684_799_999, '1 ms before 2000-01-01'],
    [253_402_300_800_000, '1 ms after 9999-12-31'],
    [0, '1970-01-01, epoch 0'],
    [1, 'epoch 1'],
    [-1, 'epoch −1'],
    [-62_167_219_200_000, '0000-01-01'],
    [8.64e15, 'the last Date'],
    [8.64e15 + 1, 'beyond the Date range'],
    [-8.64e15 - 1, 'before the Date range'],
    ['1999-12-31T23:59:59.999Z', 'the last ms of 1999'],
    ['2000-01-01T00:00:00+00:01', '1999-12-31T23:59Z spelled with an offset'],
    ['1970-01-01T00:00:00Z', 'epoch 0 as text'],
    ['1969-12-31T23:59:59.999Z', 'epoch −1 as text'],
    ['0000-01-01T00:00:00+01:00', 'year 0'],
    ['1970-01-01', 'a plain date of 1970'],
    [new Date(0), 'a Date of 1970'],
  ] as [unknown, string][])('T1 %s is INSTANT_OUT_OF_RANGE (%s), naming the field', (value) => {
    expectError(() => toInstant(value, 'now'), 'INSTANT_OUT_OF_RANGE', 'now');
    expectError(() => toInstant(value, 'options.now'), 'INSTANT_OUT_OF_RANGE', 'options.now');
  });
});

describe('T1 toInstant: rejections carry a code and the field', () => {
  it('T1 a date-time without offset is AMBIGUOUS_INSTANT (never read as host-local time)', () => {
    expectError(() => toInstant('2024-01-15T09:30:00', 'now'), 'AMBIGUOUS_INSTANT', 'now');
    expectError(() => toInstant('2024-01-15T09:30', 'purchasedAt'), 'AMBIGUOUS_INSTANT', 'purchasedAt');
    expectError(
      () => toInstant('2024-01-15T09:30:00.123', 'seatBatches[1].addedAt'),
      'AMBIGUOUS_INSTANT',
      'seatBatches[1].addedAt',
    );
    expectError(() => toInstant('2024-01-15 09:30:00', 'now'), 'AMBIGUOUS_INSTANT', 'now');
  });

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['2100-02-29', '2100 is not a leap year'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2023-02-29T00:00:00Z', 'impossible date with a time'],
    ['2024-01-15T24:00:00Z', '24:00'],
    ['2024-01-15T23:60:00Z', 'minute 60'],
    ['2024-01-15T23:59:60Z', 'leap second'],
    ['2024-01-15T09:30:00+24:00', 'offset 24 h'],
    ['2024-01-15T09:30:00+05:60', 'offset minute 60'],
    ['2024-01-15T09:30:00+5:00', 'one-digit offset'],
    ['2024-01-15t09:30:00Z', 'lowercase t'],
    ['2024-01-15T09:30:00z', 'lowercase z'],
    ['2024-01-15T09:30:00UTC', 'zone name'],
    ['2024-01-15T09:30:00 Z', 'space before Z'],
    [' 2024-01-15T09:30:00Z', 'leading space'],
    ['2024-01-15T09:30:00Z\n', 'trailing newline'],
    ['2024-1-15', 'one-digit month'],
    ['20240115T093000Z', 'basic format'],
    ['+002024-01-15T09:30:00Z', 'expanded year'],
    ['2024-01-15T09Z', 'hour only'],
    ['2024-01-15T09:30:00.Z', 'empty fraction'],
    ['2024-01-15T09:30:00.1234567890Z', '10 fraction digits'],
    ['Mon, 15 Jan 2024 09:30:00 GMT', 'RFC 2822'],
    ['1705311000000', 'epoch ms as a string'],
    ['', 'empty'],
    ['２０２４-01-15', 'non-ASCII digits'],
  ])('T1 %j is INVALID_INSTANT (%s)', (text) => {
    expectError(() => toInstant(text, 'now'), 'INVALID_INSTANT', 'now');
  });

  it.each<[unknown, string]>([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [1.5, 'a fraction'],
    [new Date(Number.NaN), 'an Invalid Date'],
    [new Date('not a date'), 'an Invalid Date from an unparseable string'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'a boolean'],
    [1_705_311_000_000n, 'a bigint'],
    [{}, 'an object'],
    [[2024, 0, 15], 'an array'],
    [{ valueOf: () => JAN15_0930 }, 'an object with valueOf (never coerced)'],
    [{ toISOString: () => '2024-01-15T09:30:00Z' }, 'a Date look-alike'],
    [Symbol('now'), 'a symbol'],
    [() => JAN15_0930, 'a function'],
  ])('T1 %s is INVALID_INSTANT (%s)', (value) => {
    expectError(() => toInstant(value, 'now'), 'INVALID_INSTANT', 'now');
  });

  it('T1 100 KB strings are rejected with INVALID_INSTANT (bounded work, no backtracking)', () => {
    const long = [
      'x'.repeat(100_000),
      `2024-01-15T09:30:00.${'1'.repeat(100_000)}Z`,
      `2024-01-15T09:30:00${'+00'.repeat(33_000)}`,
      `${'2024-01-15'.repeat(10_000)}`,
      `2024-01-15T09:30:00Z${' '.repeat(100_000)}`,
    ];
    for (const text of long) expectError(() => toInstant(text, 'now'), 'INVALID_INSTANT', 'now');
  });

  it('T1 the error message starts with the field and describes the value', () => {
    const error = caught(() => toInstant('2024-01-15T09:30:00', 'options.now'));
    expect(error.message.startsWith('options.now: ')).toBe(true);
    expect(error.message).toContain('"2024-01-15T09:30:00"');
    expect(error.received).toBe('2024-01-15T09:30:00');
  });

  it('T1 property: anything that is not an instant throws CspRulesError, never a bare TypeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true }),
          fc.string({ unit: 'binary' }),
        ),
        (value) => {
          try {
            const ms = toInstant(value, 'now');
            expect(Number.isSafeInteger(ms)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(CspRulesError);
            expect((error as CspRulesError).field).toBe('now');
          }
        },
      ),
    );
  });

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

describe("T1 toInstant: which error, in the scanner's order (syntax, calendar, ambiguity, time, offset)", () => {
  const syntax = (text: string): string =>
    `now: expected an ISO-8601 date-time with Z or an offset, got ${JSON.stringify(text)}`;
  it.each([
    // The zone must end the text: junk in or after an offset is a syntax error, never a value.
    ['2024-01-15T09:30:00+0x:00', 'a letter in the offset hour'],
    ['2024-01-15T09:30:00+02ab', 'letters as ±HHMM minutes'],
    ['2024-01-15T09:30:00+02:ab', 'letters as ±HH:MM minutes'],
    ['2024-01-15T09:30:00+02:305', 'a digit after ±HH:MM'],
    ['2024-01-15T09:30:00+02:3', 'one minute digit'],
    ['2024-01-15T09:30:00+023', 'three offset digits'],
    ['2024-01-15T09:30:00.1234567890Z', 'ten fraction digits'],
    ['2024-01-15T09:30:00.123456789+02:00X', '36 characters: one past the longest spelling'],
    ['2024-01-15T09:30:00.Z', 'a separator without fraction digits'],
    ['2024-01-15T09:30:', 'a colon without seconds'],
    ['2024-01-15T', 'a T without a time'],
  ])('T1 %j (%s) → the syntax message', (text) => {
    const e = caught(() => toInstant(text, 'now'));
    expect({ code: e.code, field: e.field, message: e.message }).toEqual({
      code: 'INVALID_INSTANT',
      field: 'now',
      message: syntax(text),
    });
  });

  it('T1 the longest spelling (35 characters: 9 fraction digits and ±HH:MM) is read', () => {
    // 09:30:00.123 at +02:00 is 07:30:00.123Z; the digits after the third are truncated.
    expect(toInstant('2024-01-15T09:30:00.123456789+02:00', 'now')).toBe(JAN15_0930 - 2 * 3_600_000 + 123);
    expect(toInstant('2024-01-15T09:30:00,9Z', 'now')).toBe(JAN15_0930 + 900);
    expect(toInstant('2024-01-15T09:30:00.05Z', 'now')).toBe(JAN15_0930 + 50);
  });

  it.each([
    ['2024-00-10', 'month 00'],
    ['2024-01-00', 'day 00'],
    ['2024-02-30T25:00:00', 'an impossible date comes before a missing offset and an impossible hour'],
  ])('T1 %j (%s) → "is not a calendar date"', (text) => {
    expect(caught(() => toInstant(text, 'now')).message).toBe(`now: ${JSON.stringify(text)} is not a calendar date`);
  });

  it('T1 a missing offset comes before an impossible time; then the time before the offset', () => {
    expect(caught(() => toInstant('2024-01-15T25:00:00', 'now')).code).toBe('AMBIGUOUS_INSTANT');
    expect(caught(() => toInstant('2024-01-15T25:00:00+25:00', 'now')).message).toBe(
      'now: "2024-01-15T25:00:00+25:00" is not a valid time of day',
    );
    expect(caught(() => toInstant('2024-01-15T23:00:00+25:00', 'now')).message).toBe(
      'now: "2024-01-15T23:00:00+25:00" has an invalid offset',
    );
    expect(caught(() => toInstant('2024-01-15T23:00:00+0160', 'now')).message).toBe(
      'now: "2024-01-15T23:00:00+0160" has an invalid offset',
    );
  });

  it('T1 toIso names what it got', () => {
    expect(caught(() => toIso('0' as unknown as number)).message).toBe(
      'instant: expected integer epoch milliseconds, got "0"',
    );
  });
});

describe('T1 properties', () => {
  it('T1 property: ISO text with any offset −12:00…+14:00 parses to the instant it denotes', () => {
    fc.assert(
      fc.property(isoWithOffsetArb, ({ text, instant }) => {
        expect(toInstant(text, 'now')).toBe(instant);
      }),
    );
  });

  it('T1 property: toIso(toInstant(x)) round-trips the UTC spelling, and toInstant(toIso(t)) === t', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const text = new Date(t).toISOString(); // oracle spelling
        expect(toIso(toInstant(text, 'now'))).toBe(text);
        expect(toInstant(toIso(t), 'now')).toBe(t);
      }),
    );
  });

  it('T1 property: a Date and its epoch ms give the same instant', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        expect(toInstant(new Date(t), 'now')).toBe(t);
        expect(toInstant(t, 'now')).toBe(t);
      }),
    );
  });

  it('T1 toIso examples', () => {
    expect(toIso(946_684_800_000)).toBe('2000-01-01T00:00:00.000Z');
    expect(toIso(JAN15_0930 + 1)).toBe('2024-01-15T09:30:00.001Z');
    expect(toIso(253_402_300_799_999)).toBe('9999-12-31T23:59:59.999Z');
    // T1: toIso reads its instant with the same range.
    expectError(() => toIso(0), 'INSTANT_OUT_OF_RANGE', 'instant');
    expectError(() => toIso(-1), 'INSTANT_OUT_OF_RANGE', 'instant');
  });

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
  it('T1 property: any spelling → the oracle instant, AMBIGUOUS_INSTANT, INVALID_INSTANT or INSTANT_OUT_OF_RANGE', () => {
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
    ['2000-01-01', Date.UTC(2000, 0, 1)], // T1: the first day
    ['9999-12-31', Date.UTC(9999, 11, 31)], // and the last
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
    ['0000-01-01', 'INSTANT_OUT_OF_RANGE'], // year 0 is a date, but before 2000 (T1)
    ['1999-12-31T24:00:00Z', 'INVALID_INSTANT'], // the time is checked before the range
    ['1999-12-31T09:30:00', 'AMBIGUOUS_INSTANT'], // and the zone too
  ] as const)('T1 %s → %s', (text, code) => {
    expect(actual(text)).toBe(code);
  });
});

describe('T2 toUtcDay: dates are whole UTC days', () => {
  it('T2 a plain date and any instant on that UTC day give the same day', () => {
    const day = dayNumber('2025-01-14');
    expect(toUtcDay('2025-01-14', 'termEndDate')).toBe(day);
    expect(toUtcDay('2025-01-14T00:00:00Z', 'termEndDate')).toBe(day);
    expect(toUtcDay('2025-01-14T23:59:59.999Z', 'termEndDate')).toBe(day);
    expect(toUtcDay('2025-01-15T00:00:00Z', 'termEndDate')).toBe(day + 1);
    expect(toUtcDay(new Date(Date.UTC(2025, 0, 14, 12)), 'termEndDate')).toBe(day);
    expect(toUtcDay(Date.UTC(2025, 0, 14), 'termEndDate')).toBe(day);
  });

  it('T2 an offset date-time is taken on the UTC day it falls on', () => {
    // 00:00 at +05:00 is 19:00Z the day before; 00:00 at −08:00 is 08:00Z the same day.
    expect(toUtcDay('2025-01-14T00:00:00+05:00', 'termEndDate')).toBe(dayNumber('2025-01-13'));
    expect(toUtcDay('2025-01-14T00:00:00-08:00', 'termEndDate')).toBe(dayNumber('2025-01-14'));
    expect(toUtcDay('2025-01-14T23:00:00-12:00', 'termEndDate')).toBe(dayNumber('2025-01-15'));
  });

  it('T2 invalid dates are INVALID_DATE naming the field; offset-less date-times stay AMBIGUOUS_INSTANT', () => {
    expectError(() => toUtcDay('2023-02-29', 'termEndDate'), 'INVALID_DATE', 'termEndDate');
    expectError(() => toUtcDay(Number.NaN, 'termStartDate'), 'INVALID_DATE', 'termStartDate');
    expectError(() => toUtcDay(null, 'termStartDate'), 'INVALID_DATE', 'termStartDate');
    expectError(() => toUtcDay('2025-01-14T00:00:00', 'termEndDate'), 'AMBIGUOUS_INSTANT', 'termEndDate');
  });
});

describe('T1 instants from 2000-01-01 to the end of 9999', () => {
  it('T1 an instant outside them names the field, the value and the bound', () => {
    // 9999-12-31T23:59:59.999Z is the last instant; one ms later is outside.
    expect(toInstant('9999-12-31T23:59:59.999Z', 'now')).toBe(253_402_300_799_999);
    expect(caught(() => toInstant(253_402_300_800_000, 'now')).message).toBe(
      'now: 253402300800000 is after the year 9999 (UTC)',
    );
    expect(caught(() => toInstant('0000-01-01T00:00:00+00:01', 'now')).message).toBe(
      'now: "0000-01-01T00:00:00+00:01" is before 2000-01-01 (UTC): no CSP subscription is that old',
    );
    expect(caught(() => toInstant(new Date(Date.UTC(1999, 11, 31)), 'purchasedAt')).message).toBe(
      'purchasedAt: a Date is before 2000-01-01 (UTC): no CSP subscription is that old',
    );
  });

  // T1 (catalogue): "a Unix time in seconds (`1705363200`) would read as January 1970".
  it('T1 a Unix time in seconds asks "seconds, not milliseconds?" with the instant it would be in ms', () => {
    // 1705363200 s × 1000 = 1705363200000 ms = 19 738 days × 86 400 000 ms: 2024-01-16T00:00Z.
    const e = caught(() => toInstant(1_705_363_200, 'now'));
    expect({ code: e.code, field: e.field, received: e.received }).toEqual({
      code: 'INSTANT_OUT_OF_RANGE',
      field: 'now',
      received: 1_705_363_200,
    });
    expect(e.message).toBe(
      'now: 1705363200 is before 2000-01-01 (UTC): seconds, not milliseconds? (1705363200000 ms is 2024-01-16T00:00:00.000Z)',
    );
    // The first number that is 2000-01-01 in seconds (946 684 800 s) asks; one second less doesn't.
    expect(caught(() => toInstant(946_684_800, 'now')).message).toContain('seconds, not milliseconds?');
    expect(caught(() => toInstant(946_684_799, 'now')).message).toBe(
      'now: 946684799 is before 2000-01-01 (UTC): no CSP subscription is that old',
    );
    // Text is never taken for seconds.
    expect(caught(() => toInstant('1970-01-20T17:42:43Z', 'now')).message).not.toContain('seconds');
  });
  it('T1 a separator other than T or space is a syntax error', () => {
    expect(caught(() => toInstant('2024-01-15X09:30:00Z', 'now')).message).toBe(
      'now: expected an ISO-8601 date-time with Z or an offset, got "2024-01-15X09:30:00Z"',
    );
  });
});
