/**
 * T5 the pattern of formatInZone: every letter it prints, and every pattern it refuses — as a
 * CspRulesError INVALID_ENUM on `pattern` (issue 16, item 9: date-fns threw a bare TypeError or
 * RangeError, and printed a warning for Y and D), with nothing written to the console.
 * Expected texts are written out by hand.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';
import { formatInZone } from '../../src/display/zone.js';
import { caught } from '../support/caught.js';

/** 2024-03-17T14:02:45.078Z: a Sunday; 15:02:45 in Berlin (CET, +01:00), 19:32:45 in Kolkata (+05:30). */
const T = Date.UTC(2024, 2, 17, 14, 2, 45, 78);

const errorOf = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('T5 pattern letters', () => {
  it.each([
    ['y', '2024'],
    ['yy', '24'],
    ['yyy', '2024'],
    ['yyyy', '2024'],
    ['M', '3'],
    ['MM', '03'],
    ['MMM', 'Mar'],
    ['MMMM', 'March'],
    ['MMMMM', 'M'],
    ['L LL LLL LLLL LLLLL', '3 03 Mar March M'],
    ['d', '17'],
    ['dd', '17'],
    ['E EE EEE', 'Sun Sun Sun'],
    ['EEEE', 'Sunday'],
    ['EEEEE', 'S'],
    ['a', 'PM'],
    ['H HH h hh K KK k kk', '15 15 3 03 3 03 15 15'],
    ['m mm s ss', '2 02 45 45'],
    ['S SS SSS', '0 07 078'],
    ['X XX XXX XXXX XXXXX', '+01 +0100 +01:00 +0100 +01:00'],
    ['x xx xxx xxxx xxxxx', '+01 +0100 +01:00 +0100 +01:00'],
    ['O OOOO', 'GMT+1 GMT+01:00'],
    ['z zz zzz', 'GMT+1 GMT+1 GMT+1'],
    ['zzzz', 'Central European Standard Time'],
  ])('T5 %s in Europe/Berlin → %s', (pattern, text) => {
    expect(formatInZone(T, 'Europe/Berlin', pattern)).toBe(text);
  });

  it('T5 README samples: EEE d MMM, HH:mm and the default pattern', () => {
    expect(formatInZone('2024-03-17T14:02:45Z', 'Europe/Berlin', 'EEE d MMM, HH:mm')).toBe('Sun 17 Mar, 15:02');
    expect(formatInZone('2024-03-31T01:00:00Z', 'Europe/Berlin', 'HH:mm zzz')).toBe('03:00 GMT+2');
  });

  it('T5 hours at midnight and noon: H 0, h 12, K 0, k 24; a AM / PM', () => {
    expect(formatInZone('2024-03-17T00:00:00Z', 'UTC', 'H h K k a')).toBe('0 12 0 24 AM');
    expect(formatInZone('2024-03-17T12:00:00Z', 'UTC', 'H h K k a')).toBe('12 12 0 12 PM');
    expect(formatInZone('2024-03-17T11:59:59Z', 'UTC', 'H h K k a')).toBe('11 11 11 11 AM');
  });

  it('T5 offsets: half and quarter hours, west of UTC, and UTC itself (X says Z, x says +00)', () => {
    expect(formatInZone(T, 'Asia/Kolkata', 'X XX XXX x O OOOO')).toBe('+0530 +0530 +05:30 +0530 GMT+5:30 GMT+05:30');
    expect(formatInZone(T, 'Asia/Kathmandu', 'XXX O')).toBe('+05:45 GMT+5:45');
    expect(formatInZone(T, 'America/St_Johns', 'XXX x O')).toBe('-02:30 -0230 GMT-2:30');
    expect(formatInZone(T, 'America/New_York', 'X xxx O zzz')).toBe('-04 -04:00 GMT-4 EDT');
    expect(formatInZone(T, 'UTC', 'X XX XXX x xx xxx O OOOO')).toBe('Z Z Z +00 +0000 +00:00 GMT+0 GMT+00:00');
  });

  it('T5 quoted text is printed as is; two quotes are one quote, inside quotes and out', () => {
    expect(formatInZone(T, 'UTC', "d MMM 'at' HH:mm")).toBe('17 Mar at 14:02');
    expect(formatInZone(T, 'UTC', "'it''s' HH'h' ''yy")).toBe("it's 14h '24");
    expect(formatInZone(T, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSX")).toBe('2024-03-17T14:02:45.078Z');
    // Anything that is not a letter is literal text: digits, punctuation, spaces, other scripts.
    expect(formatInZone(T, 'UTC', 'd. MMM, 9 — 日 / é')).toBe('17. Mar, 9 — 日 / é');
  });

  it('T5 the year 9999 ends as year 10000 in a zone ahead of UTC; 2000 starts in 1999 behind it', () => {
    expect(formatInZone('9999-12-31T23:59:59.999Z', 'Pacific/Kiritimati', 'yyyy-MM-dd HH:mm:ss.SSS EEE')).toBe(
      '10000-01-01 13:59:59.999 Sat',
    );
    expect(formatInZone('2000-01-01T00:00:00Z', 'Etc/GMT+12', 'yyyy-MM-dd HH:mm EEE yy')).toBe(
      '1999-12-31 12:00 Fri 99',
    );
  });
});

describe('T5 refused patterns: a CspRulesError on pattern, nothing on the console (issue 16, item 9)', () => {
  const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(() => undefined),
  );
  afterEach(() => {
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockClear();
    }
  });

  it('T5 the empty pattern', () => {
    expect(errorOf(() => formatInZone(T, 'UTC', ''))).toEqual([
      'INVALID_ENUM',
      'pattern',
      'pattern: expected a pattern such as yyyy-MM-dd HH:mm, got an empty one, in ""',
      '',
    ]);
  });

  it.each([
    ['YYYY-MM-dd', 'Y', 0, ' (Y is the week-numbering year: use y for the calendar year)'],
    ['yyyy-MM-DD', 'D', 8, ' (D is the day of the year: use d for the day of the month)'],
    ['HH:mm Z', 'Z', 6, ' (use xx (+0100) or XXX (+01:00, Z for UTC) for the offset)'],
    ['Q', 'Q', 0, ''],
    ['yyyy at HH', 't', 6, ''],
  ])('T5 %j: the letter %s at index %i is refused', (pattern, letter, index, hint) => {
    expect(errorOf(() => formatInZone(T, 'UTC', pattern))).toEqual([
      'INVALID_ENUM',
      'pattern',
      `pattern: unsupported pattern letter "${letter}" at index ${index}${hint}; supported: y M L d E a H h K k m s S X x O z; quote literal text ('at'), in ${JSON.stringify(pattern)}`,
      pattern,
    ]);
  });

  it.each([
    ['yyyyy', 'y', 1, 4],
    ['MMMMMM', 'M', 1, 5],
    ['ddd', 'd', 1, 2],
    ['HHH', 'H', 1, 2],
    ['SSSS', 'S', 1, 3],
    ['zzzzz', 'z', 1, 4],
  ])('T5 %s: %s repeated too often', (pattern, letter, min, max) => {
    expect(errorOf(() => formatInZone(T, 'UTC', pattern))).toEqual([
      'INVALID_ENUM',
      'pattern',
      `pattern: "${pattern}" at index 0: ${letter} may be repeated ${min} to ${max} times, in "${pattern}"`,
      pattern,
    ]);
  });

  it('T5 an unclosed quote', () => {
    expect(errorOf(() => formatInZone(T, 'UTC', "HH 'o clock"))).toEqual([
      'INVALID_ENUM',
      'pattern',
      `pattern: unclosed quote at index 3, in "HH 'o clock"`,
      "HH 'o clock",
    ]);
  });

  it('T5 a long pattern is echoed cut short, and kept whole in received', () => {
    const pattern = `${'-'.repeat(100_000)}Q`;
    const [code, field, message, received] = errorOf(() => formatInZone(T, 'UTC', pattern));
    expect([code, field, received]).toEqual(['INVALID_ENUM', 'pattern', pattern]);
    expect(String(message).length).toBeLessThan(400);
    expect(message).toContain('"Q" at index 100000');
  });

  it('T5 a pattern is checked before it is printed: nothing is returned for a good start', () => {
    expect(errorOf(() => formatInZone(T, 'UTC', 'yyyy-MM-dd Y'))[0]).toBe('INVALID_ENUM');
  });

  it('T5 property: any pattern string prints text or is refused with a CspRulesError on pattern, nothing else', () => {
    const letters = fc.constantFrom(...'yMLdEaHhKkmsSXxOzYDQwGtTPpZ'.split(''));
    const piece = fc.oneof(
      fc.tuple(letters, fc.integer({ min: 1, max: 6 })).map(([c, n]) => c.repeat(n)),
      fc.constantFrom("'", "''", "'at'", ' ', '-', ':', '.', 'é', '日'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        (pattern) => {
          try {
            return typeof formatInZone(T, 'Europe/Berlin', pattern) === 'string' && pattern !== '';
          } catch (e) {
            return (
              e instanceof CspRulesError && e.code === 'INVALID_ENUM' && e.field === 'pattern' && e.received === pattern
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
