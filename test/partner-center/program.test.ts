/**
 * program.ts through fromPartnerCenter: program, term and billing read from productType,
 * isMicrosoftProduct, billingType, termDuration and billingCycle; whole results and whole errors.
 */
import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/partner-center/fromPartnerCenter.js';
import { withoutReported } from '../support/partnerCenter.js';
import { dayNumber } from '../support/time.js';
import { BATCH_NOTE, fault, ignoredNote, pc as example, snapshot } from '../support/partnerCenter.js';
import { caught } from '../support/caught.js';

const fromPartnerCenter = (...a: Parameters<typeof adapter.fromPartnerCenter>) =>
  withoutReported(adapter.fromPartnerCenter(...a));

/**
 * The example without its cancellationAllowedUntilDate: that deadline is a new-commerce license's
 * (7 days), which every other program's window would contradict (a REPORTED_DIFFERS note).
 */
const pc = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  example({ cancellationAllowedUntilDate: undefined, ...overrides });

/** A program without seat reduction reads no batches: the snapshot's default (none known). */
const NO_BATCHES = { seatBatches: [], seatBatchesKnown: false };

const RETURNABLE = {
  code: 'RETURNABLE_UNKNOWN',
  field: 'isReturnable',
  kind: 'unknown',
  message: 'not in the resource: taken as returnable (C7, C16)',
};

describe('Program choice (C1, C2, C4, C13, C14, C16): the productType table, whole results', () => {
  it('C1: OnlineServicesNCE with isMicrosoftProduct absent is nce-license (only false makes it ISV SaaS)', () => {
    expect(fromPartnerCenter(pc({ isMicrosoftProduct: undefined, productType: { id: 'onlineservicesnce' } }))).toEqual({
      subscription: snapshot(),
      notes: [BATCH_NOTE],
    });
  });

  it('C13: OnlineServicesNCE with isMicrosoftProduct false is nce-saas; its refundableQuantity is ignored (Q8)', () => {
    expect(fromPartnerCenter(pc({ isMicrosoftProduct: false, productType: { id: 'Online_Services_NCE' } }))).toEqual({
      subscription: snapshot({ program: 'nce-saas', ...NO_BATCHES }),
      notes: [ignoredNote('nce-saas')],
    });
  });

  it('C13: SaaS is nce-saas even when isMicrosoftProduct is true', () => {
    expect(fromPartnerCenter(pc({ productType: { id: 'saas' }, refundableQuantity: null }))).toEqual({
      subscription: snapshot({ program: 'nce-saas', ...NO_BATCHES }),
      notes: [],
    });
  });

  it('C16: Software with a term is nce-software; returnable unknown, seats never reduced (C2)', () => {
    expect(fromPartnerCenter(pc({ productType: { id: 'SOFTWARE' }, billingCycle: 'Annual' }))).toEqual({
      // C16: the returnable flag is not in the JSON: taken as true, and an assumption of the snapshot.
      subscription: snapshot({
        program: 'nce-software',
        billing: 'annual',
        ...NO_BATCHES,
        assumptions: ['RETURNABLE_ASSUMED'],
      }),
      notes: [RETURNABLE, ignoredNote('nce-software')],
    });
  });

  it('C16: Software with termDuration none and billingCycle oneTime is nce-perpetual, P1Y / annual placeholders', () => {
    // Perpetual: termDuration none → P1Y placeholder; oneTime → annual placeholder. Not a returnable program.
    expect(
      fromPartnerCenter(
        pc({
          productType: { id: 'Software' },
          termDuration: 'None',
          billingCycle: 'one_time',
          refundableQuantity: null,
        }),
      ),
    ).toEqual({
      subscription: snapshot({ program: 'nce-perpetual', term: 'P1Y', billing: 'annual', ...NO_BATCHES }),
      notes: [
        {
          code: 'PERPETUAL_TERM_PLACEHOLDER',
          field: 'termDuration',
          kind: 'defaulted',
          message: 'perpetual software has no term; P1Y is a placeholder',
        },
        {
          code: 'PERPETUAL_TERM_PLACEHOLDER',
          field: 'billingCycle',
          kind: 'defaulted',
          message: 'a one-time purchase has no billing frequency; annual is a placeholder',
        },
      ],
    });
  });

  it('C16: Software without termDuration is nce-perpetual whatever its billing cycle', () => {
    expect(
      fromPartnerCenter(pc({ productType: { id: 'Software' }, termDuration: undefined, refundableQuantity: null })),
    ).toEqual({
      subscription: snapshot({ program: 'nce-perpetual', term: 'P1Y', billing: 'monthly', ...NO_BATCHES }),
      notes: [
        {
          code: 'PERPETUAL_TERM_PLACEHOLDER',
          field: 'termDuration',
          kind: 'defaulted',
          message: 'perpetual software has no term; P1Y is a placeholder',
        },
      ],
    });
    expect(
      fromPartnerCenter(pc({ productType: { id: 'Software' }, termDuration: null, refundableQuantity: null }))
        .subscription.program,
    ).toBe('nce-perpetual');
    // termDuration none (not absent) with a monthly cycle: perpetual too, the same single placeholder note.
    expect(
      fromPartnerCenter(pc({ productType: { id: 'Software' }, termDuration: 'none', refundableQuantity: null })),
    ).toEqual({
      subscription: snapshot({ program: 'nce-perpetual', term: 'P1Y', billing: 'monthly', ...NO_BATCHES }),
      notes: [
        {
          code: 'PERPETUAL_TERM_PLACEHOLDER',
          field: 'termDuration',
          kind: 'defaulted',
          message: 'perpetual software has no term; P1Y is a placeholder',
        },
      ],
    });
  });

  it('C16: Software with a term but billed oneTime is nce-perpetual with that term', () => {
    expect(
      fromPartnerCenter(pc({ productType: { id: 'Software' }, billingCycle: 'ONETIME', refundableQuantity: null })),
    ).toEqual({
      subscription: snapshot({ program: 'nce-perpetual', billing: 'annual', ...NO_BATCHES }),
      notes: [
        {
          code: 'PERPETUAL_TERM_PLACEHOLDER',
          field: 'billingCycle',
          kind: 'defaulted',
          message: 'a one-time purchase has no billing frequency; annual is a placeholder',
        },
      ],
    });
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['OnlineServices', { id: 'Online_Services' }],
  ])(
    'C4: productType %s with isMicrosoftProduct false is traditional-saas (legacy end date exclusive)',
    (_, productType) => {
      // Legacy: commitmentEndDate 2025-01-14 is exclusive, so the last day of the term is 2025-01-13.
      expect(fromPartnerCenter(pc({ productType, isMicrosoftProduct: false }))).toEqual({
        subscription: snapshot({ program: 'traditional-saas', termEndDay: dayNumber('2025-01-13'), ...NO_BATCHES }),
        notes: [ignoredNote('traditional-saas')],
      });
    },
  );

  it('billingType none and license are both license-based; absent too', () => {
    for (const billingType of ['None', 'LICENSE', undefined, null]) {
      expect(fromPartnerCenter(pc({ billingType }))).toEqual({ subscription: snapshot(), notes: [BATCH_NOTE] });
    }
  });

  it.each([
    [{ productType: { id: 'OnlineServicesNCE' } }, 'nce-license'],
    [{ productType: { id: 'onlineservices_nce' } }, 'nce-license'],
    [{ productType: { id: 'OnlineServicesNCE' }, isMicrosoftProduct: false }, 'nce-saas'],
    [{ productType: { id: 'Software' } }, 'nce-software'],
    [{ productType: { id: 'Software' }, termDuration: 'none', billingCycle: 'oneTime' }, 'nce-perpetual'],
    [{ productType: { id: 'SOFTWARE' }, termDuration: undefined, billingCycle: 'one_time' }, 'nce-perpetual'],
    [{ productType: { id: 'SaaS' }, isMicrosoftProduct: false }, 'nce-saas'],
    [{ productType: undefined, isMicrosoftProduct: false }, 'traditional-saas'],
  ])('%j → %s', (overrides, program) => {
    expect(fromPartnerCenter(pc({ ...overrides, refundableQuantity: null })).subscription.program).toBe(program);
  });
  it('unknown productType.id → INVALID_ENUM productType.id', () => {
    const e = caught(() => fromPartnerCenter(pc({ productType: { id: 'Reservation' } })));
    expect([e.code, e.field]).toEqual(['INVALID_ENUM', 'productType.id']);
  });
  it('Azure, legacy Microsoft license-based and usage billing are not covered', () => {
    expect(caught(() => fromPartnerCenter(pc({ productType: { id: 'Azure' } }))).field).toBe('productType.id');
    expect(caught(() => fromPartnerCenter(pc({ productType: undefined }))).code).toBe('MISSING_FIELD');
    expect(caught(() => fromPartnerCenter(pc({ billingType: 'usage' }))).field).toBe('billingType');
  });
  it("options.program forces what the JSON can't say (BSS assets, SoftwareOne)", () => {
    const { subscription, notes } = fromPartnerCenter(pc({ productType: { id: 'Software' } }), {
      program: 'bss-software',
    });
    expect(subscription.program).toBe('bss-software');
    expect(notes.map((n) => n.code)).toEqual(['PROGRAM_FORCED', 'RETURNABLE_UNKNOWN', 'SEAT_BATCHES_IGNORED']);
    expect(fromPartnerCenter(pc(), { program: 'bss-software', isReturnable: false }).subscription.isReturnable).toBe(
      false,
    );
    const e = caught(() => fromPartnerCenter(pc(), { program: 'csp' as never }));
    expect([e.code, e.field]).toEqual(['INVALID_ENUM', 'options.program']);
  });
});

describe('Program choice: what is not covered is refused, naming the JSON path', () => {
  const legacy =
    'legacy Microsoft license-based subscriptions are not covered; expected OnlineServicesNCE, Software or SaaS (or pass options.program)';

  it('productType absent on a Microsoft product → MISSING_FIELD productType.id', () => {
    for (const isMicrosoftProduct of [true, undefined]) {
      expect(fault(() => fromPartnerCenter(pc({ productType: undefined, isMicrosoftProduct })))).toEqual({
        code: 'MISSING_FIELD',
        field: 'productType.id',
        message: `productType.id: ${legacy}`,
        received: undefined,
      });
    }
  });
  it('OnlineServices (legacy) on a Microsoft product → INVALID_ENUM productType.id with the value received', () => {
    expect(fault(() => fromPartnerCenter(pc({ productType: { id: 'OnlineServices' } })))).toEqual({
      code: 'INVALID_ENUM',
      field: 'productType.id',
      message: `productType.id: ${legacy}`,
      received: 'OnlineServices',
    });
  });
  it('Azure → INVALID_ENUM productType.id', () => {
    expect(fault(() => fromPartnerCenter(pc({ productType: { id: 'AZURE' }, isMicrosoftProduct: false })))).toEqual({
      code: 'INVALID_ENUM',
      field: 'productType.id',
      message: 'productType.id: "Azure" (usage-based) is not covered; expected OnlineServicesNCE, Software or SaaS',
      received: 'AZURE',
    });
  });
  it('an unknown productType.id lists the spellings known', () => {
    expect(fault(() => fromPartnerCenter(pc({ productType: { id: 'Reservation' } })))).toEqual({
      code: 'INVALID_ENUM',
      field: 'productType.id',
      message:
        'productType.id: expected one of OnlineServicesNCE, Software, SaaS, OnlineServices, Azure, got "Reservation"',
      received: 'Reservation',
    });
  });
  it('productType without an id → MISSING_FIELD productType.id', () => {
    expect(fault(() => fromPartnerCenter(pc({ productType: { displayName: 'Software' } })))).toEqual({
      code: 'MISSING_FIELD',
      field: 'productType.id',
      message: 'productType.id: is required',
      received: undefined,
    });
  });
  it('productType that is not an object → INVALID_TYPE productType', () => {
    expect(fault(() => fromPartnerCenter(pc({ productType: 'Software' })))).toEqual({
      code: 'INVALID_TYPE',
      field: 'productType',
      message: 'productType: expected an object, got "Software"',
      received: 'Software',
    });
  });
  it.each(['usage', 'Benefit'])('billingType %s → INVALID_ENUM billingType (license-based only)', (billingType) => {
    expect(fault(() => fromPartnerCenter(pc({ billingType })))).toEqual({
      code: 'INVALID_ENUM',
      field: 'billingType',
      message: `billingType: "${billingType.toLowerCase()}" billing is not covered (license-based subscriptions only)`,
      received: billingType,
    });
  });
  it('an unknown billingType lists the spellings known', () => {
    expect(fault(() => fromPartnerCenter(pc({ billingType: 'credit' })))).toEqual({
      code: 'INVALID_ENUM',
      field: 'billingType',
      message: 'billingType: expected one of license, none, usage, benefit, got "credit"',
      received: 'credit',
    });
  });
  it('isMicrosoftProduct that is not a boolean → INVALID_TYPE', () => {
    expect(fault(() => fromPartnerCenter(pc({ isMicrosoftProduct: 'false' })))).toEqual({
      code: 'INVALID_TYPE',
      field: 'isMicrosoftProduct',
      message: 'isMicrosoftProduct: expected true or false, got "false"',
      received: 'false',
    });
  });
});

describe('B1 term and billing: every spelling, every refusal', () => {
  it.each([
    ['p1m', 'monthly', 'P1M', 'monthly', '2024-02-14'],
    ['P1Y', 'ANNUAL', 'P1Y', 'annual', '2025-01-14'],
    ['p3y', 'Triennial', 'P3Y', 'triennial', '2027-01-14'],
    ['P3Y', 'monthly', 'P3Y', 'monthly', '2027-01-14'],
  ])('B1: termDuration %s, billingCycle %s → %s billed %s', (termDuration, billingCycle, term, billing, end) => {
    const { subscription } = fromPartnerCenter(pc({ termDuration, billingCycle, commitmentEndDate: end }));
    expect([subscription.term, subscription.billing]).toEqual([term, billing]);
  });

  // B1: what Microsoft documents but the rules do not cover is a note and a placeholder, never the loss of the record.
  const notesOf = (json: Record<string, unknown>) =>
    fromPartnerCenter(json).notes.map((n) => [n.code, n.field, n.kind, n.message]);
  const PLACEHOLDER =
    'monthly is a placeholder; billing-frequency answers (B1–B5) and monthly windows are not decided from the JSON';
  it('B1: termDuration absent → inferred from the dates (2024-01-15 … 2025-01-14 inclusive = 366 days: P1Y)', () => {
    const { subscription } = fromPartnerCenter(pc({ termDuration: undefined }));
    expect(subscription.term).toBe('P1Y');
    expect(notesOf(pc({ termDuration: undefined }))[0]).toEqual([
      'TERM_INFERRED',
      'termDuration',
      'inferred',
      'empty or absent: P1Y, from effectiveStartDate to commitmentEndDate (366 days)',
    ]);
  });
  it('B1: termDuration empty or none on a program with terms → inferred too', () => {
    expect(fromPartnerCenter(pc({ termDuration: '' })).subscription.term).toBe('P1Y');
    expect(fromPartnerCenter(pc({ termDuration: 'NONE', productType: { id: 'SaaS' } })).subscription).toMatchObject({
      program: 'nce-saas',
      term: 'P1Y',
    });
  });
  it('B1: termDuration absent and no commitmentEndDate → MISSING_FIELD termDuration naming the program', () => {
    expect(fault(() => fromPartnerCenter(pc({ termDuration: undefined, commitmentEndDate: undefined })))).toEqual({
      code: 'MISSING_FIELD',
      field: 'termDuration',
      message:
        'termDuration: is required for nce-license (P1M, P1Y or P3Y): empty or absent, and the dates do not tell it',
      received: undefined,
    });
  });
  it('B1: an unknown termDuration is noted with the spellings known, then inferred', () => {
    expect(notesOf(pc({ termDuration: 'P2Y' })).slice(0, 2)).toEqual([
      ['ENUM_NOT_COVERED', 'termDuration', 'unknown', '"P2Y" is not one of P1M, P1Y, P3Y, none: unknown'],
      [
        'TERM_INFERRED',
        'termDuration',
        'inferred',
        'empty or absent: P1Y, from effectiveStartDate to commitmentEndDate (366 days)',
      ],
    ]);
  });
  it('B1: billingCycle absent → monthly placeholder, noted', () => {
    expect(fromPartnerCenter(pc({ billingCycle: null })).subscription.billing).toBe('monthly');
    expect(notesOf(pc({ billingCycle: null }))[0]).toEqual([
      'ENUM_NOT_COVERED',
      'billingCycle',
      'defaulted',
      `absent: ${PLACEHOLDER}`,
    ]);
  });
  it('B1: an unknown billingCycle lists the spellings known, and the placeholder', () => {
    expect(notesOf(pc({ billingCycle: 'fortnightly', termDuration: 'P1Y' })).slice(0, 2)).toEqual([
      [
        'ENUM_NOT_COVERED',
        'billingCycle',
        'unknown',
        '"fortnightly" is not one of monthly, annual, triennial, none, oneTime: unknown',
      ],
      [
        'ENUM_NOT_COVERED',
        'billingCycle',
        'defaulted',
        `"fortnightly" is not a billing frequency the rules cover: ${PLACEHOLDER}`,
      ],
    ]);
  });
  it.each(['Biennial', 'UNKNOWN'])(
    'B1: billingCycle %s is documented but not covered → placeholder, noted',
    (billingCycle) => {
      const { subscription, notes } = fromPartnerCenter(pc({ billingCycle }));
      expect(subscription.billing).toBe('monthly');
      expect(notes[0]).toEqual({
        code: 'ENUM_NOT_COVERED',
        field: 'billingCycle',
        kind: 'defaulted',
        message: `"${billingCycle}" is not a billing frequency the rules cover: ${PLACEHOLDER}`,
      });
    },
  );
  it('TR1: billingCycle none outside a trial → placeholder, noted (isTrial false or absent)', () => {
    for (const isTrial of [false, undefined]) {
      expect(notesOf(pc({ billingCycle: 'None', isTrial }))[0]).toEqual([
        'ENUM_NOT_COVERED',
        'billingCycle',
        'defaulted',
        `"none" on a subscription that is not a trial: ${PLACEHOLDER}`,
      ]);
    }
  });
  it('B1: oneTime outside perpetual software → placeholder naming the program', () => {
    expect(notesOf(pc({ billingCycle: 'oneTime' }))[0]).toEqual([
      'ENUM_NOT_COVERED',
      'billingCycle',
      'defaulted',
      `"oneTime" on nce-license: ${PLACEHOLDER}`,
    ]);
  });
  it('isTrial that is not a boolean → INVALID_TYPE isTrial', () => {
    expect(fault(() => fromPartnerCenter(pc({ isTrial: 1 })))).toEqual({
      code: 'INVALID_TYPE',
      field: 'isTrial',
      message: 'isTrial: expected true or false, got 1',
      received: 1,
    });
  });
});

describe('TR1 TR2 a trial: billingCycle none with isTrial true', () => {
  it('TR2: monthly is a placeholder billing, with a note', () => {
    // P1M trial bought 2024-01-15 ending 2024-02-14; no scheduled instructions in this one.
    const json = pc({
      isTrial: true,
      billingCycle: 'none',
      termDuration: 'P1M',
      commitmentEndDate: '2024-02-14',
      refundableQuantity: null,
    });
    expect(fromPartnerCenter(json)).toEqual({
      subscription: snapshot({ term: 'P1M', trial: true, termEndDay: dayNumber('2024-02-14'), ...NO_BATCHES }),
      notes: [
        {
          code: 'TRIAL_BILLING_PLACEHOLDER',
          field: 'billingCycle',
          kind: 'defaulted',
          message: 'a trial is not billed; monthly is a placeholder (TR2: converts to monthly billing by default)',
        },
        {
          code: 'SEAT_BATCHES_UNKNOWN',
          field: 'refundableQuantity',
          kind: 'unknown',
          message: 'absent: seat batches unknown; seat decisions assume SEAT_BATCHES_ASSUMED',
        },
      ],
    });
  });

  it('is a trial with a monthly placeholder billing and its scheduled conversion (S1)', () => {
    const trial = pc({
      isTrial: true,
      billingCycle: 'none',
      termDuration: 'P1M',
      quantity: 25,
      commitmentEndDate: '2024-02-13T00:00:00Z',
      refundableQuantity: null,
      offerId: 'CFQ7TTC0LCHC:0007:CFQ7TTC0LDGR',
      scheduledNextTermInstructions: {
        product: {
          productId: 'CFQ7TTC0LCHC',
          skuId: '0002',
          availabilityId: 'CFQ7TTC0M1KV',
          billingCycle: 'Monthly',
          termDuration: 'p1y',
        },
        quantity: 25,
      },
    });
    const { subscription, notes } = fromPartnerCenter(trial);
    expect(subscription).toMatchObject({
      trial: true,
      billing: 'monthly',
      term: 'P1M',
      scheduledChange: { quantity: 25, term: 'P1Y', billing: 'monthly', offerName: null },
    });
    expect(notes.map((n) => n.code)).toEqual([
      'TRIAL_BILLING_PLACEHOLDER',
      'SEAT_BATCHES_UNKNOWN',
      'SCHEDULED_PRODUCT_UNNAMED',
    ]);
  });
});

describe('options.program forces the program (BSS assets, SoftwareOne)', () => {
  it('C14: softwareone keeps its seat batches (Q2 window 168 h); the JSON productType is not read', () => {
    // productType Azure would be refused; a forced program never looks at it.
    expect(
      fromPartnerCenter(pc({ productType: { id: 'Azure' }, billingType: 'usage' }), { program: 'softwareone' }),
    ).toEqual({
      subscription: snapshot({ program: 'softwareone' }),
      notes: [
        {
          code: 'PROGRAM_FORCED',
          field: 'productType.id',
          kind: 'defaulted',
          message: 'program softwareone given by the caller',
        },
        BATCH_NOTE,
      ],
    });
  });
  it('C16: bss-software given isReturnable false: no RETURNABLE_UNKNOWN note', () => {
    expect(fromPartnerCenter(pc(), { program: 'bss-software', isReturnable: false })).toEqual({
      subscription: snapshot({ program: 'bss-software', isReturnable: false, ...NO_BATCHES }),
      notes: [
        {
          code: 'PROGRAM_FORCED',
          field: 'productType.id',
          kind: 'defaulted',
          message: 'program bss-software given by the caller',
        },
        ignoredNote('bss-software'),
      ],
    });
  });
  it('a forced nce-perpetual accepts termDuration none', () => {
    const { subscription, notes } = fromPartnerCenter(
      pc({ termDuration: 'none', billingCycle: 'annual', refundableQuantity: null }),
      { program: 'nce-perpetual' },
    );
    expect([subscription.program, subscription.term, notes.map((n) => [n.code, n.field])]).toEqual([
      'nce-perpetual',
      'P1Y',
      [
        ['PROGRAM_FORCED', 'productType.id'],
        ['PERPETUAL_TERM_PLACEHOLDER', 'termDuration'],
      ],
    ]);
  });
  it('an unknown program → INVALID_ENUM options.program listing the programs', () => {
    expect(fault(() => fromPartnerCenter(pc(), { program: 'csp' as never }))).toEqual({
      code: 'INVALID_ENUM',
      field: 'options.program',
      message:
        'options.program: expected one of nce-license, nce-software, nce-perpetual, nce-saas, traditional-saas, bss-software, softwareone, got "csp"',
      received: 'csp',
    });
  });
});
