/**
 * The library as the page uses it: the built ESM (`csp-subscription-rules` is aliased to the
 * repo's dist/ in vite.config.ts). Reads a JSON document into a snapshot.
 */
import * as main from 'csp-subscription-rules';
import type { Program, Subscription, SubscriptionInput } from 'csp-subscription-rules';
import { explain } from 'csp-subscription-rules/explain';
import { toInstant, toIso } from 'csp-subscription-rules/time';
import { fromPartnerCenter, type PartnerCenterNote } from 'csp-subscription-rules/partner-center';
import { kindOf, type ExampleKind } from './examples.js';

/** A document read into a snapshot, with the adapter's notes. */
export interface Loaded {
  readonly subscription: Subscription;
  readonly kind: ExampleKind;
  readonly notes: readonly PartnerCenterNote[];
}

/**
 * Reads a parsed JSON document: the library's `SubscriptionInput` through `toSubscription`,
 * a Partner Center resource through `fromPartnerCenter` (with `program` forced when given:
 * the JSON can't tell a BSS storefront asset from a new-commerce software subscription).
 *
 * @throws CspRulesError from the library (code + field)
 */
export function load(json: unknown, program: Program | null = null): Loaded {
  const kind = kindOf(json);
  if (kind === 'input') return { subscription: lib.toSubscription(json as SubscriptionInput), kind, notes: [] };
  const { subscription, notes } = lib.fromPartnerCenter(json, program === null ? {} : { program });
  return { subscription, kind, notes };
}

/** An error as one line: the library's `CODE at field: message`, or the message. */
export function describeError(error: unknown): string {
  if (error instanceof lib.CspRulesError) return `${error.code} at ${error.field}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The library's entry points the page uses, as one namespace. */
const lib = { ...main, explain, fromPartnerCenter, toInstant, toIso };

export { lib };
