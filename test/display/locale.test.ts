/**
 * T5 the `locale` option of the display helpers: BCP 47 tags, names in that language, numbers in
 * Latin digits, and a fallback that is always en-US — never the host's locale (which Intl alone
 * would take for a tag it has no data for). Expected texts are written out by hand (CLDR).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE } from '../../src/display/index.js';
import { formatInZone } from '../../src/display/zone.js';
import { caught } from '../support/caught.js';

/** 2024-03-17T14:02:45Z: a Sunday; 15:02:45 in Berlin (CET), 17:02:45 in Moscow (+03:00). */
const T = Date.UTC(2024, 2, 17, 14, 2, 45);

const errorOf = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('T5 names in the locale asked', () => {
  it.each([
    ['en-US', 'EEEE d MMMM yyyy', 'Sunday 17 March 2024'],
    ['en-GB', 'EEE d MMM', 'Sun 17 Mar'],
    ['de', 'EEEE, d. MMMM yyyy', 'Sonntag, 17. März 2024'],
    ['de-DE', 'zzzz', 'Mitteleuropäische Normalzeit'],
    ['fr', 'EEEE d MMMM', 'dimanche 17 mars'],
    ['pt-BR', 'EEEE, d MMMM', 'domingo, 17 março'],
    // Months inside a date (M) and standing alone (L) differ in Russian.
    ['ru', 'd MMMM / LLLL', '17 марта / март'],
    ['ja', 'MMMM EEE', '3月 日'],
  ])('T5 %s: %s → %s', (locale, pattern, text) => {
    expect(formatInZone(T, 'Europe/Berlin', pattern, { locale })).toBe(text);
  });

  it('T5 numbers keep Latin digits and the Gregorian calendar whatever the locale says', () => {
    expect(formatInZone(T, 'Europe/Berlin', 'd MMMM yyyy HH:mm', { locale: 'ar-EG' })).toBe('17 مارس 2024 15:02');
    expect(formatInZone(T, 'Europe/Berlin', 'd MMMM yyyy', { locale: 'en-u-ca-islamic-nu-arab' })).toBe(
      '17 March 2024',
    );
  });

  it('T5 no locale, locale undefined and en-US give the same text', () => {
    const pattern = 'EEEE d MMMM yyyy h:mm a zzzz';
    const text = 'Sunday 17 March 2024 3:02 PM Central European Standard Time';
    expect(DEFAULT_LOCALE).toBe('en-US');
    expect(formatInZone(T, 'Europe/Berlin', pattern)).toBe(text);
    expect(formatInZone(T, 'Europe/Berlin', pattern, {})).toBe(text);
    expect(formatInZone(T, 'Europe/Berlin', pattern, { locale: undefined })).toBe(text);
    expect(formatInZone(T, 'Europe/Berlin', pattern, { locale: 'en-US' })).toBe(text);
    expect(formatInZone(T, 'Europe/Berlin', undefined, { locale: 'de' })).toBe('2024-03-17 15:02:45 +01:00');
  });

  it('T4 T5 a well-formed tag without data falls back along its subtags, then to en-US — never the host locale', () => {
    expect(formatInZone(T, 'UTC', 'MMMM', { locale: 'de-XX' })).toBe('März');
    expect(formatInZone(T, 'UTC', 'MMMM', { locale: 'DE' })).toBe('März');
    expect(formatInZone(T, 'UTC', 'MMMM EEEE', { locale: 'zz' })).toBe('March Sunday');
    expect(formatInZone(T, 'UTC', 'MMMM EEEE', { locale: 'qaa-ZZ' })).toBe('March Sunday');
  });

  it('T5 only an own locale is read (a polluted prototype changes nothing)', () => {
    const options = Object.create({ locale: 'de' }) as { locale?: string };
    expect(formatInZone(T, 'UTC', 'MMMM', options)).toBe('March');
  });
});

describe('T5 refused locales and options', () => {
  it.each(['', 'en_US', 'not a locale', 'de-', '12', 'x'.repeat(101)])('T5 %j → INVALID_ENUM on locale', (locale) => {
    expect(errorOf(() => formatInZone(T, 'UTC', 'MMMM', { locale }))).toEqual([
      'INVALID_ENUM',
      'locale',
      `locale: expected a BCP 47 locale tag such as en-GB or de, got ${
        locale.length > 64 ? JSON.stringify(`${locale.slice(0, 61)}...`) : JSON.stringify(locale)
      }`,
      locale,
    ]);
  });

  it.each([
    [42, '42'],
    [null, 'null'],
    [['de'], 'an array'],
  ])('T5 locale %j → INVALID_TYPE on locale', (locale, shown) => {
    expect(errorOf(() => formatInZone(T, 'UTC', 'MMMM', { locale: locale as never }))).toEqual([
      'INVALID_TYPE',
      'locale',
      `locale: expected a BCP 47 locale tag, got ${shown}`,
      locale,
    ]);
  });

  it.each([
    ['de', '"de"'],
    [null, 'null'],
    [[], 'an array'],
  ])('T5 options %j → INVALID_TYPE on options', (options, shown) => {
    expect(errorOf(() => formatInZone(T, 'UTC', 'MMMM', options as never))).toEqual([
      'INVALID_TYPE',
      'options',
      `options: expected an object, got ${shown}`,
      options,
    ]);
  });
});
