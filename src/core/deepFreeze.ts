/**
 * Exported rule tables are frozen all the way down: a table whose outer list is frozen but whose
 * rows are not would let any importer change a rule for every later decision, quietly.
 */

/**
 * Freezes `value` and every object and array inside it, depth first, and returns it.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  // The result is returned: the build marks Object.freeze pure, so a bare call would be dropped.
  return Object.freeze(value);
}
