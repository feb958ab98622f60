import type { Io } from '../../src/cli/run.js';

/**
 * An in-memory Io for the CLI: files from a map, stdout and stderr collected, and a clock that
 * fails the test if read (it must not be when --now is given).
 */
export function memoryIo(files: Record<string, string>): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    readFile: (path) => {
      const text = Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    clock: () => {
      throw new Error('the clock must not be read when --now is given');
    },
  };
}
