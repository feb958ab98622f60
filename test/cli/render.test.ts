import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPartnerCenter } from '../../src/partner-center/fromPartnerCenter.js';
import { renderDetail, renderSummary, type Explained } from '../../src/cli/render.js';
import { run } from '../../src/cli/run.js';
import { explain } from '../../src/explain/explain.js';
import type { ActionExplanation } from '../../src/explain/actions.js';
import type { Deadline } from '../../src/explain/deadlines.js';
import { memoryIo } from '../support/memoryIo.js';

// The text output of `csp-rules explain` (src/cli/render.ts), asserted whole: padding, labels,
// the optional zone column, the per-batch lines, the timeline and the notes.
//
// Worked out by hand for every table: columns are as wide as their widest cell and two spaces
// apart; the ACTION column is 25 wide ('moveToExtendedServiceTerm'), OUTCOME 10 ('at-renewal') or 7
// when no action is at renewal ('OUTCOME'), a UTC instant 23 ('2024-03-17 14:02:45 UTC'), a zoned
// instant 26 ('2025-01-15 01:00:00 +01:00') unless the header is wider ('UNTIL / OPENS (Asia/Tokyo)'
// 26, '(Europe/Berlin)' 29, '(America/New_York)' 32); the last column (REASON) is never padded.
// Durations from now = 2024-03-12 12:00:00Z: to 2024-03-17 14:02:45 = 5 d 2 h 2 min 45 s → "5 d 2 h";
// to 2025-01-15 00:00 = 308 d 12 h (2024 is a leap year: 19 d left in March + 289 d to Jan 15);
// to 2024-03-13 08:15 = 20 h 15 min; to 2024-03-15 00:00 = 2 d 12 h; to 2024-03-15 03:12:44 = 2 d 15 h;
// to 2024-04-08 00:00 = 26 d 12 h; to 2024-06-01 00:00 = 80 d 12 h; to 2024-03-18 00:00 = 5 d 12 h.
// Rules: now (2024-03-12) is under the baseline, 2023-10-19; so is every term end before 2024-07-01
// (2024-03-18, 2024-04-08, 2024-06-01); 2025-01-15 is under 2024-07-01. The end-of-term choice
// (R6) is offered from 2026-02-16, after every term end here: cancelAtTermEnd and
// moveToExtendedServiceTerm are never (CHOICE_NOT_OFFERED, no opening), or NOT_ACTIVE (R6) for a
// suspended or expired subscription.
const NOW = '2024-03-12T12:00:00Z';
const example = (name: string): string => readFileSync(join('examples', `${name}.json`), 'utf8');
const text = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** Runs the CLI in process on `files`; returns the exit code, what was printed, and stderr. */
function cli(files: Record<string, string>, argv: readonly string[]): { code: number; out: string[]; err: string[] } {
  const io = memoryIo(files);
  const code = run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('T5 C12 Q4 renderDetail: one table per subscription', () => {
  it('Q4 C1 annual with two seat batches, zoned (Europe/Berlin, +01:00 in January and March)', () => {
    const r = cli({ 'annual.json': example('annual-two-batches') }, [
      'explain',
      'annual.json',
      '--now',
      NOW,
      '--tz',
      'Europe/Berlin',
    ]);
    expect(r).toEqual({
      code: 0,
      err: [],
      out: [
        text(
          'annual.json: 4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11  Microsoft 365 Business Basic',
          '  nce-license · P1Y billed monthly · 18 seats · active · auto-renew on · alert: lock-in-soon',
          '  now 2024-03-12 12:00:00 UTC (2024-03-12 13:00:00 +01:00 Europe/Berlin) · rules of 2023-10-19',
          '  at the term end (2025-01-15 00:00:00 UTC): renews (R2; rules of 2024-07-01)',
          '',
          '  ACTION                     OUTCOME     UNTIL / OPENS (UTC)      UNTIL / OPENS (Europe/Berlin)  WHEN                  REASON',
          '  cancel                     at-renewal  2025-01-15 00:00:00 UTC  2025-01-15 01:00:00 +01:00     opens in 308 d 12 h   WINDOW_CLOSED (C1) [assumed RENEWAL_COMPLETION_ASSUMED_EARLIEST]',
          '  reduceSeats                now         2024-03-17 14:02:45 UTC  2024-03-17 15:02:45 +01:00     closes in 5 d 2 h     WITHIN_WINDOW (Q2) [reported refundableQuantity.details]',
          '  addSeats                   now         —                        —                              no deadline           ALLOWED (Q1)',
          '  changeBillingFrequency     at-renewal  —                        —                              —                     UPFRONT_NOT_ALLOWED_MIDTERM (S1)',
          '  changeTerm                 at-renewal  —                        —                              —                     TERM_NOT_LONGER (S1)',
          '  upgrade                    now         —                        —                              no deadline           ELIGIBLE_FOR_UPGRADE (U8) [warning UPGRADE_NOT_CANCELLABLE]',
          '  convertTrial               never       —                        —                              —                     NOT_A_TRIAL (TR3)',
          '  suspend                    now         2025-01-15 00:00:00 UTC  2025-01-15 01:00:00 +01:00     closes in 308 d 12 h  ALLOWED (P1) [warning ACCESS_BLOCKED; warning AUTO_RENEW_TURNED_OFF]',
          '  reactivate                 never       —                        —                              —                     NOT_SUSPENDED (P3)',
          '  turnAutoRenewOn            never       —                        —                              —                     NO_CHANGE (R1)',
          '  turnAutoRenewOff           now         2025-01-15 00:00:00 UTC  2025-01-15 01:00:00 +01:00     closes in 308 d 12 h  ALLOWED (R5) [warning AUTO_RENEW_TURNED_OFF]',
          '  cancelAtTermEnd            never       —                        —                              —                     CHOICE_NOT_OFFERED (R6)',
          '  moveToExtendedServiceTerm  never       —                        —                              —                     CHOICE_NOT_OFFERED (R6)',
          '  scheduleChange             now         2025-01-15 00:00:00 UTC  2025-01-15 01:00:00 +01:00     closes in 308 d 12 h  ALLOWED (S2)',
          '',
          '  seats: 5 added 2024-03-06 08:15:00 UTC reducible until 2024-03-13 08:15:00 UTC (closes in 20 h 15 min)',
          '  seats: 3 added 2024-03-10 14:02:45 UTC reducible until 2024-03-17 14:02:45 UTC (closes in 5 d 2 h)',
          '',
          '  timeline (UTC): 2024-01-15 09:30 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-03-13 08:15 reduceSeats (5 seats) closes ─ 2024-03-17 14:02 reduceSeats (3 seats) closes ─ 2025-01-15 00:00 term ends / renewal starts ─ 2025-01-16 00:00 renewed by',
          '  note: refundableQuantity.details[0].allowedUntilDateTime: added at 2024-03-06T08:15:00.000Z = allowedUntilDateTime − 168 h (Q2) [inferred]',
          '  note: refundableQuantity.details[1].allowedUntilDateTime: added at 2024-03-10T14:02:45.000Z = allowedUntilDateTime − 168 h (Q2) [inferred]',
        ),
      ],
    });
  });

  it('R3 C1 monthly just renewed at 00:00Z: the completion inferred from the reported cancellationAllowedUntilDate (03:12:44Z − 168 h), the cancel deadline reported, no assumption left; one batch → no batch lines (Asia/Tokyo, +09:00)', () => {
    const r = cli({ 'm.json': example('monthly-just-renewed') }, [
      'explain',
      'm.json',
      '--now',
      NOW,
      '--tz',
      'Asia/Tokyo',
    ]);
    expect(r).toEqual({
      code: 0,
      err: [],
      out: [
        text(
          'm.json: 9e2f7a10-3b6c-4d8e-b1f2-5a6c7d8e9f01  Microsoft 365 Business Standard',
          '  nce-license · P1M billed monthly · 20 seats · active · auto-renew on · alert: lock-in-soon',
          '  now 2024-03-12 12:00:00 UTC (2024-03-12 21:00:00 +09:00 Asia/Tokyo) · rules of 2023-10-19',
          '  at the term end (2024-04-08 00:00:00 UTC): renews (R2; rules of 2023-10-19)',
          '',
          '  ACTION                     OUTCOME     UNTIL / OPENS (UTC)      UNTIL / OPENS (Asia/Tokyo)  WHEN                 REASON',
          '  cancel                     now         2024-03-15 03:12:44 UTC  2024-03-15 12:12:44 +09:00  closes in 2 d 15 h   WITHIN_WINDOW (C1) [reported cancellationAllowedUntilDate]',
          '  reduceSeats                now         2024-03-15 03:12:44 UTC  2024-03-15 12:12:44 +09:00  closes in 2 d 15 h   WITHIN_WINDOW (Q2) [reported refundableQuantity.details; assumed ONE_SEAT_KEPT]',
          '  addSeats                   now         —                        —                           no deadline          ALLOWED (Q1)',
          '  changeBillingFrequency     at-renewal  —                        —                           —                    NOT_A_PLAN (S1)',
          '  changeTerm                 now         —                        —                           no deadline          IMMEDIATE (B3) [assumed OFFERED_TERMS_ASSUMED]',
          '  upgrade                    now         —                        —                           no deadline          ELIGIBLE_FOR_UPGRADE (U8) [warning UPGRADE_NOT_CANCELLABLE]',
          '  convertTrial               never       —                        —                           —                    NOT_A_TRIAL (TR3)',
          '  suspend                    now         2024-04-08 00:00:00 UTC  2024-04-08 09:00:00 +09:00  closes in 26 d 12 h  ALLOWED (P1) [warning ACCESS_BLOCKED; warning AUTO_RENEW_TURNED_OFF]',
          '  reactivate                 never       —                        —                           —                    NOT_SUSPENDED (P3)',
          '  turnAutoRenewOn            never       —                        —                           —                    NO_CHANGE (R1)',
          '  turnAutoRenewOff           now         2024-04-08 00:00:00 UTC  2024-04-08 09:00:00 +09:00  closes in 26 d 12 h  ALLOWED (R5) [warning AUTO_RENEW_TURNED_OFF]',
          '  cancelAtTermEnd            never       —                        —                           —                    CHOICE_NOT_OFFERED (R6)',
          '  moveToExtendedServiceTerm  never       —                        —                           —                    CHOICE_NOT_OFFERED (R6)',
          '  scheduleChange             now         2024-04-08 00:00:00 UTC  2024-04-08 09:00:00 +09:00  closes in 26 d 12 h  ALLOWED (S2)',
          // refundOptions: Partial until 03:12:44Z; the rules' full refund (24 h from the completion 2024-03-08T03:12:44Z) ended 2024-03-09T03:12:44Z.
          '  refund: partial until 2024-03-15 03:12:44 UTC (closes in 2 d 15 h) — reported by refundOptions; computed full refund until 2024-03-09 03:12:44 UTC',
          '',
          '  timeline (UTC): 2023-11-08 16:45 purchase ─ 2024-03-08 03:12 term start ─ 2024-03-12 12:00 ▶ now ─ 2024-03-15 03:12 cancel closes / reduceSeats (20 seats) closes ─ 2024-04-08 00:00 term ends / renewal starts ─ 2024-04-09 00:00 renewed by',
          '  note: cancellationAllowedUntilDate: renewal completed at 2024-03-08T03:12:44.000Z = cancellationAllowedUntilDate − 168 h (C1, R3) [inferred]',
          '  note: refundableQuantity.details[0].allowedUntilDateTime: added at 2024-03-08T03:12:44.000Z = allowedUntilDateTime − 168 h (Q2) [inferred]',
        ),
      ],
    });
  });

  it('R3 a renewal with a known completion instant: "term start", not assumed; windows closing at the same instant share a slot', () => {
    const json = { ...JSON.parse(example('monthly-just-renewed')), effectiveStartDate: '2024-03-08T03:12:44Z' };
    const r = cli({ 'r.json': JSON.stringify(json) }, ['explain', 'r.json', '--now', NOW]);
    expect(r).toEqual({
      code: 0,
      err: [],
      out: [
        text(
          'r.json: 9e2f7a10-3b6c-4d8e-b1f2-5a6c7d8e9f01  Microsoft 365 Business Standard',
          '  nce-license · P1M billed monthly · 20 seats · active · auto-renew on · alert: lock-in-soon',
          '  now 2024-03-12 12:00:00 UTC · rules of 2023-10-19',
          '  at the term end (2024-04-08 00:00:00 UTC): renews (R2; rules of 2023-10-19)',
          '',
          '  ACTION                     OUTCOME     UNTIL / OPENS (UTC)      WHEN                 REASON',
          '  cancel                     now         2024-03-15 03:12:44 UTC  closes in 2 d 15 h   WITHIN_WINDOW (C1) [reported cancellationAllowedUntilDate]',
          '  reduceSeats                now         2024-03-15 03:12:44 UTC  closes in 2 d 15 h   WITHIN_WINDOW (Q2) [reported refundableQuantity.details; assumed ONE_SEAT_KEPT]',
          '  addSeats                   now         —                        no deadline          ALLOWED (Q1)',
          '  changeBillingFrequency     at-renewal  —                        —                    NOT_A_PLAN (S1)',
          '  changeTerm                 now         —                        no deadline          IMMEDIATE (B3) [assumed OFFERED_TERMS_ASSUMED]',
          '  upgrade                    now         —                        no deadline          ELIGIBLE_FOR_UPGRADE (U8) [warning UPGRADE_NOT_CANCELLABLE]',
          '  convertTrial               never       —                        —                    NOT_A_TRIAL (TR3)',
          '  suspend                    now         2024-04-08 00:00:00 UTC  closes in 26 d 12 h  ALLOWED (P1) [warning ACCESS_BLOCKED; warning AUTO_RENEW_TURNED_OFF]',
          '  reactivate                 never       —                        —                    NOT_SUSPENDED (P3)',
          '  turnAutoRenewOn            never       —                        —                    NO_CHANGE (R1)',
          '  turnAutoRenewOff           now         2024-04-08 00:00:00 UTC  closes in 26 d 12 h  ALLOWED (R5) [warning AUTO_RENEW_TURNED_OFF]',
          '  cancelAtTermEnd            never       —                        —                    CHOICE_NOT_OFFERED (R6)',
          '  moveToExtendedServiceTerm  never       —                        —                    CHOICE_NOT_OFFERED (R6)',
          '  scheduleChange             now         2024-04-08 00:00:00 UTC  closes in 26 d 12 h  ALLOWED (S2)',
          '  refund: partial until 2024-03-15 03:12:44 UTC (closes in 2 d 15 h) — reported by refundOptions; computed full refund until 2024-03-09 03:12:44 UTC',
          '',
          '  timeline (UTC): 2023-11-08 16:45 purchase ─ 2024-03-08 03:12 term start ─ 2024-03-12 12:00 ▶ now ─ 2024-03-15 03:12 cancel closes / reduceSeats (20 seats) closes ─ 2024-04-08 00:00 term ends / renewal starts ─ 2024-04-09 00:00 renewed by',
          '  note: refundableQuantity.details[0].allowedUntilDateTime: added at 2024-03-08T03:12:44.000Z = allowedUntilDateTime − 168 h (Q2) [inferred]',
        ),
      ],
    });
  });

  it('P7 no id, no offer name, 1 seat, expired, auto-renew off: "(no id)", "1 seat", no renewal on the timeline, no notes', () => {
    const json = {
      ...JSON.parse(example('suspended')),
      id: undefined,
      offerName: undefined,
      quantity: 1,
      status: 'expired',
    };
    const r = cli({ 'b.json': JSON.stringify(json) }, ['explain', 'b.json', '--now', NOW]);
    expect(r).toEqual({
      code: 0,
      err: [],
      out: [
        text(
          'b.json: (no id)',
          '  nce-license · P1Y billed monthly · 1 seat · expired · auto-renew off · alert: locked',
          '  now 2024-03-12 12:00:00 UTC · rules of 2023-10-19',
          '  at the term end (2024-06-01 00:00:00 UTC): nothing (not active) (P7; rules of 2023-10-19)',
          '',
          '  ACTION                     OUTCOME  UNTIL / OPENS (UTC)  WHEN  REASON',
          '  cancel                     never    —                    —     NOT_ACTIVE (P7)',
          '  reduceSeats                never    —                    —     NOT_ACTIVE (Q10)',
          '  addSeats                   never    —                    —     NOT_ACTIVE (Q10)',
          '  changeBillingFrequency     never    —                    —     NOT_ACTIVE (B2)',
          '  changeTerm                 never    —                    —     NOT_ACTIVE (B3)',
          '  upgrade                    never    —                    —     NOT_ACTIVE (U1)',
          '  convertTrial               never    —                    —     NOT_A_TRIAL (TR3)',
          '  suspend                    never    —                    —     NOT_ACTIVE (P1)',
          '  reactivate                 never    —                    —     NOT_SUSPENDED (P3)',
          '  turnAutoRenewOn            never    —                    —     NOT_ACTIVE (P7)',
          '  turnAutoRenewOff           never    —                    —     NOT_ACTIVE (P7)',
          '  cancelAtTermEnd            never    —                    —     NOT_ACTIVE (R6)',
          '  moveToExtendedServiceTerm  never    —                    —     NOT_ACTIVE (R6)',
          '  scheduleChange             never    —                    —     NOT_ACTIVE (S2)',
          '',
          '  timeline (UTC): 2023-06-01 08:00 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-06-01 00:00 term ends',
        ),
      ],
    });
  });
});

describe('T5 renderSummary: one line per subscription, then (--detail) each table', () => {
  it('a single file and a list: labels file and file[i], the trial marked, the next deadline; --detail prints each table after a blank line', () => {
    const files = {
      's.json': example('suspended'),
      'l.json': JSON.stringify({ totalCount: 1, items: [JSON.parse(example('trial'))] }),
    };
    const r = cli(files, ['explain', 's.json', 'l.json', '--now', NOW, '--detail', '--tz', 'America/New_York']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      text(
        'SUBSCRIPTION  ID                                    OFFER                                     PROGRAM      STATUS          ALERT          NEXT DEADLINE',
        's.json        0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3  Dynamics 365 Business Central Essentials  nce-license  suspended       locked         reactivate closes in 80 d 12 h (2024-06-01 00:00:00 UTC)',
        'l.json[0]     b7d1c2e3-0f4a-4b5c-8d6e-7f8091a2b3c4  Microsoft 365 Business Premium Trial      nce-license  active (trial)  renewing-soon  convertTrial closes in 5 d 12 h (2024-03-18 00:00:00 UTC)',
      ),
      `\n${text(
        's.json: 0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3  Dynamics 365 Business Central Essentials',
        '  nce-license · P1Y billed monthly · 4 seats · suspended · auto-renew off · alert: locked',
        '  now 2024-03-12 12:00:00 UTC (2024-03-12 08:00:00 -04:00 America/New_York) · rules of 2023-10-19',
        '  at the term end (2024-06-01 00:00:00 UTC): nothing (not active) (P7; rules of 2023-10-19)',
        '',
        '  ACTION                     OUTCOME  UNTIL / OPENS (UTC)      UNTIL / OPENS (America/New_York)  WHEN                 REASON',
        '  cancel                     never    —                        —                                 —                    WINDOW_CLOSED (C1)',
        '  reduceSeats                never    —                        —                                 —                    NOT_ACTIVE (Q10)',
        '  addSeats                   never    —                        —                                 —                    NOT_ACTIVE (Q10)',
        '  changeBillingFrequency     never    —                        —                                 —                    NOT_ACTIVE (B2)',
        '  changeTerm                 never    —                        —                                 —                    NOT_ACTIVE (B3)',
        '  upgrade                    never    —                        —                                 —                    NOT_ACTIVE (U1)',
        '  convertTrial               never    —                        —                                 —                    NOT_A_TRIAL (TR3)',
        '  suspend                    never    —                        —                                 —                    NOT_ACTIVE (P1)',
        '  reactivate                 now      2024-06-01 00:00:00 UTC  2024-05-31 20:00:00 -04:00        closes in 80 d 12 h  ALLOWED (P3) [warning AUTO_RENEW_OFF]',
        '  turnAutoRenewOn            never    —                        —                                 —                    NOT_ACTIVE (P2)',
        '  turnAutoRenewOff           never    —                        —                                 —                    NOT_ACTIVE (P2)',
        '  cancelAtTermEnd            never    —                        —                                 —                    NOT_ACTIVE (R6)',
        '  moveToExtendedServiceTerm  never    —                        —                                 —                    NOT_ACTIVE (R6)',
        '  scheduleChange             never    —                        —                                 —                    NOT_ACTIVE (S2)',
        '',
        '  timeline (UTC): 2023-06-01 08:00 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-06-01 00:00 term ends',
      )}`,
      `\n${text(
        'l.json[0]: b7d1c2e3-0f4a-4b5c-8d6e-7f8091a2b3c4  Microsoft 365 Business Premium Trial',
        '  nce-license · trial · P1M billed monthly · 25 seats · active · auto-renew on · alert: renewing-soon',
        '  now 2024-03-12 12:00:00 UTC (2024-03-12 08:00:00 -04:00 America/New_York) · rules of 2023-10-19',
        '  at the term end (2024-03-18 00:00:00 UTC): the trial converts to paid (TR2; rules of 2023-10-19)',
        '',
        '  ACTION                     OUTCOME     UNTIL / OPENS (UTC)      UNTIL / OPENS (America/New_York)  WHEN                REASON',
        '  cancel                     never       —                        —                                 —                   TRIAL_STATUS_LOCKED (C9)',
        '  reduceSeats                never       —                        —                                 —                   TRIAL_QUANTITY_LOCKED (Q7)',
        '  addSeats                   never       —                        —                                 —                   TRIAL_QUANTITY_LOCKED (Q7)',
        '  changeBillingFrequency     at-renewal  —                        —                                 —                   TRIAL_PLAN_LOCKED (S1)',
        '  changeTerm                 at-renewal  —                        —                                 —                   TRIAL_PLAN_LOCKED (S1)',
        '  upgrade                    never       —                        —                                 —                   TRIAL_USE_CONVERSION (U1)',
        '  convertTrial               now         2024-03-18 00:00:00 UTC  2024-03-17 20:00:00 -04:00        closes in 5 d 12 h  CONVERT_NOW (TR4) [warning SCHEDULED_CHANGES_REMOVED]',
        '  suspend                    never       —                        —                                 —                   TRIAL_STATUS_LOCKED (TR8)',
        '  reactivate                 never       —                        —                                 —                   TRIAL_STATUS_LOCKED (TR8)',
        '  turnAutoRenewOn            never       —                        —                                 —                   NO_CHANGE (R1)',
        '  turnAutoRenewOff           now         2024-03-18 00:00:00 UTC  2024-03-17 20:00:00 -04:00        closes in 5 d 12 h  ALLOWED (R5) [warning AUTO_RENEW_TURNED_OFF; warning SCHEDULED_CHANGES_DELETED]',
        '  cancelAtTermEnd            never       —                        —                                 —                   CHOICE_NOT_OFFERED (R6)',
        '  moveToExtendedServiceTerm  never       —                        —                                 —                   CHOICE_NOT_OFFERED (R6)',
        '  scheduleChange             now         2024-03-18 00:00:00 UTC  2024-03-17 20:00:00 -04:00        closes in 5 d 12 h  ALLOWED (S2)',
        '',
        '  timeline (UTC): 2024-02-17 10:05 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-03-18 00:00 term ends',
        '  note: billingCycle: a trial is not billed; monthly is a placeholder (TR2: converts to monthly billing by default) [defaulted]',
        '  note: refundableQuantity: absent: seat batches unknown; seat decisions assume SEAT_BATCHES_ASSUMED [unknown]',
        '  note: scheduledNextTermInstructions.product.skuId: next term moves to CFQ7TTC0LCHC:0002; its offer name is not in the resource [unknown]',
      )}`,
    ]);
  });

  it('without an id, an offer name or any deadline: dashes', () => {
    const bare = {
      ...JSON.parse(example('suspended')),
      id: undefined,
      offerName: undefined,
      quantity: 1,
      status: 'expired',
    };
    const files = {
      'a.json': example('annual-two-batches'),
      'l.json': JSON.stringify([JSON.parse(example('trial')), bare]),
    };
    const r = cli(files, ['explain', 'a.json', 'l.json', '--now', NOW]);
    expect(r).toEqual({
      code: 0,
      err: [],
      out: [
        text(
          'SUBSCRIPTION  ID                                    OFFER                                 PROGRAM      STATUS          ALERT          NEXT DEADLINE',
          // C12 Q4: the first window to close — the 5 seats' batch, in 20 h 15 min — not the last batch's.
          'a.json        4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11  Microsoft 365 Business Basic          nce-license  active          lock-in-soon   reduceSeats (5 seats) closes in 20 h 15 min (2024-03-13 08:15:00 UTC)',
          'l.json[0]     b7d1c2e3-0f4a-4b5c-8d6e-7f8091a2b3c4  Microsoft 365 Business Premium Trial  nce-license  active (trial)  renewing-soon  convertTrial closes in 5 d 12 h (2024-03-18 00:00:00 UTC)',
          'l.json[1]     —                                     —                                     nce-license  expired         locked         —',
        ),
      ],
    });
  });

  it('an empty list: the header only', () => {
    expect(cli({ 'l.json': '[]' }, ['explain', 'l.json', '--now', NOW])).toEqual({
      code: 0,
      err: [],
      out: ['SUBSCRIPTION  ID  OFFER  PROGRAM  STATUS  ALERT  NEXT DEADLINE\n'],
    });
  });
});

describe('renderDetail / renderSummary on a hand-made explanation', () => {
  const H = 3_600_000;
  const now = Date.parse(NOW); // 2024-03-12 12:00:00Z
  const read = fromPartnerCenter(JSON.parse(example('suspended')));
  const real = explain(read.subscription, { now });
  const action = (
    a: Partial<ActionExplanation> & Pick<ActionExplanation, 'action' | 'outcome'>,
  ): ActionExplanation => ({
    until: null,
    opensAt: null,
    reason: 'ALLOWED',
    rule: 'C1',
    // Asked 2024-03-12: the baseline rules.
    policyVersion: '2023-10-19',
    warnings: [],
    assumptions: [],
    batches: [],
    ...a,
  });
  /** One deadline of explain's sorted list, written by hand. */
  const dl = (
    at: number,
    kind: Deadline['kind'],
    act: Deadline['action'],
    quantity: number | null = null,
  ): Deadline => ({
    at,
    kind,
    action: act,
    rule: 'C1',
    quantity,
    status: null,
  });
  const item = (
    actions: readonly ActionExplanation[],
    patch: Partial<Explained> = {},
    deadlines: readonly Deadline[] = [],
  ): Explained => ({
    label: 'x.json',
    subscription: read.subscription,
    notes: [],
    explanation: {
      ...real,
      alert: 'none',
      // Written by hand (not the real explanation's): asked 2024-03-12, a suspended subscription
      // whose term ends 2024-06-01T00:00Z — nothing happens then (P7), under the baseline rules.
      policyVersion: '2023-10-19',
      endOfTerm: {
        outcome: 'none',
        rule: 'P7',
        at: Date.parse('2024-06-01T00:00:00Z'),
        chosen: false,
        policyVersion: '2023-10-19',
      },
      actions,
      deadlines,
      // purchase 2023-06-01 08:00Z, term ends 2024-06-01 00:00Z, no renewal (auto-renew off)
      timeline: {
        purchasedAt: Date.parse('2023-06-01T08:00:00Z'),
        windowStart: Date.parse('2023-06-01T08:00:00Z'),
        termEndsAt: Date.parse('2024-06-01T00:00:00Z'),
        renewalStartsAt: null,
        renewalCompletesBy: null,
      },
    },
    ...patch,
  });

  it("C12 the next deadline is the first window to close in explain's sorted deadlines; an opening is not a close", () => {
    const items = [
      item(
        [
          action({ action: 'suspend', outcome: 'now', until: now + 240 * H }), // 10 d
          action({ action: 'cancel', outcome: 'at-renewal', until: now + H, opensAt: now + 2 * H }),
          action({ action: 'addSeats', outcome: 'now', until: null }),
          action({ action: 'reduceSeats', outcome: 'now', until: now + 48 * H }), // 2 d: the earliest close
          action({ action: 'scheduleChange', outcome: 'now', until: now + 49 * H }),
        ],
        {},
        [
          dl(now + 2 * H, 'opens', 'cancel'),
          dl(now + 48 * H, 'closes', 'reduceSeats'),
          dl(now + 49 * H, 'closes', 'scheduleChange'),
          dl(now + 240 * H, 'closes', 'suspend'),
        ],
      ),
      item([], {
        label: 'y.json',
        subscription: { ...read.subscription, offerName: '📦 Box', id: 'b', trial: true, status: 'active' },
      }),
    ];
    // OFFER column: 'Dynamics 365 Business Central Essentials' is 40 characters; '📦 Box' counts 5 (one per code point).
    expect(renderSummary(items)).toBe(
      text(
        'SUBSCRIPTION  ID                                    OFFER                                     PROGRAM      STATUS          ALERT  NEXT DEADLINE',
        'x.json        0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3  Dynamics 365 Business Central Essentials  nce-license  suspended       none   reduceSeats closes in 2 d (2024-03-14 12:00:00 UTC)',
        'y.json        b                                     📦 Box                                     nce-license  active (trial)  none   —',
      ),
    );
  });

  it('Q4 C12: a seat batch\'s close names its seats: "reduceSeats (5 seats) closes in 20 h 15 min"; the term\'s own events are not a next deadline', () => {
    const it1 = item([], {}, [
      dl(now + 20 * H + 15 * 60_000, 'closes', 'reduceSeats', 5),
      dl(now + 98 * H, 'closes', 'reduceSeats', 3),
    ]);
    const it2 = item([], { label: 'z.json' }, [dl(now + H, 'term-ends', null), dl(now + 2 * H, 'stage', null)]);
    const lines = renderSummary([it1, it2]).split('\n');
    expect(lines[1]).toMatch(/ reduceSeats \(5 seats\) closes in 20 h 15 min \(2024-03-13 08:15:00 UTC\)$/);
    expect(lines[2]).toMatch(/ —$/);
  });

  it('the reason lists every assumption, then every warning; a single seat batch gets no batch line; notes keep their order', () => {
    const out = renderDetail(
      item(
        [
          action({
            action: 'cancel',
            outcome: 'now',
            until: now + 26 * H,
            reason: 'WITHIN_WINDOW',
            assumptions: ['A1', 'A2'] as never,
            warnings: ['W1'] as never,
          }),
          action({
            action: 'changeTerm',
            outcome: 'at-renewal',
            opensAt: now + 72 * H,
            reason: 'TERM_NOT_LONGER',
            rule: 'S1',
          }),
          action({
            action: 'reduceSeats',
            outcome: 'now',
            until: now + 30 * H,
            reason: 'WITHIN_WINDOW',
            rule: 'Q2',
            batches: [{ quantity: 2, addedAt: now - 138 * H, until: now + 30 * H }] as never,
          }),
        ],
        {
          notes: [
            { code: 'TERM_END_COMPUTED', field: 'b', kind: 'defaulted', message: 'second' },
            { code: 'AUTO_RENEW_DEFAULTED', field: 'a', kind: 'unknown', message: 'first' },
          ] as never,
        },
        // explain's deadlines for these actions: the two closes and the opening (not on the timeline).
        [
          dl(now + 26 * H, 'closes', 'cancel'),
          dl(now + 30 * H, 'closes', 'reduceSeats', 2),
          dl(now + 72 * H, 'opens', 'changeTerm'),
        ],
      ),
      { tz: 'UTC' },
    );
    // 26 h = 1 d 2 h; 72 h = 3 d; 30 h = 1 d 6 h. The term end (2024-06-01) is not a "closes" event of its own.
    expect(out).toBe(
      text(
        'x.json: 0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3  Dynamics 365 Business Central Essentials',
        '  nce-license · P1Y billed monthly · 4 seats · suspended · auto-renew off · alert: none',
        '  now 2024-03-12 12:00:00 UTC · rules of 2023-10-19',
        '  at the term end (2024-06-01 00:00:00 UTC): nothing (not active) (P7; rules of 2023-10-19)',
        '',
        '  ACTION       OUTCOME     UNTIL / OPENS (UTC)      WHEN               REASON',
        '  cancel       now         2024-03-13 14:00:00 UTC  closes in 1 d 2 h  WITHIN_WINDOW (C1) [assumed A1; assumed A2; warning W1]',
        '  changeTerm   at-renewal  2024-03-15 12:00:00 UTC  opens in 3 d       TERM_NOT_LONGER (S1)',
        '  reduceSeats  now         2024-03-13 18:00:00 UTC  closes in 1 d 6 h  WITHIN_WINDOW (Q2)',
        '',
        '  timeline (UTC): 2023-06-01 08:00 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-03-13 14:00 cancel closes ─ 2024-03-13 18:00 reduceSeats (2 seats) closes ─ 2024-06-01 00:00 term ends',
        '  note: b: second [defaulted]',
        '  note: a: first [unknown]',
      ),
    );
  });

  it('R3 a term start after the purchase is "(assumed)" only for a RENEWAL_COMPLETION_ASSUMED assumption; only closing deadlines are on the timeline, not one at the term end itself; no reduceSeats action → no batch lines', () => {
    const windowStart = Date.parse('2024-03-08T00:00:00Z');
    const explained = (assumption: string): Explained => {
      const base = item(
        [
          action({ action: 'cancel', outcome: 'now', until: now + 36 * H, assumptions: [assumption] as never }),
          // allowed but effective at renewal: has an `until`, yet nothing closes on the timeline for it
          action({
            action: 'suspend',
            outcome: 'at-renewal',
            until: now + 12 * H,
            opensAt: now + 24 * H,
            reason: 'X',
            rule: 'P1',
          }),
        ],
        {},
        // An opening, a close, and a close at the term end itself (shown by "term ends" alone).
        [
          dl(now + 24 * H, 'opens', 'suspend'),
          dl(now + 36 * H, 'closes', 'cancel'),
          dl(Date.parse('2024-06-01T00:00:00Z'), 'closes', 'scheduleChange'),
        ],
      );
      return { ...base, explanation: { ...base.explanation, timeline: { ...base.explanation.timeline, windowStart } } };
    };
    const timeline = (assumption: string): string | undefined =>
      renderDetail(explained(assumption), { tz: 'UTC' })
        .split('\n')
        .find((l) => l.startsWith('  timeline'));
    // 36 h after now = 2024-03-14 00:00Z
    expect(timeline('OTHER_ASSUMPTION')).toBe(
      '  timeline (UTC): 2023-06-01 08:00 purchase ─ 2024-03-08 00:00 term start ─ 2024-03-12 12:00 ▶ now ─ 2024-03-14 00:00 cancel closes ─ 2024-06-01 00:00 term ends',
    );
    expect(timeline('RENEWAL_COMPLETION_ASSUMED_LATEST')).toBe(
      '  timeline (UTC): 2023-06-01 08:00 purchase ─ 2024-03-08 00:00 term start (assumed) ─ 2024-03-12 12:00 ▶ now ─ 2024-03-14 00:00 cancel closes ─ 2024-06-01 00:00 term ends',
    );
    expect(renderDetail(explained('OTHER_ASSUMPTION'), { tz: 'UTC' })).not.toContain('seats:');
  });
});
