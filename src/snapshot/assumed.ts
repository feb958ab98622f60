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
 * A decision as the public functions answer it: the snapshot's assumptions that bear on it in
 * front of its own, and the version of the rules it used (principles 3, 4, 6).
 *
 * @param sub - the snapshot decided about
 * @param kind - which snapshot assumptions bear on it
 * @param d - the decision, freshly built
 * @param version - the policy version that governed it
 */
export function answered<D extends { readonly assumptions: readonly Assumption[]; readonly policyVersion: string }>(
  sub: Subscription,
  kind: AssumedFor,
  d: D,
  version: string,
): D {
  const assumptions = mergeAssumed(sub, kind, d.assumptions);
  const out = assumptions === d.assumptions ? d : { ...d, assumptions };
  // The decision was built for this answer (a fresh object): stamping it keeps its shape.
  (out as { policyVersion: string }).policyVersion = version;
  return out;
}
