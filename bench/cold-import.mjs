// Cold import time of a built entry point: each run is a fresh `node` process that times, with
// process.hrtime, only the dynamic import (module read, parse, link, top-level evaluation) —
// not Node's own start-up. Reported: the median of the runs.
//
//   node bench/cold-import.mjs [runs]     prints the figures for dist/index.js and dist/display.js
//                                         and checks the targets below (exit 1 if one is missed)
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Median cold-import targets (issue 6: the main entry; issue 19: the display entry). */
export const COLD_IMPORT_TARGETS_MS = { index: 15, display: 30 };

/**
 * Milliseconds of each of `runs` cold imports of `file`, sorted, with their median: wall time
 * (`process.hrtime`) and CPU time (`process.cpuUsage`, user + system, all threads) inside the child.
 * CPU time, like the bench's other figures, stays close to an idle run's on a shared machine;
 * the targets are checked on it. `then`: code run after the import, inside the timing (`m` is the module).
 */
export function coldImport(file, runs = 9, then = '') {
  const url = pathToFileURL(file).href;
  const script =
    'const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();' +
    `const m = await import(${JSON.stringify(url)}); ${then};` +
    'const t1 = process.hrtime.bigint(); const c1 = process.cpuUsage(c0);' +
    'process.stdout.write(`${Number(t1 - t0) / 1e6} ${(c1.user + c1.system) / 1e3}`);';
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold import of ${file} failed:\n${child.stderr}`);
    const [w, c] = child.stdout.split(' ').map(Number);
    wall.push(w);
    cpu.push(c);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    runs,
    medianMs: median(wall),
    minMs: wall[0],
    maxMs: wall[wall.length - 1],
    timesMs: wall,
    cpuMedianMs: median(cpu),
    cpuTimesMs: cpu,
  };
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 9);
  let missed = 0;
  for (const [entry, target] of Object.entries(COLD_IMPORT_TARGETS_MS)) {
    const file = new URL(`../dist/${entry}.js`, import.meta.url).pathname;
    const r = coldImport(file, runs);
    const ok = r.cpuMedianMs <= target;
    if (!ok) missed++;
    console.log(
      `dist/${entry}.js: CPU median ${r.cpuMedianMs.toFixed(2)} ms — target ≤ ${target} ms ${ok ? '✔' : '✘'}; ` +
        `wall median ${r.medianMs.toFixed(2)} ms (min ${r.minMs.toFixed(2)}, max ${r.maxMs.toFixed(2)}), ${runs} runs`,
    );
  }
  // Not a target: the first use of Intl with a time zone loads ICU's zone data once per process.
  const display = new URL('../dist/display.js', import.meta.url).pathname;
  const first = coldImport(display, runs, "m.formatInZone(Date.UTC(2024, 2, 17, 14, 2, 45), 'Europe/Berlin')");
  console.log(
    `dist/display.js + a first formatInZone: CPU median ${first.cpuMedianMs.toFixed(2)} ms; wall median ${first.medianMs.toFixed(2)} ms`,
  );
  if (missed > 0) process.exitCode = 1;
}
