/**
 * `csp-rules` entry point (built to dist/cli.js with a shebang). The only place that touches
 * the process: files, stdout/stderr, the exit code, and the clock when `--now` is not given.
 */
import { readFileSync } from 'node:fs';
import { run } from './run.js';

process.exitCode = run(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // The CLI is the edge: without --now it decides at the current time. The library never does (T4).
  clock: () => Date.now(),
});
