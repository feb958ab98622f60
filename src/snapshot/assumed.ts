/**
 * Principle 6: a fact the library filled in is an assumption on every decision that uses it.
 * The snapshot's own assumptions (the caller's, a trial's assumed end, an assumed returnable flag)
 * are put in front of a decision's, each once.
 */
import type { Assumption } from '../core/decision.js';
import type { Subscription } from './subscription.js';

/** Which snapshot assumptions a kind of decision uses: the returnable flag only matters to a cancellation (C7, C16). */
export type AssumedFor = 'cancel' | 'other';

/** Whether a snapshot assumption bears on a decision of this kind. */
function uses(kind: AssumedFor, a: Assumption): boolean {
  return a !== 'RETURNABLE_ASSUMED' || kind === 'cancel';
}

/**
 * The snapshot's assumptions that bear on a decision of `kind`, then `own`, each once; `own`
 * itself when the snapshot assumed nothing that bears on it.
 */
export function mergeAssumed(sub: Subscription, kind: AssumedFor, own: readonly Assumption[]): readonly Assumption[] {
  if (sub.assumptions.length === 0) return own;
  const out: Assumption[] = [];
  for (const a of sub.assumptions) if (uses(kind, a) && !out.includes(a)) out.push(a);
  if (out.length === 0) return own;
  for (const a of own) if (!out.includes(a)) out.push(a);
  return out;
}

/**
 * `d` with the snapshot's assumptions that bear on it in front of its own; `d` itself when there
 * are none.
 */
export function withAssumed<D extends { readonly assumptions: readonly Assumption[] }>(
  sub: Subscription,
  kind: AssumedFor,
  d: D,
): D {
  const assumptions = mergeAssumed(sub, kind, d.assumptions);
  return assumptions === d.assumptions ? d : { ...d, assumptions };
}
