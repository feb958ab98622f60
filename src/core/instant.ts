/**
 * The one representation of time the library computes on (T1): UTC epoch milliseconds. Parsing
 * and arithmetic live in `src/time/`; the type is here so that the decision shape can name it.
 */

/** An instant: integer milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;
