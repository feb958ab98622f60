/**
 * A customer's `/subscriptions` collection mixes what the rules cover (new commerce, software,
 * marketplace SaaS) with what they do not (Azure plans, legacy licenses, usage-billed items):
 * reading a list answers **per record**, and one record never stops the others.
 */
import { CspRulesError } from '../core/errors.js';
import { isRecord, own, toRecord } from '../core/validate.js';
import type { Note } from './notes.js';
import { fromPartnerCenter, type FromPartnerCenterOptions } from './fromPartnerCenter.js';
import { isNotCovered } from './program.js';
import { get, type At } from './read.js';
import type { Reported } from './reported.js';
import type { Subscription } from '../snapshot/subscription.js';

/** Why a record was not read: outside the rules, not a subscription resource, or invalid. */
export type SkipReason = 'not-covered' | 'not-a-subscription' | 'invalid';

/** One record of a list: read, or skipped with its id and why. */
export type PartnerCenterRecord =
  | {
      readonly ok: true;
      /** Position in the list. */
      readonly index: number;
      /** The validated snapshot. */
      readonly subscription: Subscription;
      /** The adapter's notes. */
      readonly notes: readonly Note[];
      /** The facts the JSON states itself. */
      readonly reported: Reported;
    }
  | {
      readonly ok: false;
      /** Position in the list. */
      readonly index: number;
      /** The record's `id` when it has a string one, else `null`. */
      readonly id: string | null;
      /** Why it was skipped. */
      readonly reason: SkipReason;
      /** The error, its path under the list (`items[2].billingType`). */
      readonly error: CspRulesError;
    };

/**
 * Reads one record of a list: the same as `fromPartnerCenter`, but a record the rules do not
 * cover, a body that is not a subscription resource (an order, a cart, an entitlement) or an
 * invalid one is an `{ ok: false }` answer with its id and why, never a throw.
 *
 * @param item - one element of the list
 * @param index - its position (for the error path)
 * @param options - as for `fromPartnerCenter`
 * @param prefix - the path of the list (`items` for a collection resource, `''` for an array,
 *   `$` for a document that is not a list)
 * @returns the record's answer
 * @throws {@link CspRulesError} only for invalid `options` (they concern every record)
 */
export function readPartnerCenterRecord(
  item: unknown,
  index: number,
  options: FromPartnerCenterOptions = {},
  prefix = '',
): PartnerCenterRecord {
  // `$`: the document itself (a file holding one record), else the list's path and the index.
  const at = prefix === '$' ? [] : prefix === '' ? [index] : [prefix, index];
  const id = isRecord(item) ? stringId(item) : null;
  const shape = subscriptionShape(item);
  if (shape !== null) {
    return { ok: false, index, id, reason: 'not-a-subscription', error: new CspRulesError('INVALID_TYPE', at, shape) };
  }
  try {
    const read = fromPartnerCenter(item, options);
    return { ok: true, index, subscription: read.subscription, notes: read.notes, reported: read.reported };
  } catch (error) {
    if (!(error instanceof CspRulesError)) throw error;
    if (error.path[0] === 'options') throw error;
    return { ok: false, index, id, reason: isNotCovered(error) ? 'not-covered' : 'invalid', error: error.under(at) };
  }
}

/**
 * Reads a list of Partner Center records — an array, or the collection resource
 * `{ totalCount, items: [...] }` — one answer per record, in order.
 *
 * @param json - the list as `JSON.parse` returns it
 * @param options - as for `fromPartnerCenter`, for every record
 * @returns one {@link PartnerCenterRecord} per element
 * @throws {@link CspRulesError} when `json` is neither an array nor `{ items: [...] }`
 *
 * @example
 * ```ts
 * for (const r of readPartnerCenterList(JSON.parse(text))) {
 *   if (r.ok) explain(r.subscription, { now });
 *   else console.log(r.index, r.id, r.reason, r.error.message);
 * }
 * ```
 */
export function readPartnerCenterList(
  json: unknown,
  options: FromPartnerCenterOptions = {},
): readonly PartnerCenterRecord[] {
  if (Array.isArray(json)) return (json as readonly unknown[]).map((x, i) => readPartnerCenterRecord(x, i, options));
  const items = own(toRecord(json, '$'), 'items');
  if (!Array.isArray(items)) {
    throw new CspRulesError('INVALID_TYPE', '$', 'expected an array of subscriptions or { items: [...] }', json);
  }
  return (items as readonly unknown[]).map((x, i) => readPartnerCenterRecord(x, i, options, 'items'));
}

function stringId(record: Readonly<Record<string, unknown>>): string | null {
  const id = get({ record, path: '' }, 'id');
  return typeof id === 'string' ? id : null;
}

/**
 * Why `item` is not a subscription resource, or `null` when it is one: a subscription has a
 * `quantity` and a `status` (any key casing); orders and carts carry `lineItems` instead.
 */
function subscriptionShape(item: unknown): string | null {
  if (!isRecord(item)) return 'not an object: not a subscription resource';
  const at: At = { record: item, path: '' };
  const missing = ['quantity', 'status'].filter((k) => get(at, k) === undefined || get(at, k) === null);
  if (missing.length === 0) return null;
  if (get(at, 'lineItems') !== undefined) return 'has lineItems: an order or a cart, not a subscription resource';
  return `no ${missing.join(', ')}: not a subscription resource`;
}
