/**
 * `csp-rules` entry point (built to dist/cli.js with a shebang). The only place that touches
 * the process: files and standard input (read in chunks), stdout/stderr, the exit code, and the
 * clock when `--now` is not given.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { OutputClosed, run } from './run.js';

/** Bytes read at a time: a 100 MB file is never held whole. */
const CHUNK = 1 << 20;

/** The file (`-`: standard input) as UTF-8 text chunks, read synchronously one chunk at a time. */
function* readChunks(path: string): Generator<string> {
  const stdin = path === '-';
  const fd = stdin ? 0 : openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        // A non-blocking standard input with nothing yet: try again.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        // Standard input closed by a terminal: end of input.
        if (stdin && (error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      yield decoder.write(buffer.subarray(0, n));
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** The package version, from the package.json beside dist/. */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Writes to standard output synchronously (`writeSync`): a slow reader blocks the command
 * instead of queueing lines in memory, so a 10^5-record stream runs in bounded memory. A reader
 * that has gone (`| head -1`: EPIPE) stops the command quietly.
 */
function stdout(text: string): void {
  let data = Buffer.from(text, 'utf8');
  while (data.length > 0) {
    try {
      data = data.subarray(writeSync(1, data));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe that is full: try again
      if (code === 'EPIPE') throw new OutputClosed('closed');
      throw error;
    }
  }
}

process.exitCode = run(process.argv.slice(2), {
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  readChunks,
  stdout,
  stderr: (text) => process.stderr.write(text),
  // The CLI is the edge: without --now it decides at the current time. The library never does (T4).
  clock: () => Date.now(),
  version: version(),
});
