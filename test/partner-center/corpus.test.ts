/**
 * The corpus of JSON Microsoft published (test/fixtures/partner-center/, provenance in its
 * README): every file through the adapter (`readPartnerCenterList` / `readPartnerCenterRecord`)
 * and `explainPartnerCenter`, against readings written by hand from the JSON and the catalogue.
 * test/cli/corpus.test.ts runs the same files through the CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainPartnerCenter } from '../../src/partner-center/explainReported.js';
import {
  readPartnerCenterList,
  readPartnerCenterRecord,
  type PartnerCenterRecord,
} from '../../src/partner-center/readList.js';
import { at, dayNumber } from '../support/time.js';

const DIR = join('test', 'fixtures', 'partner-center');

/** Every record of a corpus file, as the CLI splits it (an array, `{ items }`, or one document). */
export function corpusRecords(file: string): readonly PartnerCenterRecord[] {
  const json: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  const isList =
    Array.isArray(json) ||
    (typeof json === 'object' && json !== null && 'items' in json && Array.isArray((json as { items: unknown }).items));
  return isList ? readPartnerCenterList(json) : [readPartnerCenterRecord(json, 0, {}, '$')];
}

type Skip = readonly ['not-covered' | 'not-a-subscription', string];

/**
 * Records the rules do not cover or that are not subscriptions: file → per record, the class
 * and the JSON path of the reason (the Azure usage billing, the legacy product type …).
 */
const SKIPPED: Readonly<Record<string, readonly Skip[]>> = {
  // Legacy Azure (MS-AZR-0145P): billingType usage.
  'get-by-id-azure-legacy.json': [['not-covered', 'billingType']],
  // Legacy license-based Microsoft subscriptions: no productType (or PascalCase keys of one).
  'get-by-id-legacy-addon.json': [['not-covered', 'productType.id']],
  'customer-subscriptions-by-partner-id.json': [['not-covered', 'items[0].productType.id']],
  'customer-subscriptions-legacy-spaced-dates.json': [['not-covered', 'items[0].productType.id']],
  'addons-list-legacy.json': [['not-covered', 'items[0].productType.id']],
  'subscriptions-by-order-legacy.json': [['not-covered', 'items[0].productType.id']],
  'suspend-response-pascalcase.json': [['not-covered', 'productType.id']],
  'reactivate-response-pascalcase.json': [['not-covered', 'productType.id']],
  'update-response-pascalcase-autorenew.json': [['not-covered', 'productType.id']],
  'update-nickname-response-placeholder-id.json': [['not-covered', 'productType.id']],
  // A customer's collection: legacy Azure (usage) and a suspended legacy license.
  'pcps-session-customer-subscriptions-azure-suspended.json': [
    ['not-covered', 'items[0].billingType'],
    ['not-covered', 'items[1].productType.id'],
  ],
  // Azure savings plan: billingType benefit.
  'savings-plan-get-by-id.json': [['not-covered', 'billingType']],
  'savings-plan-customer-subscriptions.json': [['not-covered', 'items[0].billingType']],
  // A migration object carries quantity and status like a legacy subscription, without productType.
  'nce-migration-response-with-addons.json': [['not-covered', 'productType.id']],
  // Not subscription resources: no quantity and status at the top, or order/cart lineItems.
  'azure-plan-entitlements-list.json': [['not-a-subscription', 'items[0]']],
  'cancel-software-order-response-one-time.json': [['not-a-subscription', '$']],
  'cart-response-mixed-incl-saas-free-trial.json': [['not-a-subscription', '$']],
  'custom-term-end-dates-coterm.json': [
    ['not-a-subscription', 'items[0]'],
    ['not-a-subscription', 'items[1]'],
  ],
  'entitlements-ri-and-perpetual-software.json': [
    ['not-a-subscription', 'items[0]'],
    ['not-a-subscription', 'items[1]'],
  ],
  'entitlements-software-with-expiry.json': [
    ['not-a-subscription', 'items[0]'],
    ['not-a-subscription', 'items[1]'],
  ],
  'order-indirect-reseller-request-billingcycle-unknown.json': [['not-a-subscription', '$']],
  'order-indirect-reseller-response-offset-date.json': [['not-a-subscription', '$']],
  'transfer-eligibility-list.json': [0, 1, 2, 3, 4].map((i): Skip => ['not-a-subscription', `[${i}]`]),
  'transition-eligibilities.json': [
    ['not-a-subscription', 'items[0]'],
    ['not-a-subscription', 'items[1]'],
  ],
  'transition-post-response.json': [['not-a-subscription', '$']],
  'transitions-history.json': [['not-a-subscription', '$']],
  'trial-conversion-result-legacy.json': [['not-a-subscription', '$']],
  'trial-conversions-list-legacy.json': [['not-a-subscription', 'items[0]']],
  'upgrade-eligibilities-legacy.json': [['not-a-subscription', 'items[0]']],
  'upgrade-result-legacy.json': [['not-a-subscription', '$']],
};

/** How one in-scope record is read and explained, by hand. */
interface Reading {
  readonly program: string;
  readonly status: string;
  readonly term: string;
  readonly billing: string;
  readonly autoRenew: boolean;
  /** The current term's start instant (`null`: unknown), and its first and last UTC days. */
  readonly termStartedAt: number | null;
  readonly termStartDay: number;
  readonly termEndDay: number;
  /** The adapter's notes, as code@field, in order. */
  readonly notes: readonly string[];
  /** The instant explained at, and the cancel action's answer then. */
  readonly now: string;
  readonly cancel: { outcome: string; until: number | null; source: 'reported' | 'computed' };
  /** Reported refunds still open at `now`: type and end. */
  readonly refunds: readonly (readonly [string, number])[];
}

// Marketplace SaaS examples (offer DZH318Z0BXWC…, isMicrosoftProduct false, no productType): the
// legacy marketplace program (traditional-saas, C4: 24 h from the order). Ordered 2019-01-04T01:00:12.66Z,
// activated 2019-01-09T00:21:45.926Z — 5 days later, within the first month: the activation starts
// the first term (not a renewal). commitmentEndDate 2019-02-08 is exclusive in legacy: last day 02-07.
// refundOptions Full until 2019-01-10T00:21:45.926Z (activation + 24 h) disagrees with C4's
// order + 24 h = 2019-01-05T01:00:12.664Z: a REPORTED_DIFFERS warning; the reported refund is listed.
const MARKETPLACE = {
  program: 'traditional-saas',
  term: 'P1M',
  billing: 'monthly',
  termStartedAt: at('2019-01-09T00:21:45.926Z'),
  termStartDay: dayNumber('2019-01-09'),
  termEndDay: dayNumber('2019-02-07'),
  now: '2019-01-09T12:00:00Z',
  refunds: [['full', at('2019-01-10T00:21:45.926Z')]],
} as const;

// The new-commerce Business Basic examples (CFQ7TTC0LH18, P1Y billed monthly): bought
// 2021-01-14T16:57:15.096Z (effectiveStartDate 0.6 s earlier: the first term), ending 2022-01-13
// (inclusive). refundOptions Full until 2021-01-15T00:00:00Z; the rules' full refund (C15: 24 h
// from the purchase) ends 2021-01-15T16:57:15.096Z: REPORTED_DIFFERS. Explained on 2021-01-14T20:00Z:
// cancel until purchase + 168 h = 2021-01-21T16:57:15.096Z (C1, computed: no cancellationAllowedUntilDate).
const NCE_BASIC = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  termStartedAt: at('2021-01-14T16:57:15.096Z'),
  termStartDay: dayNumber('2021-01-14'),
  termEndDay: dayNumber('2022-01-13'),
  now: '2021-01-14T20:00:00Z',
  refunds: [['full', at('2021-01-15T00:00:00Z')]],
} as const;
const BATCH_10 = 'SEAT_BATCH_ADDED_AT_INFERRED@refundableQuantity.details[0].allowedUntilDateTime';
const FULL_DIFFERS = 'REPORTED_DIFFERS@refundOptions[0].expiresAt';

const READ: Readonly<Record<string, Reading>> = {
  'autorenew-off-marketplace-response.json': {
    ...MARKETPLACE,
    status: 'active',
    autoRenew: false,
    notes: ['SAAS_ACTIVATION@effectiveStartDate', FULL_DIFFERS],
    // C4's window (order + 24 h) has closed; the legacy program then cancels at renewal.
    cancel: { outcome: 'at-renewal', until: null, source: 'computed' },
  },
  'cancel-nce-marketplace-response-deleted.json': {
    ...MARKETPLACE,
    status: 'deleted',
    autoRenew: false,
    notes: ['SAAS_ACTIVATION@effectiveStartDate', FULL_DIFFERS],
    // P7: deleted is terminal.
    cancel: { outcome: 'never', until: null, source: 'computed' },
  },
  'scheduled-changes-response.json': {
    ...MARKETPLACE,
    status: 'active',
    autoRenew: true,
    notes: [
      'SAAS_ACTIVATION@effectiveStartDate',
      // customTermEndDate "2019-01-09T00:21:45.9263727" has no offset: read as UTC.
      'OFFSETLESS_AS_UTC@scheduledNextTermInstructions.customTermEndDate',
      // The next term moves to DG7GMGF0DVSV:000P, another product.
      'SCHEDULED_PRODUCT_UNNAMED@scheduledNextTermInstructions.product.skuId',
      FULL_DIFFERS,
    ],
    cancel: { outcome: 'at-renewal', until: null, source: 'computed' },
  },
  'scheduled-changes-response-2021.json': {
    ...MARKETPLACE,
    status: 'active',
    autoRenew: true,
    notes: [
      'SAAS_ACTIVATION@effectiveStartDate',
      'SCHEDULED_PRODUCT_UNNAMED@scheduledNextTermInstructions.product.skuId',
      FULL_DIFFERS,
    ],
    cancel: { outcome: 'at-renewal', until: null, source: 'computed' },
  },
  'change-quantity-nce-response.json': {
    ...NCE_BASIC,
    status: 'active',
    autoRenew: true,
    notes: [BATCH_10, FULL_DIFFERS],
    cancel: { outcome: 'now', until: at('2021-01-21T16:57:15.096Z'), source: 'computed' },
  },
  'get-by-id-nce-expired.json': {
    ...NCE_BASIC,
    status: 'expired',
    autoRenew: false,
    notes: [BATCH_10, FULL_DIFFERS],
    // P7 family: an expired subscription is not cancellable.
    cancel: { outcome: 'never', until: null, source: 'computed' },
  },
  'update-request-nce-friendlyname.json': {
    ...NCE_BASIC,
    status: 'active',
    autoRenew: true,
    notes: ['SEAT_BATCHES_UNKNOWN@refundableQuantity', FULL_DIFFERS],
    cancel: { outcome: 'now', until: at('2021-01-21T16:57:15.096Z'), source: 'computed' },
  },
  // New-commerce software, SQL Server 3 years billed triennially, bought 2021-10-15T21:28:19.305Z.
  // cancellationAllowedUntilDate 2021-11-14T23:59:00Z (30 days, day-granular) disagrees with C16's
  // 7 days (2021-10-22T21:28:19.305Z): a warning, and on 2021-10-25 the reported deadline decides.
  'customer-subscriptions-software-triennial.json': {
    program: 'nce-software',
    status: 'active',
    term: 'P3Y',
    billing: 'triennial',
    autoRenew: true,
    termStartedAt: at('2021-10-15T21:28:19.305Z'),
    termStartDay: dayNumber('2021-10-15'),
    termEndDay: dayNumber('2024-10-14'),
    notes: ['RETURNABLE_UNKNOWN@isReturnable', 'REPORTED_DIFFERS@cancellationAllowedUntilDate'],
    now: '2021-10-25T00:00:00Z',
    cancel: { outcome: 'now', until: at('2021-11-14T23:59:00Z'), source: 'reported' },
    refunds: [],
  },
  // Windows Server RDS CAL 3 years, bought 2021-09-14T16:44:14.121Z; cancellationAllowedUntilDate
  // 2021-10-14T23:59:00Z (30 days) against C16's 7 days; a scheduled change to annual billing.
  'software-billing-frequency-scheduled-response.json': {
    program: 'nce-software',
    status: 'active',
    term: 'P3Y',
    billing: 'triennial',
    autoRenew: true,
    termStartedAt: at('2021-09-14T16:44:14.121Z'),
    termStartDay: dayNumber('2021-09-14'),
    termEndDay: dayNumber('2024-09-13'),
    notes: ['RETURNABLE_UNKNOWN@isReturnable', 'REPORTED_DIFFERS@cancellationAllowedUntilDate'],
    now: '2021-10-14T23:58:59.999Z',
    cancel: { outcome: 'now', until: at('2021-10-14T23:59:00Z'), source: 'reported' },
    refunds: [],
  },
};

const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('the corpus: every published example is read or classified (README table)', () => {
  it('every .json file is in exactly one table, and every table row is a file', () => {
    const tabled = [...Object.keys(SKIPPED), ...Object.keys(READ)].sort();
    expect(tabled).toEqual([...FILES].sort());
  });

  it.each(Object.entries(SKIPPED))('%s: classified with its reason, never read as a fact', (file, expected) => {
    const records = corpusRecords(file);
    expect(records.map((r) => (r.ok ? ['read', ''] : [r.reason, r.error.field]))).toEqual(expected);
  });

  it.each(Object.entries(READ))('%s: read, and explained as written by hand', (file, r) => {
    const [record] = corpusRecords(file);
    expect(record?.ok).toBe(true);
    if (record === undefined || !record.ok) return;
    const s = record.subscription;
    expect({
      program: s.program,
      status: s.status,
      term: s.term,
      billing: s.billing,
      autoRenew: s.autoRenew,
      termStartedAt: s.termStartedAt,
      termStartDay: s.termStartDay,
      termEndDay: s.termEndDay,
      notes: record.notes.map((n) => `${n.code}@${n.field}`),
    }).toEqual({
      program: r.program,
      status: r.status,
      term: r.term,
      billing: r.billing,
      autoRenew: r.autoRenew,
      termStartedAt: r.termStartedAt,
      termStartDay: r.termStartDay,
      termEndDay: r.termEndDay,
      notes: r.notes,
    });
    const e = explainPartnerCenter(record, { now: r.now });
    const cancel = e.actions[0];
    expect({
      outcome: cancel?.outcome,
      until: cancel?.outcome === 'now' ? cancel.until : null,
      source: cancel?.source,
    }).toEqual(r.cancel);
    expect(e.refunds.map((x) => [x.type, x.until])).toEqual(r.refunds);
  });
});
