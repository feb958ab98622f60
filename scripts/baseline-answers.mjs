// Writes the answers one build of the library gives over a fixed corpus of subscriptions and
// instants, as JSON: the frozen copy that test/properties/baseline.test.ts compares the current
// code against (with `asOf` before every change of the policy timeline, every answer must be the
// one the library gave before the timeline existed: the baseline version 2023-10-19).
//
//   node scripts/baseline-answers.mjs --dist <the build's dist folder> --out <file>
//
// test/fixtures/baseline-2023-10-19.json comes from the build of commit f8bcbd2, the last commit
// before the timeline: `git worktree add --detach <folder> f8bcbd2`, `npm run build` there, then
// `node scripts/baseline-answers.mjs --dist <folder>/dist --out test/fixtures/baseline-2023-10-19.json`
// from this repository. The corpus is fixed (explicit lists and loops, and a seeded PRNG for the
// rest), so one build always gives the same file; the instants asked at are placed from the term
// dates that build's `toSubscription` gives (the fixture keeps them as instants). Functions are
// called as the build before the timeline had them: without a policy where they took none (and
// `checkUpdateLimit` without options), else with `definePolicy(overrides)` when the case has some.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const distArg = arg('--dist');
const outArg = arg('--out');
if (distArg === undefined || outArg === undefined) {
  console.error('usage: node scripts/baseline-answers.mjs --dist <dist folder> --out <file.json>');
  process.exit(2);
}
const dist = resolve(distArg);
const load = (entry) => import(pathToFileURL(resolve(dist, `${entry}.js`)).href);
const main = await load('index');
const lifecycle = await load('lifecycle');
const explainEntry = await load('explain');

/** The functions recorded, by the name the fixture uses; each existed in the build before the timeline. */
const FUNCTIONS = {
  canCancel: main.canCancel,
  reducibleSeats: main.reducibleSeats,
  canIncreaseSeats: main.canIncreaseSeats,
  planSeatReduction: main.planSeatReduction,
  eligibleBillingFrequencyChanges: main.eligibleBillingFrequencyChanges,
  eligibleTermChanges: main.eligibleTermChanges,
  canConvertTrial: main.canConvertTrial,
  checkUpdateLimit: main.checkUpdateLimit,
  canUpgrade: main.canUpgrade,
  canScheduleChange: lifecycle.canScheduleChange,
  renewalSchedule: lifecycle.renewalSchedule,
  afterTermStages: lifecycle.afterTermStages,
  afterTermStageAt: lifecycle.afterTermStageAt,
  nextTerm: lifecycle.nextTerm,
  transition: lifecycle.transition,
  explain: explainEntry.explain,
};
for (const [name, fn] of Object.entries(FUNCTIONS)) {
  if (typeof fn !== 'function') throw new Error(`${name} is not exported by ${distArg}`);
}
/** Functions whose options had no `policy` before the timeline: called without one. */
const WITHOUT_POLICY = ['canConvertTrial', 'canScheduleChange', 'checkUpdateLimit'];
/** Functions with another signature before the timeline: the old one is called as it was. */
const SIGNATURES = {
  checkUpdateLimit: 'before the timeline (subscription); since (subscription, { now, policy? })',
};

// ---------------------------------------------------------------------------------------------
// The corpus

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms) => new Date(ms).toISOString();
const ms = (text) => Date.parse(text);

/** mulberry32: a small seeded PRNG, so the corpus is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = prng(20_231_019);
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
const chance = (p) => rand() < p;

const PROGRAMS = [...main.PROGRAMS];
/** Every legal term and billing pair (B1: billed at most once a term). */
const PLANS = [
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
];
const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const DEFENDER_P1 = 'Microsoft Defender for Endpoint P1';
const DEFENDER_P2 = 'Microsoft Defender for Endpoint P2';
const CATALOG = [
  { from: E3, to: E5 },
  { from: DEFENDER_P1, to: DEFENDER_P2 },
];

/** Purchase instants that matter: month ends, Feb 29 2024, year ends, UTC midnight, the last millisecond of a day. */
const PURCHASES = [
  '2021-01-01T00:00:00.000Z',
  '2021-01-31T23:59:59.999Z',
  '2021-02-28T12:00:00.000Z',
  '2021-03-31T00:00:00.000Z',
  '2021-12-31T23:59:59.999Z',
  '2022-01-31T08:15:00.000Z',
  '2022-03-31T00:00:00.000Z',
  '2022-08-31T18:45:30.123Z',
  '2022-12-31T00:00:00.000Z',
  '2023-01-29T10:00:00.000Z',
  '2023-02-28T23:00:00.000Z',
  '2023-05-31T13:13:13.000Z',
  '2023-10-19T09:30:00.000Z',
  '2023-11-30T00:00:00.000Z',
  '2023-12-31T23:59:59.999Z',
  '2024-01-31T09:30:00.000Z',
  '2024-02-29T00:00:00.000Z',
  '2024-02-29T23:59:59.999Z',
  '2024-03-31T10:00:00.000Z',
  '2024-04-30T00:00:00.001Z',
  '2024-05-31T22:00:00.000Z',
  '2024-06-01T00:00:00.000Z',
];
const FROM = ms('2021-01-01T00:00:00.000Z');
const TO = ms('2024-06-01T00:00:00.000Z');
/** A purchase instant: a listed one, or any millisecond, second or midnight in 2021-01-01 … 2024-06-01. */
function purchase() {
  const r = rand();
  if (r < 0.4) return pick(PURCHASES);
  const t = FROM + int(TO - FROM);
  if (r < 0.6) return iso(t);
  if (r < 0.85) return iso(t - (t % 1000));
  return iso(t - (t % DAY));
}
const QUANTITIES = [1, 2, 3, 5, 10, 25, 300];

const subscriptions = [];
/** Adds a subscription to the corpus; `policy` is a `definePolicy` overrides object (JSON). */
function add(label, input, policy = null) {
  const id = `s${String(subscriptions.length + 1).padStart(3, '0')}`;
  subscriptions.push({ id, label, input: { id, ...input }, policy });
}
const plain = (program, [term, billing], over = {}) => ({
  offerName: E3,
  program,
  term,
  billing,
  quantity: pick(QUANTITIES),
  purchasedAt: purchase(),
  ...over,
});

// A: every program with every legal term and billing, active, auto-renew on and off.
let n = 0;
for (const program of PROGRAMS) {
  for (const plan of PLANS) {
    add(`${program} ${plan.join('/')} active`, {
      ...plain(program, plan),
      purchasedAt: PURCHASES[n % PURCHASES.length],
      quantity: QUANTITIES[n % QUANTITIES.length],
      autoRenew: n % 3 !== 0,
    });
    n++;
  }
}
// B: every program in every other status.
for (const program of PROGRAMS) {
  for (const status of ['pending', 'suspended', 'expired', 'disabled', 'deleted', 'cancelled']) {
    add(`${program} ${status}`, { ...plain(program, pick(PLANS)), status, autoRenew: chance(0.5) });
  }
}
// C: trials (30 days, TR1): end date given or assumed, auto-renew on and off, active and not.
for (const program of PROGRAMS) {
  for (const [given, autoRenew, status] of [
    [false, true, 'active'],
    [true, false, 'active'],
    [true, true, 'suspended'],
    [false, false, 'expired'],
  ]) {
    const p = purchase();
    const start = ms(p) - (ms(p) % DAY);
    add(`${program} trial ${status} auto-renew ${autoRenew ? 'on' : 'off'}, end ${given ? 'given' : 'assumed'}`, {
      ...plain(program, ['P1M', 'monthly']),
      quantity: 25,
      purchasedAt: p,
      trial: true,
      autoRenew,
      status,
      ...(given ? { termEndDate: iso(start + 29 * DAY).slice(0, 10) } : {}),
    });
  }
}
for (const plan of [PLANS[2], PLANS[5]]) {
  add(`nce-license trial ${plan.join('/')}`, { ...plain('nce-license', plan), trial: true, quantity: 25 });
}
// D: seat batches known: several batches, in and out of their 7-day windows, some with a reported deadline.
for (const program of [...PROGRAMS, 'nce-license', 'nce-license', 'softwareone', 'softwareone']) {
  const p = ms(purchase());
  const gaps = [0, int(3 * DAY), 3 * DAY + int(5 * DAY), 10 * DAY + int(40 * DAY)].slice(0, 2 + int(3));
  const batches = gaps.map((gap, i) => ({
    quantity: 1 + int(10),
    addedAt: iso(p + gap),
    ...(i > 0 && chance(0.4) ? { until: iso(p + gap + 5 * DAY + int(2 * DAY)) } : {}),
  }));
  add(`${program} ${batches.length} seat batches`, {
    ...plain(program, pick(PLANS.slice(1))),
    purchasedAt: iso(p),
    quantity: batches.reduce((s, b) => s + b.quantity, 0),
    seatBatches: batches,
  });
}
// E: renewed terms: the completion instant known (R3) or unknown (termStartDate).
for (const program of PROGRAMS) {
  for (const known of [true, false]) {
    const p = ms(pick(PURCHASES.slice(0, 12)));
    const startDay = p - (p % DAY) + (known ? 365 : 366) * DAY;
    const input = {
      ...plain(program, known ? ['P1Y', 'annual'] : ['P1M', 'monthly']),
      purchasedAt: iso(p),
      ...(known ? { termStartedAt: iso(startDay + int(24) * HOUR + int(60) * 60_000) } : { termStartedAt: null }),
      ...(known ? {} : { termStartDate: iso(startDay).slice(0, 10) }),
    };
    add(`${program} renewed term, completion ${known ? 'known' : 'unknown'}`, input);
  }
}
for (const [label, over] of [
  ['renewed, end date given', { termEndDate: '2025-03-14' }],
  ['renewed, with batches', { seatBatches: [{ quantity: 4, addedAt: '2024-03-15T04:00:00.000Z' }] }],
]) {
  add(`nce-license ${label}`, {
    ...plain('nce-license', ['P1Y', 'monthly']),
    purchasedAt: '2023-03-15T09:00:00.000Z',
    termStartedAt: '2024-03-15T04:00:00.000Z',
    quantity: 4,
    ...over,
  });
}
// F: scheduled changes for the next term (S1).
const SCHEDULED = [
  { quantity: 3 },
  { term: 'P3Y', billing: 'annual' },
  { billing: 'annual' },
  { offerName: E5 },
  { term: 'P1M', billing: 'monthly', quantity: 12 },
  { customTermEndDate: '2025-12-31' },
];
for (const [i, program] of PROGRAMS.entries()) {
  for (const change of [SCHEDULED[i % SCHEDULED.length], SCHEDULED[(i + 3) % SCHEDULED.length]]) {
    add(`${program} scheduled change ${JSON.stringify(change)}`, {
      ...plain(program, pick(PLANS)),
      scheduledChange: change,
      autoRenew: chance(0.8),
    });
  }
}
// G: promotions, pending billing changes, update counts, returnable flags, U9 windows, add-ons, given assumptions.
for (const plan of PLANS) {
  add(`nce-license promotion ${plan.join('/')}`, { ...plain('nce-license', plan), promotionId: 'PROMO-2023-Q4' });
}
add('nce-saas promotion', { ...plain('nce-saas', ['P1Y', 'monthly']), promotionId: 'SAAS-FIRST-MONTH' });
for (const [plan, next] of [
  [PLANS[1], 'annual'],
  [PLANS[2], 'monthly'],
  [PLANS[3], 'triennial'],
  [PLANS[4], 'monthly'],
]) {
  add(`nce-license next charge ${next}`, { ...plain('nce-license', plan), nextChargeBilling: next });
}
for (const updateCount of [0, 1199, 1200, 5000]) {
  add(`nce-license ${updateCount} updates`, { ...plain('nce-license', pick(PLANS)), updateCount });
}
for (const program of ['bss-software', 'nce-software']) {
  for (const isReturnable of [false, true]) {
    add(`${program} returnable ${isReturnable}`, { ...plain(program, pick(PLANS)), isReturnable });
  }
}
for (const days of [0, 2, 6, 8]) {
  const p = ms(purchase());
  add(`nce-license U9 window from ${days} days before`, {
    ...plain('nce-license', PLANS[1]),
    purchasedAt: iso(p),
    cancellationWindowFrom: iso(Math.max(FROM, p - days * DAY - int(DAY))),
  });
}
for (const program of ['nce-license', 'nce-software', 'softwareone']) {
  add(`${program} add-on`, { ...plain(program, PLANS[1]), parentSubscriptionId: 'base-1' });
}
add('nce-license assumed auto-renew and term end', {
  ...plain('nce-license', PLANS[2]),
  assumptions: ['AUTO_RENEW_ASSUMED', 'TERM_END_ASSUMED'],
});
add('nce-license assumed seat batches', { ...plain('nce-license', PLANS[0]), assumptions: ['SEAT_BATCHES_ASSUMED'] });
// H: other offers: the upgrade deny list (U2), no offer name.
for (const plan of [PLANS[0], PLANS[2]]) {
  add(`nce-license ${DEFENDER_P1} ${plan.join('/')}`, { ...plain('nce-license', plan), offerName: DEFENDER_P1 });
  add(`nce-license unnamed ${plan.join('/')}`, { ...plain('nce-license', plan), offerName: null });
}
// I: the policy's choices (definePolicy overrides, the same in both builds).
const POLICIES = [
  { suspendedAtTermEnd: 'deleted' },
  { unknownRenewalCompletion: 'latest' },
  { keepOneSeat: false },
  { daysUsed: 'exclusive' },
  { renewalAnchor: 'clamped' },
  { scheduledChangeDeletion: 'listed' },
  { destinationTerm: 'not-shorter' },
  { programs: { 'nce-license': { fullRefundHours: 0 } } },
  { programs: { 'traditional-saas': { cancelWindowHours: { monthly: 48 } } } },
];
for (const [i, policy] of POLICIES.entries()) {
  for (const j of [0, 1, 2]) {
    const program = j === 0 ? 'nce-license' : pick(PROGRAMS);
    const input = {
      ...plain(program, pick(PLANS)),
      status: j === 2 ? 'suspended' : 'active',
      ...(j === 1 ? { termStartedAt: null, purchasedAt: '2023-01-31T10:00:00.000Z', termStartDate: '2024-01-31' } : {}),
      ...(i === 5 ? { scheduledChange: { quantity: 2 } } : {}),
    };
    add(`${program} policy ${JSON.stringify(policy)}`, input, policy);
  }
}
// J: the rest drawn at random (seeded).
while (subscriptions.length < 292) {
  const program = pick(PROGRAMS);
  const trial = chance(0.1);
  const plan = trial ? PLANS[0] : pick(PLANS);
  const p = ms(purchase());
  const quantity = pick(QUANTITIES);
  const input = {
    ...plain(program, plan),
    purchasedAt: iso(p),
    quantity,
    status: chance(0.7) ? 'active' : pick(main.STATUSES),
    autoRenew: chance(0.7),
    ...(trial ? { trial: true } : {}),
    ...(!trial && chance(0.2) ? { promotionId: 'PROMO-R' } : {}),
    ...(chance(0.15) ? { scheduledChange: pick(SCHEDULED) } : {}),
  };
  if (!trial && chance(0.25) && quantity > 1) {
    const later = p + int(30 * DAY);
    input.seatBatches = [
      { quantity: quantity - 1, addedAt: iso(p) },
      { quantity: 1, addedAt: iso(later) },
    ];
  }
  add(`random ${program} ${plan.join('/')}${trial ? ' trial' : ''}`, input);
}
// K: inputs the library refuses (the errors are answers too).
add('P1Y billed triennially (B1)', { ...plain('nce-license', ['P1Y', 'triennial']) });
add('term end before its start', { ...plain('nce-license', PLANS[2]), termEndDate: '2020-01-01' });
add('seat batch before the purchase', {
  ...plain('nce-license', PLANS[1]),
  purchasedAt: '2024-01-15T09:30:00.000Z',
  quantity: 2,
  seatBatches: [{ quantity: 2, addedAt: '2024-01-15T09:29:59.999Z' }],
});
add('purchase without an offset', { ...plain('nce-license', PLANS[1]), purchasedAt: '2024-01-15T09:30:00' });

// ---------------------------------------------------------------------------------------------
// The instants asked at, relative to the term (windows to the millisecond, the renewal day, after the term)

const AFTER_ALL = ms('2026-06-01T00:00:00.000Z');
/** [name, instant] from the purchase p, the term start s, the term's exclusive end e and the last seat batch. */
const INSTANTS = [
  ['term start − 1 ms', (t) => t.s - 1],
  ['term start', (t) => t.s],
  ['term start + 24 h − 1 ms', (t) => t.s + 24 * HOUR - 1],
  ['term start + 24 h', (t) => t.s + 24 * HOUR],
  ['term start + 72 h − 1 ms', (t) => t.s + 72 * HOUR - 1],
  ['term start + 72 h', (t) => t.s + 72 * HOUR],
  ['term start + 7 d − 1 ms', (t) => t.s + 7 * DAY - 1],
  ['term start + 7 d', (t) => t.s + 7 * DAY],
  ['purchase + 14 d − 1 ms', (t) => t.p + 14 * DAY - 1],
  ['purchase + 14 d', (t) => t.p + 14 * DAY],
  ['purchase + 30 d − 1 ms', (t) => t.p + 30 * DAY - 1],
  ['purchase + 30 d', (t) => t.p + 30 * DAY],
  ['mid-term', (t) => t.s + Math.floor((t.e - t.s) / 2)],
  ['last millisecond of the term', (t) => t.e - 1],
  ['term end (renewal starts)', (t) => t.e],
  ['renewal day 12:00Z', (t) => t.e + 12 * HOUR],
  ['renewal day 23:59:59.999Z', (t) => t.e + DAY - 1],
  ['day after the renewal day', (t) => t.e + DAY],
  ['term end + 7 d − 1 ms', (t) => t.e + 7 * DAY - 1],
  ['term end + 7 d', (t) => t.e + 7 * DAY],
  ['term end + 30 d − 1 ms', (t) => t.e + 30 * DAY - 1],
  ['term end + 30 d', (t) => t.e + 30 * DAY],
  ['term end + 100 d', (t) => t.e + 100 * DAY],
  ['term end + 125 d', (t) => t.e + 125 * DAY],
  ['last seat batch + 7 d − 1 ms', (t) => t.b + 7 * DAY - 1],
  ['last seat batch + 7 d', (t) => t.b + 7 * DAY],
  ['2024-06-30T23:59:59.999Z', () => ms('2024-06-30T23:59:59.999Z')],
  ['2024-07-01T00:00:00.000Z', () => ms('2024-07-01T00:00:00.000Z')],
  ['2026-06-01 (after every change)', () => AFTER_ALL],
];
/** Instants each subscription is asked at. */
const PER_SUBSCRIPTION = 3;

function termOf(input) {
  try {
    const sub = main.toSubscription(input);
    const s = sub.termStartedAt ?? sub.termStartDay * DAY;
    const b = sub.seatBatches.length === 0 ? s : sub.seatBatches[sub.seatBatches.length - 1].addedAt;
    return { p: sub.purchasedAt, s, e: (sub.termEndDay + 1) * DAY, b };
  } catch {
    const p = Date.parse(input.purchasedAt.endsWith('Z') ? input.purchasedAt : `${input.purchasedAt}Z`);
    return { p, s: p, e: p + 365 * DAY, b: p };
  }
}

// ---------------------------------------------------------------------------------------------
// The calls

const existingPaid = (program) => ({
  // An active paid subscription to convert a trial into (TR4), bought before the trial.
  id: 'existing-1',
  offerName: E3,
  program,
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2021-01-01T00:00:00.000Z',
  termStartedAt: '2024-01-01T06:00:00.000Z',
});

/** The calls at one instant: [function, options without `now` and `policy`, event for `transition`]. */
function callsAt(entry, k, i) {
  const { input } = entry;
  const quantity = typeof input.quantity === 'number' ? input.quantity : 1;
  // Two targets over the instants: one seat less, and half the seats.
  const targetQuantity = k % 2 === 0 ? Math.max(quantity - 1, 0) : Math.floor(quantity / 2);
  const to = input.offerName === DEFENDER_P1 ? DEFENDER_P2 : E5;
  const calls = [
    ['canCancel', {}],
    ['reducibleSeats', {}],
    ['canIncreaseSeats', {}],
    ['planSeatReduction', { targetQuantity }],
    ['eligibleBillingFrequencyChanges', {}],
    ['eligibleTermChanges', (i + k) % 2 === 0 ? { offeredTerms: ['P1M', 'P1Y', 'P3Y'] } : {}],
    ['canScheduleChange', {}],
    ['afterTermStageAt', {}],
    // canUpgrade at two of the three instants.
    ...((i + k) % 3 === 1
      ? []
      : [
          [
            'canUpgrade',
            {
              to,
              quantity: (i + k) % 3 === 2 && quantity > 1 ? Math.floor(quantity / 2) : quantity,
              when: (i + k) % 2 === 0 ? 'midterm' : 'at-renewal',
              ...((i + k) % 4 === 3 ? {} : { catalog: CATALOG }),
            },
          ],
        ]),
  ];
  if (input.trial === true) {
    calls.push(['canConvertTrial', { target: 'equivalent', mode: 'midterm' }]);
    calls.push(['canConvertTrial', { target: 'higher-tier', mode: 'scheduled', term: 'P1Y', billing: 'annual' }]);
    if (k === 0)
      calls.push(['canConvertTrial', { target: 'existing', mode: 'midterm', existing: existingPaid(input.program) }]);
  } else if (k === 0) {
    calls.push(['canConvertTrial', { target: 'equivalent', mode: 'midterm' }]);
  }
  if (k === 0) calls.push(['checkUpdateLimit', {}]);
  // explain at two of the three instants (its answers are the largest).
  if ((i + k) % 3 !== 2)
    calls.push(['explain', (i + k) % 3 === 0 ? { offeredTerms: ['P1M', 'P1Y', 'P3Y'], alertDays: 30 } : {}]);
  const events = [
    { type: 'cancel' },
    { type: 'suspend' },
    { type: 'setAutoRenew', autoRenew: false },
    { type: 'termEnded' },
    { type: 'renewalCompleted' },
  ];
  // One event at each instant, in turn, so every event meets every kind of instant over the corpus.
  calls.push(['transition', {}, events[(i + k) % events.length]]);
  return calls;
}

/** The calls without an instant. */
function callsOnce(entry, i) {
  const calls = [
    ['renewalSchedule', {}],
    ['afterTermStages', {}],
    ['nextTerm', {}],
  ];
  if (i % 4 === 1) {
    // R3: a completion instant given, inside the renewal day.
    const t = termOf(entry.input);
    calls.push(['renewalSchedule', { completedAt: iso(t.e + 5 * HOUR + 17 * 60_000) }]);
  }
  return calls;
}

const { definePolicy, CspRulesError } = main;

/** Calls the old build's function as it was called before the timeline. */
function run(entry, [fn, options, event], now) {
  const f = FUNCTIONS[fn];
  const withPolicy = entry.policy !== null && !WITHOUT_POLICY.includes(fn);
  const opts = {
    ...options,
    ...(now === null ? {} : { now }),
    ...(withPolicy ? { policy: definePolicy(entry.policy) } : {}),
  };
  try {
    const answer =
      fn === 'transition'
        ? f(entry.input, event, opts)
        : fn === 'checkUpdateLimit'
          ? f(entry.input)
          : f(entry.input, opts);
    return {
      fn,
      ...(Object.keys(options).length > 0 ? { options } : {}),
      ...(event ? { event } : {}),
      answer: asJson(answer),
    };
  } catch (error) {
    if (!(error instanceof CspRulesError)) throw error;
    return {
      fn,
      ...(Object.keys(options).length > 0 ? { options } : {}),
      ...(event ? { event } : {}),
      threw: { code: error.code, field: error.field },
    };
  }
}
/** The answer as JSON values (instants are epoch ms already); fails on anything JSON would change. */
function asJson(value) {
  const text = JSON.stringify(value, (key, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number at ${key}`);
    if (typeof v === 'function' || v === undefined) throw new Error(`${typeof v} at ${key}: not JSON`);
    return v;
  });
  return JSON.parse(text);
}

const records = subscriptions.map((entry, i) => {
  const t = termOf(entry.input);
  const picked = [];
  for (let k = 0; picked.length < PER_SUBSCRIPTION && k < INSTANTS.length; k++) {
    // Spread over the list: subscription i starts at 7i and steps by 11 (co-prime with the list's length).
    const [label, at] = INSTANTS[(7 * i + 11 * k) % INSTANTS.length];
    const now = at(t);
    if (now < ms('2000-01-01T00:00:00.000Z') || picked.some((x) => x.now === iso(now))) continue;
    picked.push({ label, now: iso(now) });
  }
  return {
    id: entry.id,
    label: entry.label,
    input: entry.input,
    ...(entry.policy === null ? {} : { policy: entry.policy }),
    calls: callsOnce(entry, i).map((c) => run(entry, c, null)),
    at: picked.map(({ label, now }, k) => ({
      label,
      now,
      calls: callsAt(entry, k, i).map((c) => run(entry, c, now)),
    })),
  };
});

// ---------------------------------------------------------------------------------------------
// The file. Answers repeat a lot (the same refusal, the same seat batch, the same explain action
// over many instants), so every object or array of an answer (or of a call's options) whose JSON is at least SHARED_MIN
// characters long is written once in `shared` and referred to as the string "@<index>"; an entry
// refers only to entries before it. No answer holds a string starting with "@" (checked below),
// so the references are unambiguous; `expand` in the test undoes them.

const SHARED_MIN = 20;
const shared = [];
const sharedIndex = new Map();
function intern(value) {
  if (typeof value === 'string' && value.startsWith('@')) throw new Error(`an answer holds "${value}"`);
  if (value === null || typeof value !== 'object') return value;
  const inner = Array.isArray(value)
    ? value.map(intern)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, intern(v)]));
  const text = JSON.stringify(inner);
  if (text.length < SHARED_MIN) return inner;
  let index = sharedIndex.get(text);
  if (index === undefined) {
    index = shared.length;
    shared.push(text);
    sharedIndex.set(text, index);
  }
  return `@${index}`;
}
const interned = (call) => ({
  ...call,
  ...('options' in call ? { options: intern(call.options) } : {}),
  ...('answer' in call ? { answer: intern(call.answer) } : {}),
});
for (const r of records) {
  r.calls = r.calls.map(interned);
  for (const a of r.at) a.calls = a.calls.map(interned);
}

const header = {
  about:
    'Frozen answers of the library before the policy timeline (the baseline version 2023-10-19), from the build of commit f8bcbd2; test/properties/baseline.test.ts checks that the current code gives them with asOf before every change. Each record: a subscription input, an optional definePolicy overrides object, calls without an instant, and calls at instants. A call: fn, options (without now and policy), event (transition), and answer or threw ({ code, field } of the CspRulesError). In options and answers, "@<n>" stands for shared[n].',
  generator:
    'node scripts/baseline-answers.mjs --dist <dist of commit f8bcbd2> --out test/fixtures/baseline-2023-10-19.json',
  baselineVersion: '2023-10-19',
  asOf: '2024-06-30T23:59:59.999Z',
  withoutPolicy: WITHOUT_POLICY,
  signatures: SIGNATURES,
  subscriptions: records.length,
  instants: records.reduce((s, r) => s + r.at.length, 0),
  calls: records.reduce((s, r) => s + r.calls.length + r.at.reduce((c, a) => c + a.calls.length, 0), 0),
};
// One record, and one shared value, a line: a changed answer shows as a few changed lines.
const text = `{\n${Object.entries(header)
  .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`)
  .join(
    '\n',
  )}\n"records": [\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n],\n"shared": [\n${shared.join(',\n')}\n]\n}\n`;
JSON.parse(text);
writeFileSync(resolve(outArg), text);
console.log(
  `${header.subscriptions} subscriptions, ${header.instants} instants, ${header.calls} calls, ${shared.length} shared values, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB → ${outArg}`,
);
