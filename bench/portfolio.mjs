// Deterministic portfolios for the bench: subscriptions as a partner's nightly job reads them
// from JSON (ISO-string instants, with `Z` and with offsets; 1–20 seat batches each).
// Same seed → same portfolio, so runs on different machines compare like with like.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instant every decision is asked at: 2025-06-15T02:00:00Z (epoch ms, as a job would pass it). */
export const NOW = Date.UTC(2025, 5, 15, 2, 0, 0);

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

// Offsets partners' systems write: Z most often, then a few numeric ones (incl. the extremes).
const OFFSETS = ['Z', 'Z', 'Z', 'Z', '+00:00', '+01:00', '+02:00', '-05:00', '-08:00', '+05:30', '+14:00', '-12:00'];

/** ISO-8601 spelling of `ms` in the given offset, with or without milliseconds. */
function iso(ms, offset, withMs) {
  const minutes =
    offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const d = new Date(ms + minutes * 60_000); // wall clock in that offset, read with getUTC*
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${withMs ? `.${pad(d.getUTCMilliseconds(), 3)}` : ''}${offset}`;
}

/**
 * One subscription description. 90 % are license-based new-commerce subscriptions in their
 * first term (the case the 7-day baselines answer too); the rest are renewed terms, other
 * programs, suspended subscriptions and trials, so every branch of the decisions runs.
 */
function subscription(rand, i, batchCount) {
  const spelling = () => ({ offset: OFFSETS[Math.floor(rand() * OFFSETS.length)], withMs: rand() < 0.3 });
  // Instants spelled without milliseconds are whole seconds; every later instant is ≥ 1 s after
  // the purchase, so no spelling puts a batch before it.
  const at = (ms, sp) => iso(sp.withMs ? ms : ms - (ms % 1000), sp.offset, sp.withMs);
  const s = spelling();
  // Purchases over the last ~11 months, ~8 % of them inside the last 7 days.
  const age = rand() < 0.08 ? Math.floor(rand() * 8 * DAY) : Math.floor(rand() * 330 * DAY);
  let purchasedAt = NOW - age;
  if (!s.withMs) purchasedAt -= purchasedAt % 1000;
  const kind = rand();
  const program = kind < 0.94 ? 'nce-license' : kind < 0.96 ? 'nce-software' : kind < 0.98 ? 'nce-saas' : 'softwareone';
  const sub = {
    id: `sub-${pad(i, 7)}`,
    offerName: 'Microsoft 365 Business Standard',
    program,
    status: rand() < 0.03 ? 'suspended' : 'active',
    term: rand() < 0.8 ? 'P1Y' : 'P1M',
    billing: 'monthly',
    quantity: 0,
    purchasedAt: at(purchasedAt, s),
    autoRenew: rand() < 0.9,
    seatBatches: [],
  };
  if (sub.term === 'P1M' && age > 31 * DAY) {
    // A renewed monthly term whose completion instant is known (R3).
    const renewedAt = NOW - Math.floor(rand() * 28 * DAY);
    sub.termStartedAt = at(renewedAt, s);
    sub.termEndDate = new Date(renewedAt + 29 * DAY).toISOString().slice(0, 10);
  }
  if (rand() < 0.01) sub.trial = true;
  let quantity = 0;
  let added = purchasedAt;
  for (let b = 0; b < batchCount; b++) {
    // Batches spread from the purchase to now; the last ones are often recent.
    if (b > 0) added = Math.min(NOW - 1000, added + 1000 + Math.floor(rand() * ((NOW - added) / (batchCount - b))));
    const q = 1 + Math.floor(rand() * 25);
    quantity += q;
    sub.seatBatches.push({ quantity: q, addedAt: b === 0 ? sub.purchasedAt : at(added, spelling()) });
  }
  sub.quantity = quantity;
  return sub;
}

/**
 * Seat batches per subscription in a mixed portfolio: 1–20, most subscriptions few (a batch is
 * the purchase or a midterm increase); P(k) ∝ 0.75^(k−1), mean ≈ 3.8.
 */
export function batchCount(rand) {
  let k = 1;
  while (k < 20 && rand() < 0.75) k++;
  return k;
}

/**
 * `count` subscriptions, built as JSON text in chunks and read back with `JSON.parse`, as a
 * job reading an export would hold them. `batches`: a fixed count for every subscription, or
 * omitted for the mixed 1–20 distribution of {@link batchCount}.
 */
export function portfolio(count, { seed = 20250615, batches } = {}) {
  const rand = prng(seed);
  const out = new Array(count);
  const CHUNK = 10_000;
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const chunk = [];
    for (let i = start; i < end; i++) chunk.push(subscription(rand, i, batches ?? batchCount(rand)));
    const parsed = JSON.parse(JSON.stringify(chunk));
    for (let i = 0; i < parsed.length; i++) out[start + i] = parsed[i];
  }
  return out;
}
