/**
 * T5: the language of display text, as a BCP 47 locale tag, read the same on every host. Intl
 * alone would fall back to the host's default locale (its `LANG`) for a tag it has no data for;
 * every formatter here is given `[tag, 'en-US']` instead, so the fallback is always `en-US`.
 */
import { CspRulesError, describe } from '../core/errors.js';
import { isRecord, own } from '../core/validate.js';

/** The locale of display text when none is given, and the last fallback of every locale. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * Options of the display helpers: the language of their words.
 *
 * @example
 * ```ts
 * formatInZone('2024-03-17T14:02:45Z', 'Europe/Berlin', 'EEEE d MMMM', { locale: 'de' }); // 'Sonntag 17 März'
 * ```
 */
export interface DisplayOptions {
  /**
   * A BCP 47 locale tag (`en-GB`, `de`, `pt-BR`). A well-formed tag without data of its own falls
   * back along its subtags (`de-XX` → `de`), then to `en-US` — never to the host's locale.
   * Default `en-US`. A malformed tag (`en_US`, `''`) is a `CspRulesError` `INVALID_ENUM` on `locale`.
   */
  readonly locale?: string | undefined;
}

/**
 * The locale list every Intl formatter of this entry is given: the caller's canonical tag, then
 * `en-US` (so Intl never reaches for the host's default locale).
 */
export type LocaleList = readonly [string] | readonly [string, string];

const DEFAULT_LIST: LocaleList = [DEFAULT_LOCALE];

/**
 * The options object of a display helper, read as own properties only; its `locale` checked and
 * made into the list given to Intl.
 *
 * @param options - the caller's options (`undefined` for none)
 */
export function toLocaleList(options: unknown): LocaleList {
  if (options === undefined) return DEFAULT_LIST;
  if (!isRecord(options)) {
    throw new CspRulesError('INVALID_TYPE', 'options', `expected an object, got ${describe(options)}`, options);
  }
  const locale = own(options, 'locale');
  if (locale === undefined) return DEFAULT_LIST;
  if (typeof locale !== 'string') {
    throw new CspRulesError('INVALID_TYPE', 'locale', `expected a BCP 47 locale tag, got ${describe(locale)}`, locale);
  }
  let canonical: string | undefined;
  try {
    canonical = locale.length <= 100 ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined) {
    throw new CspRulesError(
      'INVALID_ENUM',
      'locale',
      `expected a BCP 47 locale tag such as en-GB or de, got ${describe(locale)}`,
      locale,
    );
  }
  return canonical === DEFAULT_LOCALE ? DEFAULT_LIST : [canonical, DEFAULT_LOCALE];
}
