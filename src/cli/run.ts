/**
 * The `csp-rules` command, with its inputs and outputs passed in (so tests can run it in
 * process): read each file, `fromPartnerCenter` + `explain` every subscription, print.
 */
import {
  fromPartnerCenter,
  fromPartnerCenterList,
  type PartnerCenterSubscription,
} from '../partner-center/fromPartnerCenter.js';
import { isTimeZone } from '../display/index.js';
import { CspRulesError } from '../core/errors.js';
import { explain, type Explanation, type ExplainOptions } from '../explain/explain.js';
import type { Program } from '../policy/programs.js';
import { toInstant, type Instant } from '../time/instant.js';
import { toCount } from '../core/validate.js';
import { parseArgs, USAGE, UsageError } from './args.js';
import { renderDetail, renderSummary, type Explained } from './render.js';

/** What the command touches outside itself. */
export interface Io {
  readonly readFile: (path: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The current time, used only when `--now` is absent (the CLI is the edge; the library never reads the clock, T4). */
  readonly clock: () => Instant;
}

/** Exit codes. */
const EXIT = { ok: 0, unexpected: 1, badInput: 2 } as const;

/** Bad input with the message to print (already naming the file and the field). */
class InputError extends Error {}

/**
 * Runs `csp-rules` and returns the exit code: 0 ok, 2 bad input (usage, unreadable file, invalid
 * JSON, a field rejected — the message names the file and the JSON path), 1 anything unexpected.
 */
export function run(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    // Stryker disable next-line StringLiteral: option() strips the field name ('now: …') from the message, whatever it is
    const now = args.now === undefined ? io.clock() : option('--now', () => toInstant(args.now, 'now'));
    if (!isTimeZone(args.tz))
      throw new InputError(`--tz: expected an IANA time zone such as Europe/Berlin, got ${JSON.stringify(args.tz)}`);
    // Stryker disable next-line StringLiteral: option() strips the field name ('alertDays: …') from the message, whatever it is
    const alertDays =
      args.alertDays === undefined
        ? undefined
        : option('--alert-days', () => toCount(Number(args.alertDays), 'alertDays'));
    const program = args.program as Program | undefined;
    // Stryker disable next-line ConditionalExpression: fromPartnerCenter reads { program: undefined } as no program given
    const adapter = program === undefined ? {} : { program };
    // Stryker disable next-line ConditionalExpression: explain reads { alertDays: undefined } as the default
    const explainOptions: ExplainOptions = { now, ...(alertDays === undefined ? {} : { alertDays }) };

    const items: Explained[] = [];
    let single = args.files.length === 1;
    for (const file of args.files) {
      const json = readJson(file, io);
      // Stryker disable next-line ConditionalExpression: a JSON string, number or boolean has no own 'items' property either
      const isList =
        Array.isArray(json) ||
        (typeof json === 'object' && json !== null && Object.prototype.hasOwnProperty.call(json, 'items'));
      if (isList) single = false;
      const read: readonly PartnerCenterSubscription[] = inFile(file, () =>
        isList ? fromPartnerCenterList(json, adapter) : [fromPartnerCenter(json, adapter)],
      );
      read.forEach((r, i) => {
        const explanation: Explanation = inFile(file, () => explain(r.subscription, explainOptions));
        items.push({
          label: isList ? `${file}[${i}]` : file,
          subscription: r.subscription,
          notes: r.notes,
          explanation,
        });
      });
    }

    if (args.json) {
      // Stryker disable next-line OptionalChaining: single means one file holding one subscription, so items[0] exists
      io.stdout(`${JSON.stringify(single ? items[0]?.explanation : items.map((i) => i.explanation))}\n`);
    } else if (single && items[0] !== undefined) {
      io.stdout(renderDetail(items[0], args));
    } else {
      io.stdout(renderSummary(items));
      if (args.detail) for (const item of items) io.stdout(`\n${renderDetail(item, args)}`);
    }
    return EXIT.ok;
  } catch (error) {
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

function readJson(file: string, io: Io): unknown {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Runs `read`; a {@link CspRulesError} becomes bad input naming the file and the field path. */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CspRulesError) {
      if (error.field === 'options.program') throw new InputError(`--program: ${error.detail}`);
      throw new InputError(`${file}: ${error.message} (${error.code})`);
    }
    throw error;
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
