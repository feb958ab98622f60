/**
 * Typed errors for bad input: a business "no" is a decision value,
 * bad input is a {@link CspRulesError} with a stable `code` and the `field` path at fault.
 */

/** Stable codes carried by every {@link CspRulesError}. */
export type ErrorCode =
  /** A date-time string without `Z` or a numeric offset (T1): ambiguous, never read as local time. */
  | 'AMBIGUOUS_INSTANT'
  /** Not an instant: unparseable text, an impossible calendar date, NaN, Infinity, a non-integer epoch. */
  | 'INVALID_INSTANT'
  /** An instant before 2000-01-01 (no CSP subscription is older; seconds given for milliseconds?) or after 9999. */
  | 'INSTANT_OUT_OF_RANGE'
  /** Not a UTC calendar date (`YYYY-MM-DD` or an instant whose UTC day is taken). */
  | 'INVALID_DATE'
  /** A seat count or amount that is not a non-negative safe integer (or not ≥ 1 where required). */
  | 'INVALID_QUANTITY'
  /** A string outside its enumeration (program, status, term, billing frequency …). */
  | 'INVALID_ENUM'
  /** A required field is absent. */
  | 'MISSING_FIELD'
  /** A field the input does not have (a typo such as `autorenew`, or a copied snapshot's `termEndDay`): never silently ignored. */
  | 'UNKNOWN_FIELD'
  /** A field has the wrong JavaScript type (e.g. a number where a boolean is expected). */
  | 'INVALID_TYPE'
  /** Fields that are each valid but contradict one another (e.g. a term that ends before it starts). */
  | 'INCONSISTENT';

/** One step of a path: an object key or an array index. */
export type PathKey = string | number;

/**
 * The one error type this library throws on bad input: a stable `code`, the `path` of the field
 * at fault, the bare `detail`, and the value `received`. The message is built from them.
 *
 * @example
 * ```ts
 * try {
 *   toInstant('2024-01-15T09:30:00', 'now');
 * } catch (e) {
 *   if (e instanceof CspRulesError) console.log(e.code, e.field); // AMBIGUOUS_INSTANT now
 * }
 * ```
 */
export class CspRulesError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Path of the offending field as keys and indices, e.g. `['seatBatches', 1, 'quantity']`; empty for the value itself. */
  readonly path: readonly PathKey[];
  /** The path as text, e.g. `now`, `seatBatches[1].quantity` (`$` for the value itself). */
  readonly field: string;
  /** What is wrong with the field, without the path. */
  readonly detail: string;
  /** The value received (kept for diagnostics; never interpreted). */
  readonly received: unknown;

  /**
   * @param code - the stable code
   * @param path - the field's path: keys and indices, or its text (`seatBatches[1].quantity`)
   * @param detail - what is wrong, without the path
   * @param received - the value received
   */
  constructor(code: ErrorCode, path: string | readonly PathKey[], detail: string, received?: unknown) {
    const keys = typeof path === 'string' ? parsePath(path) : Object.freeze([...path]);
    const field = formatPath(keys);
    super(`${field}: ${detail}`);
    this.name = 'CspRulesError';
    this.code = code;
    this.path = keys;
    this.field = field;
    this.detail = detail;
    this.received = received;
  }

  /**
   * The same error one level down: its path put under `parent` (the JSON path of a list item,
   * the field that holds a nested object).
   *
   * @param parent - the path to put in front, as keys or as text
   */
  under(parent: string | readonly PathKey[]): CspRulesError {
    const head = typeof parent === 'string' ? parsePath(parent) : parent;
    return new CspRulesError(this.code, [...head, ...this.path], this.detail, this.received);
  }
}

/** Keys written as names (`a.b`, `nce-license`); any other key (``, `a b`, `term-`) is quoted as JSON. */
const NAME = /^[A-Za-z_$][\w$-]*$/;
const isName = (key: string): boolean => NAME.test(key) && !key.endsWith('-');

/** The longest key echoed whole in `field` and the message; a longer one (an unknown key of any size) is cut. */
const MAX_ECHOED_KEY = 64;

/**
 * A path as text: `seatBatches[1].addedAt`, `["a b"]` for a key that is not a name, `$` when empty.
 * A key longer than 64 characters is echoed as its first 61 and `...` (the whole key stays in `path`).
 */
function formatPath(keys: readonly PathKey[]): string {
  if (keys.length === 0) return '$';
  let text = '';
  for (const whole of keys) {
    const key = typeof whole === 'string' && whole.length > MAX_ECHOED_KEY ? `${whole.slice(0, 61)}...` : whole;
    if (typeof key === 'number') text += `[${key}]`;
    else if (isName(key)) text += text === '' ? key : `.${key}`;
    else text += text === '' ? JSON.stringify(key) : `.${JSON.stringify(key)}`;
  }
  return text;
}

/** The keys of a path written as text (the inverse of {@link formatPath}); `$` and `` are the value itself. */
function parsePath(text: string): readonly PathKey[] {
  const keys: PathKey[] = [];
  let i = text === '$' || text.startsWith('$.') || text.startsWith('$[') ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const close = text.indexOf(']', i);
      const inner = close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
      keys.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '"') {
      // A quoted key (JSON string): find its closing quote, skipping escapes.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      try {
        keys.push(JSON.parse(text.slice(i, j + 1)) as string);
      } catch {
        keys.push(text.slice(i + 1, j));
      }
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      keys.push(text.slice(i, j));
      i = j;
    }
  }
  return Object.freeze(keys);
}

/** Short, safe description of a received value for error messages (never throws). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 64 ? `${value.slice(0, 61)}...` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return Array.isArray(value) ? 'an array' : value instanceof Date ? 'a Date' : 'an object';
  }
}
