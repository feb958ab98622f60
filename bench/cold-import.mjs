// Cold import time of a built entry point: each run is a fresh `node` process that times, with
// process.hrtime, only the dynamic import (module read, parse, link, top-level evaluation) —
// not Node's own start-up. Reported: the median of the runs.
//
//   node bench/cold-import.mjs [runs]     prints the figures for dist/index.js and dist/display.js
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Milliseconds of each of `runs` cold imports of `file`, sorted, with their median. */
export function coldImport(file, runs = 9) {
  const url = pathToFileURL(file).href;
  const script =
    'const t0 = process.hrtime.bigint();' +
    `await import(${JSON.stringify(url)});` +
    'const t1 = process.hrtime.bigint();' +
    'process.stdout.write(String(Number(t1 - t0) / 1e6));';
  const times = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold import of ${file} failed:\n${child.stderr}`);
    times.push(Number(child.stdout));
  }
  times.sort((a, b) => a - b);
  return { runs, medianMs: median(times), minMs: times[0], maxMs: times[times.length - 1], timesMs: times };
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 9);
  for (const entry of ['index', 'display']) {
    const file = new URL(`../dist/${entry}.js`, import.meta.url).pathname;
    const r = coldImport(file, runs);
    console.log(
      `dist/${entry}.js: median ${r.medianMs.toFixed(2)} ms (min ${r.minMs.toFixed(2)}, max ${r.maxMs.toFixed(2)}, ${runs} runs)`,
    );
  }
}
