// npm run bench [-- --json [file]] [-- --quick]
//
// Speed of the built library over generated portfolios of 10^4, 10^5 and 10^6 subscriptions
// read from JSON, against two baselines of the 7-day cancellation question, plus the seat-batch
// sweep and the cold import time; prints ns per subscription, the ratios and the targets of
// docs/performance.md. `--json [file]` also writes every figure (default bench/results.json).
// `--quick`: 10^4 and 10^5 only. Timings live here, never in a test.
//
// ns/sub is process CPU time (user + system, all threads) per subscription, the median of the
// passes: "per core", and far less disturbed by other processes on a shared machine than wall
// time, which is printed beside it. A full collection runs before every task, outside the timing.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { coldImport } from './cold-import.mjs';
import { loadLibrary } from './load.mjs';
import { NOW, portfolio } from './portfolio.mjs';
import { crossCheck, tasks } from './tasks.mjs';
import { printSweep, runSweep } from './sweep.mjs';

// Re-run with a callable gc (a collection before each task), room for 10^6 subscriptions,
// and the collector on the main thread, so each pass's CPU time holds the GC work it causes and
// none left over from the previous pass.
if (typeof globalThis.gc !== 'function') {
  const self = fileURLToPath(import.meta.url);
  const flags = ['--expose-gc', '--single-threaded-gc', '--max-old-space-size=8192'];
  const child = spawnSync(process.execPath, [...flags, self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile =
  jsonAt < 0
    ? null
    : args[jsonAt + 1] && !args[jsonAt + 1].startsWith('--')
      ? args[jsonAt + 1]
      : fileURLToPath(new URL('results.json', import.meta.url));
const quick = args.includes('--quick');
const SIZES = quick ? [1e4, 1e5] : [1e4, 1e5, 1e6];
// Timed passes per task: at least `passes`, more while the task has used less than `ms`; a
// single pass for 10^6 (the code is warm from the smaller sizes). Keeps the bench to minutes.
const PASSES = { 1e4: { passes: 5, ms: 1500 }, 1e5: { passes: 2, ms: 2000 }, 1e6: { passes: 1, ms: 0 } };
const SWEEP = { count: 1e4, batches: [1, 2, 5, 10, 20], passes: { passes: 9, ms: 0 } };
const started = performance.now();

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const gc = () => globalThis.gc();

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  v8: process.versions.v8,
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};
console.log(`csp-subscription-rules bench — ${new Date().toISOString()}`);
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, node ${machine.node} (V8 ${machine.v8})`,
);
console.log(`load average at start: ${machine.loadAverageAtStart.join(' ')}`);
if (machine.loadAverageAtStart[0] > machine.cores / 2) {
  console.log('  ! the machine is busy: other processes inflate the timings (ratios from one run are less affected)');
}

// 1. Cold import, before anything else warms the file cache or the heap.
const cold = {
  main: coldImport(fileURLToPath(new URL('../dist/index.js', import.meta.url))),
  display: coldImport(fileURLToPath(new URL('../dist/display.js', import.meta.url))),
};
console.log(`\ncold import (median of ${cold.main.runs} fresh processes, time inside the import):`);
console.log(
  `  dist/index.js   ${fmt(cold.main.medianMs, 2)} ms  (min ${fmt(cold.main.minMs, 2)}, max ${fmt(cold.main.maxMs, 2)})`,
);
console.log(
  `  dist/display.js ${fmt(cold.display.medianMs, 2)} ms  (min ${fmt(cold.display.minMs, 2)}, max ${fmt(cold.display.maxMs, 2)})`,
);

const { lib, explain, explainFrom } = await loadLibrary();
console.log(`explain benched from: ${explainFrom}`);

/**
 * Times each task over `state.raw`. A full collection runs before each task (outside the
 * timing), so no task pays for another's garbage; within a task, later passes run in the steady
 * state the earlier ones leave, as a long job would.
 */
function timeTasks(list, state, { passes, ms }, warmup) {
  const results = {};
  const checksums = {};
  for (const task of list) {
    task.setup?.();
    let checksum;
    const cpuMs = [];
    const bench = new Bench({
      iterations: passes,
      time: ms,
      warmup,
      warmupIterations: 2,
      warmupTime: 0,
      throws: true,
      retainSamples: true,
    });
    bench.add(
      task.name,
      () => {
        const c0 = process.cpuUsage();
        checksum = task.fn();
        const c = process.cpuUsage(c0);
        cpuMs.push((c.user + c.system) / 1000);
      },
      {
        beforeAll: () => {
          cpuMs.length = 0;
          gc();
        },
      },
    );
    bench.runSync();
    const r = bench.tasks[0].result;
    const n = state.raw.length;
    const cpuMedianMs = median(cpuMs);
    results[task.name] = {
      label: task.label,
      passes: cpuMs.length,
      wallMedianMs: r.latency.p50,
      wallMinMs: r.latency.min,
      cpuMedianMs,
      // CPU time of the process (all its threads, so concurrent GC work counts): per core, and
      // robust to other processes sharing the machine. Wall time is kept beside it.
      nsPerSub: (cpuMedianMs * 1e6) / n,
      wallNsPerSub: (r.latency.p50 * 1e6) / n,
    };
    checksums[task.name] = checksum;
  }
  return { results, checksums };
}

// 2. Portfolios of 10^4, 10^5, 10^6.
const sizes = {};
for (const n of SIZES) {
  gc();
  const t0 = performance.now();
  const state = { raw: portfolio(n), snapshots: [], exSnapshots: [] };
  const genMs = performance.now() - t0;
  const batches = state.raw.reduce((sum, s) => sum + s.seatBatches.length, 0) / n;
  // At 10^6 explain runs on the raw JSON only: one explain pass there takes tens of seconds.
  const list = tasks(lib, explain, state).filter((t) => n < 1e6 || t.name !== 'explain.snapshot');
  const { results, checksums } = timeTasks(list, state, PASSES[n], n === SIZES[0]);
  const problems = crossCheck(lib, state.raw, checksums);
  const limit = results.limit.nsPerSub;
  const ratios = {
    'canCancel.raw / limit': results['canCancel.raw'].nsPerSub / limit,
    'canCancel.snapshot / limit': results['canCancel.snapshot'].nsPerSub / limit,
    'dateFns / limit': results.dateFns.nsPerSub / limit,
    'dateFns / canCancel.raw': results.dateFns.nsPerSub / results['canCancel.raw'].nsPerSub,
    'dateFns / canCancel.snapshot': results.dateFns.nsPerSub / results['canCancel.snapshot'].nsPerSub,
  };
  sizes[n] = { subscriptions: n, meanBatches: batches, generateMs: genMs, results, ratios, checksums, problems };

  console.log(
    `\n${n.toExponential(0).replace('e+', 'e')} subscriptions (mean ${fmt(batches, 2)} seat batches; generated in ${fmt(genMs / 1000, 1)} s; CPU time, median of ≥ ${PASSES[n].passes} pass${PASSES[n].passes > 1 ? 'es' : ''})`,
  );
  console.log(
    `  ${pad('task', 52)}${lpad('ns/sub', 10)}${lpad('subs/s', 12)}${lpad('× limit', 10)}${lpad('wall ns/sub', 13)}`,
  );
  for (const r of Object.values(results)) {
    const perSecond = Math.round(1e9 / r.nsPerSub).toLocaleString('en-US');
    console.log(
      `  ${pad(r.label, 52)}${lpad(fmt(r.nsPerSub), 10)}${lpad(perSecond, 12)}${lpad(fmt(r.nsPerSub / limit, 2), 10)}${lpad(fmt(r.wallNsPerSub), 13)}`,
    );
  }
  console.log(
    `  date-fns is ${fmt(ratios['dateFns / limit'])}× the limit; canCancel is ${fmt(ratios['dateFns / canCancel.raw'])}× (raw) and ${fmt(ratios['dateFns / canCancel.snapshot'])}× (snapshot) faster than date-fns`,
  );
  console.log(problems.length === 0 ? '  cross-check: ok' : `  cross-check FAILED: ${problems.join('; ')}`);
  state.raw = state.snapshots = state.exSnapshots = null;
}

// 3. reducibleSeats against the number of seat batches (every subscription with k batches).
const sweep = { subscriptions: SWEEP.count, points: [] };
for (const k of SWEEP.batches) {
  gc();
  const state = { raw: portfolio(SWEEP.count, { seed: 1000 + k, batches: k }), snapshots: [], exSnapshots: [] };
  const list = tasks(lib, null, state).filter((t) =>
    ['toSubscription', 'canCancel.raw', 'reducibleSeats.raw', 'reducibleSeats.snapshot'].includes(t.name),
  );
  const { results } = timeTasks(list, state, SWEEP.passes, k === SWEEP.batches[0]);
  sweep.points.push({
    batches: k,
    nsPerSub: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.nsPerSub])),
  });
}
sweep.fits = Object.fromEntries(
  Object.keys(sweep.points[0].nsPerSub).map((name) => [
    name,
    linearFit(sweep.points.map((p) => [p.batches, p.nsPerSub[name]])),
  ]),
);
console.log(
  `\nseat-batch sweep: ${SWEEP.count.toLocaleString('en-US')} subscriptions with k batches each, CPU ns/sub (median of ${SWEEP.passes.passes})`,
);
console.log(
  `  ${pad('k', 6)}${Object.keys(sweep.fits)
    .map((n) => lpad(n, 26))
    .join('')}`,
);
for (const p of sweep.points)
  console.log(
    `  ${pad(p.batches, 6)}${Object.values(p.nsPerSub)
      .map((x) => lpad(fmt(x), 26))
      .join('')}`,
  );
console.log(
  `  ${pad('fit', 6)}${Object.values(sweep.fits)
    .map((f) => lpad(`${fmt(f.intercept, 0)} + ${fmt(f.slope, 1)}·k`, 26))
    .join('')}`,
);
console.log(
  `  ${pad('R²', 6)}${Object.values(sweep.fits)
    .map((f) => lpad(fmt(f.r2, 3), 26))
    .join('')}`,
);

// 4. Targets (docs/performance.md).
// Issue 16: one subscription's cost against its batches (transition) and its term's months (explain).
const growth16 = await runSweep();
printSweep(growth16);

const sizeKeys = Object.keys(sizes).map(Number);
// The worst of the sizes a figure was measured at (f returns undefined where it wasn't).
const worst = (f) => Math.max(...sizeKeys.map((n) => f(sizes[n])).filter((x) => x !== undefined));
const best = (f) => Math.min(...sizeKeys.map((n) => f(sizes[n])).filter((x) => x !== undefined));
const targets = [
  target(
    'canCancel (snapshot) ≤ 1.5× the limit',
    worst((s) => s.ratios['canCancel.snapshot / limit']),
    '≤',
    1.5,
    '×',
  ),
  target(
    'canCancel (raw JSON) ≤ 1.5× the limit',
    worst((s) => s.ratios['canCancel.raw / limit']),
    '≤',
    1.5,
    '×',
  ),
  target(
    'canCancel (snapshot) ≥ 20× faster than date-fns',
    best((s) => s.ratios['dateFns / canCancel.snapshot']),
    '≥',
    20,
    '×',
  ),
  target(
    'canCancel (raw JSON) ≥ 20× faster than date-fns',
    best((s) => s.ratios['dateFns / canCancel.raw']),
    '≥',
    20,
    '×',
  ),
];
if (explain !== null) {
  targets.push(
    target(
      'explain (snapshot) ≥ 1,000,000 subs/s per core',
      best((s) => s.results['explain.snapshot'] && 1e9 / s.results['explain.snapshot'].nsPerSub),
      '≥',
      1e6,
      ' subs/s',
    ),
    target(
      'explain (raw JSON) ≥ 1,000,000 subs/s per core',
      best((s) => 1e9 / s.results['explain.raw'].nsPerSub),
      '≥',
      1e6,
      ' subs/s',
    ),
  );
}
if (sizes[1e5] && sizes[1e6]) {
  const growth = Object.fromEntries(
    Object.keys(sizes[1e6].results).map((t) => [
      t,
      sizes[1e6].results[t].cpuMedianMs / sizes[1e5].results[t].cpuMedianMs,
    ]),
  );
  const [slowest, g] = Object.entries(growth).sort((a, b) => b[1] - a[1])[0];
  targets.push(target(`10^6 within 12× of 10^5 (worst: ${slowest})`, g, '≤', 12, '×'));
  sizes[1e6].growthFrom1e5 = growth;
}
for (const [name, f] of Object.entries(sweep.fits)) {
  if (name.startsWith('reducibleSeats'))
    targets.push(target(`${name} linear in batches (R² of the line)`, f.r2, '≥', 0.95, ''));
}
targets.push(
  target(
    'transition changeQuantity linear in batches to 10^5 (R²)',
    growth16.fits.transitionChangeQuantity.r2,
    '≥',
    0.95,
    '',
  ),
);
targets.push(target('cold import of dist/index.js ≤ 15 ms (median)', cold.main.medianMs, '≤', 15, ' ms'));
targets.push(target('cold import of dist/display.js ≤ 30 ms (median)', cold.display.medianMs, '≤', 30, ' ms'));

console.log('\ntargets');
for (const t of targets) {
  const miss = t.met ? '' : `  — missed by ${fmt(t.op === '≤' ? t.value / t.limit : t.limit / t.value, 1)}×`;
  console.log(
    `  ${t.met ? '✔' : '✘'} ${pad(t.name, 58)} ${lpad(fmt(t.value, t.value >= 1000 ? 0 : 2), 12)}${t.unit}${miss}`,
  );
}
const problems = Object.values(sizes).flatMap((s) => s.problems);
machine.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
const totalSeconds = (performance.now() - started) / 1000;
console.log(`\nload average at end: ${machine.loadAverageAtEnd.join(' ')}; bench took ${fmt(totalSeconds, 0)} s`);

if (jsonFile !== null) {
  const out = {
    date: new Date().toISOString(),
    now: NOW,
    machine,
    explainFrom,
    coldImport: cold,
    sizes,
    sweep,
    growthSweep: growth16,
    targets,
    totalSeconds,
  };
  writeFileSync(jsonFile, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${jsonFile}`);
}
if (problems.length > 0) process.exit(1);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function target(name, value, op, limit, unit) {
  return { name, value, op, limit, unit, met: op === '≤' ? value <= limit : value >= limit };
}

/** Least-squares line through [x, y] points, its R², and the largest |residual| / y. */
function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const maxRelResidual = Math.max(...points.map(([x, y]) => Math.abs(y - (intercept + slope * x)) / y));
  const ssRes = points.reduce((sum, [x, y]) => sum + (y - (intercept + slope * x)) ** 2, 0);
  const ssTot = points.reduce((sum, [, y]) => sum + (y - my) ** 2, 0);
  return { slope, intercept, r2: 1 - ssRes / ssTot, maxRelResidual };
}
