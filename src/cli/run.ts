/**
 * The `csp-rules` command, with its inputs and outputs passed in (so tests can run it in
 * process): read each file as a stream of records, read and explain every record it can, list
 * the others with why, print.
 */
import type { FromPartnerCenterOptions } from '../partner-center/fromPartnerCenter.js';
import { readPartnerCenterRecord, type PartnerCenterRecord } from '../partner-center/readList.js';
import { explainPartnerCenter, type PartnerCenterExplanation } from '../partner-center/explainReported.js';
import { isTimeZone } from '../display/index.js';
import { CspRulesError } from '../core/errors.js';
import type { ExplainOptions } from '../explain/explain.js';
import type { Program } from '../policy/programs.js';
import { toInstant, type Instant } from '../time/instant.js';
import { isRecord, toCount, toRecord } from '../core/validate.js';
import { parseArgs, USAGE, UsageError, type Args } from './args.js';
import { JsonStreamError, readJsonPieces } from './jsonStream.js';
import { renderDetail, renderSummary, type Explained } from './render.js';
import { csvHeader, csvRow, csvSkipped, jsonLine, jsonSkipped, LAST_INSTANT, type Skipped } from './records.js';

/** What the command touches outside itself. */
export interface Io {
  /** The whole text of a file (`-`: standard input). */
  readonly readFile: (path: string) => string;
  /** The text of a file in chunks, for streaming; when absent, `readFile` is used. */
  readonly readChunks?: (path: string) => Iterable<string>;
  /** Writes to standard output; throws {@link OutputClosed} once the reader has gone (`| head`). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The current time, used only when `--now` is absent (the CLI is the edge; the library never reads the clock, T4). */
  readonly clock: () => Instant;
  /** The package version, for `--version`. */
  readonly version?: string;
}

/** Standard output was closed by its reader (`| head -1`): stop quietly. */
export class OutputClosed extends Error {
  override readonly name = 'OutputClosed';
}

/** Exit codes (README "Exit codes"). */
const EXIT = Object.freeze({ ok: 0, unexpected: 1, badInput: 2, skipped: 3, alert: 4 } as const);

/** Bad input with the message to print (already naming the file and the field). */
class InputError extends Error {}

/** `--alert` names: the alert classes of `explain`, and `est` for the Extended Service Term. */
const ALERTS: ReadonlyMap<string, string> = new Map([
  ['lock-in-soon', 'lock-in-soon'],
  ['renewing-soon', 'renewing-soon'],
  ['est', 'moves-to-extended-service-term'],
  ['moves-to-extended-service-term', 'moves-to-extended-service-term'],
  ['service-ends', 'service-ends'],
  ['locked', 'locked'],
]);

/**
 * Runs `csp-rules` and returns the exit code: 0 every record answered, 3 some skipped, 4 an
 * `--alert` class matched, 2 unusable input (usage, unreadable file, invalid JSON — the message
 * names the file), 1 anything unexpected.
 */
export function run(argv: readonly string[], io: Io): number {
  let code: number = EXIT.ok;
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (args.command === 'version') {
      io.stdout(`${io.version ?? 'unknown'}\n`);
      return EXIT.ok;
    }
    const settings = settingsOf(args, io);
    const out = new Output(args, io);
    for (const file of args.files) {
      for (const record of records(file, io, settings.adapter)) out.add(file, record, settings.explain, settings.alert);
    }
    out.finish();
    code = out.alerted ? EXIT.alert : out.skipped > 0 ? EXIT.skipped : EXIT.ok;
    return code;
  } catch (error) {
    if (error instanceof OutputClosed) return code;
    if (error instanceof UsageError) {
      io.stderr(`csp-rules: ${error.message}\n\n${USAGE}`);
      return EXIT.badInput;
    }
    if (error instanceof InputError) {
      io.stderr(`csp-rules: ${error.message}\n`);
      return EXIT.badInput;
    }
    io.stderr(
      `csp-rules: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.unexpected;
  }
}

interface Settings {
  readonly adapter: FromPartnerCenterOptions;
  readonly explain: ExplainOptions;
  /** Internal alert classes asked for by `--alert`; empty: no filter. */
  readonly alert: ReadonlySet<string>;
}

function settingsOf(args: Args, io: Io): Settings {
  // Stryker disable next-line StringLiteral: option() strips the field name ('now: …') from the message, whatever it is
  const now = args.now === undefined ? io.clock() : option('--now', () => toInstant(args.now, 'now'));
  if (!isTimeZone(args.tz))
    throw new InputError(`--tz: expected an IANA time zone such as Europe/Berlin, got ${JSON.stringify(args.tz)}`);
  const alertDays =
    args.alertDays === undefined
      ? undefined
      : option('--alert-days', () => toCount(Number(args.alertDays), 'alertDays'));
  const alert = new Set<string>();
  for (const name of args.alert) {
    const found = ALERTS.get(name);
    if (found === undefined)
      throw new InputError(
        `--alert: unknown class ${JSON.stringify(name)} (expected ${[...ALERTS.keys()].join(', ')})`,
      );
    alert.add(found);
  }
  const program = args.program as Program | undefined;
  return {
    adapter: program === undefined ? {} : { program },
    explain: { now, ...(alertDays === undefined ? {} : { alertDays }) },
    alert,
  };
}

/** One record of a file, with its label (`file` or `file[2]`). */
interface FileRecord {
  readonly label: string;
  readonly record: PartnerCenterRecord;
  /** The file held one document that is not a list. */
  readonly single: boolean;
}

function* records(file: string, io: Io, adapter: FromPartnerCenterOptions): Generator<FileRecord> {
  let chunks: Iterable<string>;
  try {
    chunks = io.readChunks === undefined ? [io.readFile(file)] : io.readChunks(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  }
  const pieces = readJsonPieces(guard(file, chunks));
  for (;;) {
    let next: IteratorResult<ReturnType<typeof readJsonPieces> extends Generator<infer P> ? P : never>;
    try {
      next = pieces.next();
    } catch (error) {
      if (error instanceof JsonStreamError) throw new InputError(`${file}: not valid JSON (${error.message})`);
      throw error;
    }
    if (next.done === true) return;
    const piece = next.value;
    try {
      if (piece.kind === 'single') {
        // A document that is neither a list nor an object is unusable input, not a record.
        if (!isRecord(piece.value)) toRecord(piece.value, '$');
        yield { label: file, record: readPartnerCenterRecord(piece.value, 0, adapter, '$'), single: true };
      } else {
        yield {
          label: `${file}[${piece.index}]`,
          record: readPartnerCenterRecord(piece.value, piece.index, adapter, piece.list),
          single: false,
        };
      }
    } catch (error) {
      // Only invalid options reach here (they concern every record): unusable input.
      if (error instanceof CspRulesError && error.field === 'options.program')
        throw new InputError(`--program: ${error.detail}`);
      if (error instanceof CspRulesError) throw new InputError(`${file}: ${error.message} (${error.code})`);
      throw error;
    }
  }
}

/** Reading errors of the chunks (a file that disappears, EISDIR …) as unusable input. */
function* guard(file: string, chunks: Iterable<string>): Generator<string> {
  const it = chunks[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = it.next();
    } catch (error) {
      throw new InputError(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
    }
    if (next.done === true) return;
    yield next.value;
  }
}

/** Collects or streams the output of every record, in the chosen format. */
class Output {
  skipped = 0;
  alerted = false;
  private readonly items: (Explained & { readonly explanation: PartnerCenterExplanation })[] = [];
  private readonly skips: Skipped[] = [];
  private single = true;
  private count = 0;

  constructor(
    private readonly args: Args,
    private readonly io: Io,
  ) {
    if (args.format === 'csv') io.stdout(csvHeader());
    if (args.files.length !== 1) this.single = false;
  }

  add(file: string, r: FileRecord, options: ExplainOptions, alert: ReadonlySet<string>): void {
    this.count++;
    if (!r.single) this.single = false;
    const { record } = r;
    if (!record.ok) {
      this.skip({ file, label: r.label, index: r.single ? null : record.index, record });
      return;
    }
    let explanation: PartnerCenterExplanation;
    try {
      explanation = explainPartnerCenter(record, options);
    } catch (error) {
      if (!(error instanceof CspRulesError)) throw error;
      this.skip({
        file,
        label: r.label,
        index: r.single ? null : record.index,
        record: { ok: false, index: record.index, id: record.subscription.id, reason: 'invalid', error },
      });
      return;
    }
    if (alert.size > 0) {
      if (!alert.has(explanation.alert)) return;
      this.alerted = true;
    }
    const item = {
      label: r.label,
      file,
      index: r.single ? null : record.index,
      subscription: record.subscription,
      notes: record.notes,
      explanation,
    };
    if (this.args.format === 'jsonl') this.io.stdout(jsonLine(item));
    else if (this.args.format === 'csv') this.io.stdout(csvRow(item));
    else this.items.push(item);
  }

  private skip(s: Skipped): void {
    this.skipped++;
    if (this.args.format === 'jsonl') this.io.stdout(jsonSkipped(s));
    else if (this.args.format === 'csv') this.io.stdout(csvSkipped(s));
    else this.skips.push(s);
  }

  finish(): void {
    const { args, io } = this;
    for (const s of this.skips) {
      io.stderr(
        `csp-rules: skipped ${s.label}${s.record.id === null ? '' : ` (${s.record.id})`}: ${s.record.reason}: ${s.record.error.message} (${s.record.error.code})\n`,
      );
    }
    if (args.format === 'jsonl' || args.format === 'csv') return;
    const single = this.single && this.count === 1;
    if (args.format === 'json') {
      const body = single ? (this.items[0]?.explanation ?? null) : this.items.map((i) => i.explanation);
      // Instants after 9999 (a term that never ends: commitmentEndDate 9999-12-31) have no ISO form: null.
      io.stdout(
        `${JSON.stringify(body, (_key, value: unknown) => (typeof value === 'number' && value > LAST_INSTANT ? null : value))}\n`,
      );
    } else if (single && this.items[0] !== undefined) {
      io.stdout(renderDetail(this.items[0], args));
    } else if (this.items.length > 0 || this.skips.length === 0) {
      io.stdout(renderSummary(this.items));
      if (args.detail) for (const item of this.items) io.stdout(`\n${renderDetail(item, args)}`);
    }
  }
}

function option<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    // Stryker disable next-line Regex: the message is always `${field}: …` with a field without ':', so the leftmost match starts at 0 anyway
    if (error instanceof CspRulesError) throw new InputError(`${name}: ${error.message.replace(/^[^:]*: /, '')}`);
    throw error;
  }
}
