/**
 * Subscriptions several suites start from, written out by hand (no value here comes from src).
 */
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';

/**
 * 10 seats of an annual new-commerce license billed monthly, bought 2024-01-15T09:30:00Z:
 * term 2024-01-15 … 2025-01-14, renewal day 2025-01-15, C1 window until 2024-01-22T09:30:00Z.
 */
export const nceAnnual: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:00Z',
};

/**
 * Our own record of the partner-center.md subscription, shared by the reconcile tests: 10 seats at
 * purchase (window closed since 2024-01-22T09:30:12Z) and 5 on 2024-03-10 (open until
 * 2024-03-17T14:02:45Z; nce-license windows are 7 × 24 h from each addition, T3).
 */
export const ours: SubscriptionInput = {
  id: '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
  termEndDate: '2025-01-14',
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
    { quantity: 5, addedAt: '2024-03-10T14:02:45Z' },
  ],
};
