/**
 * `csp-rules` arguments, parsed by `node:util`'s `parseArgs`:
 * `csp-rules explain FILE.json|- [FILE.json …] [--now ISO] [--tz ZONE] [--json|--jsonl|--csv]
 * [--alert CLASSES] [--program P] [--alert-days N] [--detail]`.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

/** Output formats. */
type Format = 'text' | 'json' | 'jsonl' | 'csv';

/** What the command line asks for. */
export interface Args {
  readonly command: 'explain' | 'help' | 'version';
  /** Files to read; `-` is standard input. */
  readonly files: readonly string[];
  /** `--now`; absent → the CLI reads the clock (the only place that does, T4). */
  readonly now: string | undefined;
  readonly tz: string;
  readonly format: Format;
  readonly detail: boolean;
  readonly program: string | undefined;
  readonly alertDays: string | undefined;
  /** `--alert`: the alert classes to report (comma-separated on the command line); empty = no filter. */
  readonly alert: readonly string[];
}

/** A wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The help text. */
export const USAGE = `Usage: csp-rules explain FILE.json|- [FILE.json ...] [options]

Reads Partner Center subscription JSON (one subscription, an array, or { items: [...] }; - reads
standard input) and prints, for every action, whether it is possible now, at renewal or never,
until when, why, and whether the deadline is reported by the JSON or computed by the rules.
Records the rules do not cover (Azure plans, legacy licenses, usage billing) or that are not
subscriptions are listed as skipped, with why; the others are answered.

Options:
  --now ISO          the instant to decide at, with Z or an offset (default: the current time)
  --tz ZONE          also show deadlines in this IANA time zone, e.g. Europe/Berlin (default: UTC only)
  --json             print the explanations as JSON (an array for a list)
  --jsonl            one JSON line per record (ISO instants and epoch ms, notes, file name), streamed
  --csv              one CSV row per record, streamed
  --alert CLASSES    only records in these alert classes, comma-separated: lock-in-soon,
                     renewing-soon, est (moves to an Extended Service Term), service-ends, locked
  --program P        force the program (bss-software, softwareone, ...): not visible in the JSON
  --alert-days N     horizon of the renewing-soon / lock-in-soon alerts in days (default 7)
  --detail           with several subscriptions, print each table after the summary
  --version          the version
  -h, --help         this text

Exit codes:
  0  every record was answered (with --alert: and none is in the classes asked for)
  1  unexpected error (a bug: please report it)
  2  unusable input: bad command line, unreadable file, invalid JSON
  3  some records were skipped (not covered, not a subscription, or invalid); the others were answered
  4  --alert: at least one record is in the classes asked for (skipped records are still listed)
`;

/**
 * Parses `argv` (without `node` and the script).
 *
 * @throws {@link UsageError} for an unknown command or option, or a missing value or file
 */
export function parseArgs(argv: readonly string[]): Args {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(usageMessage(error instanceof Error ? error.message : String(error)));
  }
  const { values: v, positionals } = parsed;
  if (v.help === true) return defaults('help');
  if (v.version === true) return defaults('version');
  const [command, ...files] = positionals;
  if (command === undefined || command === 'help') return defaults('help');
  if (command !== 'explain') throw new UsageError(`unknown command ${JSON.stringify(command)} (expected explain)`);
  if (files.length === 0) throw new UsageError('explain needs a FILE.json (or - for standard input)');
  const formats = (['json', 'jsonl', 'csv'] as const).filter((f) => v[f] === true);
  if (formats.length > 1) throw new UsageError(`choose one of --json, --jsonl, --csv (got --${formats.join(', --')})`);
  for (const name of ['now', 'tz', 'program', 'alert-days', 'alert'] as const) {
    if (v[name] === '') throw new UsageError(`--${name} needs a value`);
  }
  return {
    command: 'explain',
    files,
    now: v.now,
    tz: v.tz ?? 'UTC',
    format: formats[0] ?? 'text',
    detail: v.detail === true,
    program: v.program,
    alertDays: v['alert-days'],
    alert: v.alert === undefined ? [] : v.alert.split(',').map((a) => a.trim()),
  };
}

/** `parseArgs`'s messages, in this command's words (`--now needs a value`, `unknown option --x`). */
function usageMessage(message: string): string {
  const missing = /^Option '(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing !== null) return `${missing[1] as string} needs a value`;
  const unknown = /^Unknown option '(-{1,3}[^']*)'/.exec(message);
  if (unknown !== null) return `unknown option ${unknown[1] as string}`;
  const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous !== null)
    return `${ambiguous[1] as string}: a value starting with - must be given as ${ambiguous[1] as string}=VALUE`;
  const flag = /^Option '(--[\w-]+)' does not take an argument/.exec(message);
  if (flag !== null) return `unknown option ${flag[1] as string} (it takes no value)`;
  return message.replace(/\. To specify a positional.*$/s, '');
}

function parse(argv: readonly string[]) {
  return parseNodeArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      now: { type: 'string' },
      tz: { type: 'string' },
      program: { type: 'string' },
      'alert-days': { type: 'string' },
      alert: { type: 'string' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      csv: { type: 'boolean' },
      detail: { type: 'boolean' },
      version: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function defaults(command: 'help' | 'version'): Args {
  return {
    command,
    files: [],
    now: undefined,
    tz: 'UTC',
    format: 'text',
    detail: false,
    program: undefined,
    alertDays: undefined,
    alert: [],
  };
}
