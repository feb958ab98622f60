// node bench/sweep-reconcile.mjs [--json [file]]   (after npm run build)
//
// reconcile() over one subscription with k seat batches two seconds apart whose every reported window end differs
// from ours by one second (no batch matches: the worst case, every batch paired in order), for
// k from 10^3 to 10^5. Prints CPU ms per call (median of the passes) and the least-squares line
// through the points with its R² (docs/performance.md "reconcile sweep"): a cost that grows
// linearly with k fits a line (R² close to 1); a quadratic one does not. Timings live here,
// never in a test.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { reconcile } = await import(new URL('../dist/partner-center.js', import.meta.url).href);

const SIZES = [1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5];
const PASSES = 5;
const HOUR = 3_600_000;
const PURCHASE = Date.parse('2024-01-15T00:00:00Z');

/** Our subscription with k one-seat batches two seconds apart, and Partner Center's view of it, each window end one second later. */
function inputs(k) {
  const seatBatches = [];
  const details = [];
  for (let i = 0; i < k; i++) {
    const addedAt = PURCHASE + i * 2000;
    seatBatches.push({ quantity: 1, addedAt });
    details.push({ quantity: 1, allowedUntilDateTime: new Date(addedAt + 168 * HOUR + 1000).toISOString() });
  }
  const ours = {
    program: 'nce-license',
    term: 'P1Y',
    billing: 'monthly',
    quantity: k + 1,
    purchasedAt: PURCHASE,
    seatBatches,
  };
  const json = {
    id: 'sweep',
    quantity: k + 1,
    status: 'active',
    creationDate: new Date(PURCHASE).toISOString(),
    refundableQuantity: { totalQuantity: k, details },
  };
  return { ours, json, now: PURCHASE + k * 2000 };
}

function cpuMs(fn) {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Least squares y = a + b·x, and R². */
function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = sxy / sxx;
  const a = my - b * mx;
  const ssRes = points.reduce((s, [x, y]) => s + (y - (a + b * x)) ** 2, 0);
  const ssTot = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  return { intercept: a, slope: b, r2: 1 - ssRes / ssTot };
}

const points = [];
console.log('reconcile sweep: k batches, every reported window end 1 s off; CPU ms per call (median of %d)', PASSES);
for (const k of SIZES) {
  const { ours, json, now } = inputs(k);
  reconcile(ours, json, { now }); // warm-up
  const times = [];
  let differences = 0;
  for (let p = 0; p < PASSES; p++) {
    const { ms, result } = cpuMs(() => reconcile(ours, json, { now }));
    times.push(ms);
    differences = result.length;
  }
  const ms = median(times);
  points.push({ batches: k, ms, differences });
  console.log(`  k = ${String(k).padStart(6)}  ${ms.toFixed(1).padStart(8)} ms  (${differences} differences)`);
}
const fit = linearFit(points.map((p) => [p.batches, p.ms]));
console.log(
  `  fit: ${fit.intercept.toFixed(2)} ms + ${(fit.slope * 1000).toFixed(2)} µs/batch, R² = ${fit.r2.toFixed(4)}`,
);

const args = process.argv.slice(2);
const at = args.indexOf('--json');
if (at >= 0) {
  const file = args[at + 1] ?? fileURLToPath(new URL('sweep-reconcile.json', import.meta.url));
  writeFileSync(file, `${JSON.stringify({ node: process.version, points, fit }, null, 2)}\n`);
}
