// The growth sweep of issue 16: one subscription with k open seat batches, k up to 10^5, and the
// cost of `transition` `changeQuantity` (a reduction that releases from half of them) and of
// `explain` on a monthly-billed term k months long. Each must grow at most linearly in k: the R²
// of the straight line through (k, ms) is printed and kept (docs/performance.md). Imported by
// bench/run.mjs; `node bench/sweep.mjs` runs it alone (after `npm run build`). Timings live here,
// never in a test.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PURCHASE = Date.parse('2024-01-15T10:00:00Z');
/** Batches (and months) per point: a sweep up to 10^5. */
export const SWEEP_SIZES = [1e3, 2e4, 4e4, 6e4, 8e4, 1e5];

async function load(file) {
  const path = `${root}${file}`;
  if (!existsSync(path)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
  return import(pathToFileURL(path).href);
}

/** Median of the CPU milliseconds of `passes` runs of `fn` (after one warm-up run). */
function cpuMedianMs(fn, passes) {
  fn();
  const ms = [];
  for (let i = 0; i < passes; i++) {
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    ms.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/** Least squares line through the points, with R². */
export function fitLine(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssRes = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  const ssTot = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

/**
 * Runs the sweep over the built library: `{ points, fits }`, each point `{ k, transitionMs, explainMs }`.
 */
export async function runSweep({ passes = 3, sizes = SWEEP_SIZES } = {}) {
  const { transition } = await load('dist/lifecycle.js');
  const { explain } = await load('dist/explain.js');
  const points = [];
  for (const k of sizes) {
    // k one-seat batches a second apart on the purchase day; asked the next day, all are open (Q2).
    const seatBatches = Array.from({ length: k }, (_, i) => ({ quantity: 1, addedAt: PURCHASE + i * 1000 }));
    const sub = {
      program: 'nce-license',
      term: 'P1Y',
      billing: 'monthly',
      quantity: k,
      purchasedAt: PURCHASE,
      seatBatches,
    };
    const now = PURCHASE + 86_400_000;
    const event = { type: 'changeQuantity', quantity: Math.floor(k / 2) };
    const transitionMs = cpuMedianMs(() => {
      if (!transition(sub, event, { now }).ok) throw new Error('the sweep reduction was refused');
    }, passes);
    // A monthly-billed term k months long (its end date given), asked on its first day and near its end.
    const endYear = 2024 + Math.floor(k / 12);
    const long = {
      program: 'nce-license',
      term: 'P3Y',
      billing: 'monthly',
      quantity: 5,
      purchasedAt: PURCHASE,
      termEndDate: `${String(Math.min(endYear, 9998)).padStart(4, '0')}-01-14`,
    };
    const late = `${String(Math.min(endYear, 9998) - 1).padStart(4, '0')}-06-20T00:00:00Z`;
    const explainMs = cpuMedianMs(() => {
      explain(long, { now: '2024-01-20T00:00:00Z' });
      explain(long, { now: late });
    }, passes);
    points.push({ k, transitionMs, explainMs });
  }
  const fits = {
    transitionChangeQuantity: fitLine(points.map((p) => [p.k, p.transitionMs])),
    explainLongMonthlyTerm: fitLine(points.map((p) => [p.k, p.explainMs])),
  };
  return { points, fits };
}

/** Prints a sweep's table and its fits. */
export function printSweep({ points, fits }) {
  console.log(
    '\ngrowth sweep (issue 16): one subscription, k open batches / a monthly term k months long, CPU ms (median)',
  );
  console.log(`  ${'k'.padEnd(8)}${'transition changeQuantity'.padStart(28)}${'explain long monthly'.padStart(24)}`);
  for (const p of points)
    console.log(
      `  ${String(p.k).padEnd(8)}${p.transitionMs.toFixed(2).padStart(28)}${p.explainMs.toFixed(3).padStart(24)}`,
    );
  const t = fits.transitionChangeQuantity;
  const e = fits.explainLongMonthlyTerm;
  console.log(`  transition: ${(t.slope * 1e3).toFixed(2)} µs per batch, R² of the line ${t.r2.toFixed(4)}`);
  console.log(
    `  explain: ${(e.slope * 1e6).toFixed(2)} ns per month of term (flat when bounded), R² ${e.r2.toFixed(4)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printSweep(await runSweep());
