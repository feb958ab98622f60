/**
 * The facts of a new-commerce trial (TR1, TR2, MCS "Manage trials"): how many seats, how long,
 * and the plan it converts to by default. Data the snapshot, the decisions and the lifecycle share.
 */
import type { BillingFrequency, Term } from '../time/term.js';

/** TR1: a new-commerce trial comes with 25 seats. */
export const TRIAL_SEATS = 25;
/** TR1: a new-commerce trial lasts 30 days ("Trials last for 30 days"). */
export const TRIAL_DAYS = 30;
/** TR1, R1: auto-renew is on by default for trials. */
export const TRIAL_AUTO_RENEW_DEFAULT = true;
/** TR2: on conversion the term defaults to Annual … */
export const TRIAL_DEFAULT_TERM: Term = 'P1Y';
/** TR2: … and the billing frequency to Monthly. */
export const TRIAL_DEFAULT_BILLING: BillingFrequency = 'monthly';
