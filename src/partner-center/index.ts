/**
 * csp-subscription-rules/partner-center: reads Partner Center subscription resources into
 * snapshots (`fromPartnerCenter`, with notes on what was unknown, inferred or defaulted) and
 * compares a snapshot with the library's own record (`reconcile`).
 *
 * @packageDocumentation
 */
export { fromPartnerCenter, fromPartnerCenterList } from './fromPartnerCenter.js';
export type {
  FromPartnerCenterOptions,
  PartnerCenterSubscription,
  Note as PartnerCenterNote,
  NoteCode as PartnerCenterNoteCode,
} from './fromPartnerCenter.js';
export { reconcile } from './reconcile.js';
export type { Difference, ReconcileOptions, ReconciledBatch } from './reconcile.js';
