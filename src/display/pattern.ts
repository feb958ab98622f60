/**
 * T5: the date pattern of {@link formatInZone} — a small, explicit subset of the Unicode / date-fns
 * pattern letters, read once per pattern. A letter outside the subset, an unclosed quote or an
 * empty pattern is a `CspRulesError` on `pattern`, before anything is printed; nothing is logged.
 */
import { CspRulesError, describe } from '../core/errors.js';
import type { LocaleList } from './locale.js';
import { namesOf, remember, zoneNameOf, type NameWidth } from './names.js';

/** A wall-clock reading in a zone: the civil fields there and the zone's offset from UTC. */
export interface WallClock {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
  /** 0 (Sunday) – 6 (Saturday) */
  readonly weekday: number;
  /** 0–23 */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Local time minus UTC, in minutes (`+60` for CET). */
  readonly offsetMinutes: number;
}

/** What a pattern is printed from: the instant, its wall clock, the zone and the locales. */
interface PatternInput {
  readonly instant: number;
  readonly wall: WallClock;
  readonly timeZone: string;
  readonly locales: LocaleList;
}

/** One piece of a read pattern: literal text, or a letter repeated `count` times. */
type Piece = string | { readonly letter: string; readonly count: number };

/** The letters this library prints, with the repeat counts each allows (inclusive). */
const LETTERS: Readonly<Record<string, readonly [number, number]>> = {
  y: [1, 4], // year: 2024, 24 (yy), 2024, 2024
  M: [1, 5], // month: 3, 03, Mar, March, M
  L: [1, 5], // the same, standing alone
  d: [1, 2], // day of the month
  E: [1, 5], // weekday: Sun (E–EEE), Sunday, S
  a: [1, 3], // AM / PM
  H: [1, 2], // hour 0–23
  h: [1, 2], // hour 1–12
  K: [1, 2], // hour 0–11
  k: [1, 2], // hour 1–24
  m: [1, 2],
  s: [1, 2],
  S: [1, 3], // fraction of a second: 1–3 digits, truncated
  X: [1, 5], // offset, Z for UTC: +01, +0100, +01:00 (X, XX, XXX; XXXX = XX, XXXXX = XXX)
  x: [1, 5], // offset, +00 for UTC: +01, +0100, +01:00
  O: [1, 4], // GMT+1 (O), GMT+01:00 (OOOO)
  z: [1, 4], // the zone's name in the locale: GMT+1 / CET (z–zzz), Central European Standard Time (zzzz)
};

/** A hint for the letters of other date libraries that mean something else than they look. */
const HINTS: Readonly<Record<string, string>> = {
  Y: 'Y is the week-numbering year: use y for the calendar year',
  D: 'D is the day of the year: use d for the day of the month',
  u: 'use y for the calendar year',
  A: 'use a for AM/PM',
  Z: 'use xx (+0100) or XXX (+01:00, Z for UTC) for the offset',
};

const SUPPORTED = Object.keys(LETTERS).join(' ');
const patterns = new Map<string, readonly Piece[]>();

/** Patterns longer than this are read every time rather than kept. */
const CACHE_PATTERN_LENGTH = 100;

/**
 * The pieces of `pattern`, or a `CspRulesError` `INVALID_ENUM` on `pattern` naming the first
 * piece that is not allowed.
 */
export function readPattern(pattern: string): readonly Piece[] {
  const known = patterns.get(pattern);
  if (known !== undefined) return known;
  const fail = (detail: string): never => {
    throw new CspRulesError('INVALID_ENUM', 'pattern', `${detail}, in ${describe(pattern)}`, pattern);
  };
  if (pattern === '') fail('expected a pattern such as yyyy-MM-dd HH:mm, got an empty one');
  const pieces: Piece[] = [];
  let text = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      // Quoted text, up to the next lone quote; inside it, '' is one quote.
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else text += pattern[j++];
      }
      if (j >= pattern.length) fail(`unclosed quote at index ${i}`);
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern[i + count] === c) count++;
      const range = LETTERS[c];
      if (range === undefined) {
        fail(
          `unsupported pattern letter "${c}" at index ${i}${c in HINTS ? ` (${HINTS[c]})` : ''}; ` +
            `supported: ${SUPPORTED}; quote literal text ('at')`,
        );
      } else if (count < range[0] || count > range[1]) {
        fail(`"${c.repeat(count)}" at index ${i}: ${c} may be repeated ${range[0]} to ${range[1]} times`);
      }
      if (text !== '') pieces.push(text);
      text = '';
      pieces.push({ letter: c, count });
      i += count;
    } else {
      text += c;
      i++;
    }
  }
  if (text !== '') pieces.push(text);
  return pattern.length <= CACHE_PATTERN_LENGTH ? remember(patterns, pattern, Object.freeze(pieces)) : pieces;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Width of a name from the repeat count: 1–3 short, 4 long, 5 narrow. */
const widthOf = (count: number): NameWidth => (count === 4 ? 'long' : count === 5 ? 'narrow' : 'short');

/** `+05:30`-style offset text: `separator` between hours and minutes, minutes only when needed if `short`. */
function offsetText(minutes: number, separator: string, short: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  const hh = pad(Math.floor(size / 60), 2);
  const mm = size % 60;
  return short && mm === 0 ? `${sign}${hh}` : `${sign}${hh}${separator}${pad(mm, 2)}`;
}

/** One letter piece printed. */
function field(letter: string, count: number, input: PatternInput): string {
  const { wall } = input;
  switch (letter) {
    case 'y':
      return count === 2 ? pad(wall.year % 100, 2) : pad(wall.year, count);
    case 'M':
    case 'L': {
      if (count <= 2) return pad(wall.month, count);
      const names = namesOf(input.locales);
      return (letter === 'M' ? names.months : names.standaloneMonths)[widthOf(count)][wall.month - 1] as string;
    }
    case 'd':
      return pad(wall.day, count);
    case 'E':
      return namesOf(input.locales).weekdays[widthOf(count)][wall.weekday] as string;
    case 'a':
      return namesOf(input.locales).dayPeriods[wall.hour < 12 ? 0 : 1];
    case 'H':
      return pad(wall.hour, count);
    case 'h':
      return pad(wall.hour % 12 === 0 ? 12 : wall.hour % 12, count);
    case 'K':
      return pad(wall.hour % 12, count);
    case 'k':
      return pad(wall.hour === 0 ? 24 : wall.hour, count);
    case 'm':
      return pad(wall.minute, count);
    case 's':
      return pad(wall.second, count);
    case 'S':
      return pad(wall.millisecond, 3).slice(0, count);
    case 'X':
    case 'x': {
      if (letter === 'X' && wall.offsetMinutes === 0) return 'Z';
      // X: +01 or +0530; XX, XXXX: +0100; XXX, XXXXX: +01:00
      return offsetText(wall.offsetMinutes, count === 3 || count === 5 ? ':' : '', count === 1);
    }
    case 'O': {
      if (count === 4) return `GMT${offsetText(wall.offsetMinutes, ':', false)}`;
      const size = Math.abs(wall.offsetMinutes);
      const minutes = size % 60;
      return `GMT${wall.offsetMinutes < 0 ? '-' : '+'}${Math.floor(size / 60)}${minutes === 0 ? '' : `:${pad(minutes, 2)}`}`;
    }
    default: // 'z' (readPattern lets no other letter through)
      return zoneNameOf(input.locales, input.timeZone, count === 4 ? 'long' : 'short', input.instant);
  }
}

/** `pieces` printed for `input`. */
export function printPattern(pieces: readonly Piece[], input: PatternInput): string {
  let out = '';
  for (const piece of pieces) out += typeof piece === 'string' ? piece : field(piece.letter, piece.count, input);
  return out;
}
