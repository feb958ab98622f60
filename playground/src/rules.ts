/**
 * The rule catalogue as the page shows it: parsed from the repo's docs/rules.md at build time
 * (bundled, so the links work offline). Each rule ID in an answer links to its entry here.
 */
import rulesMarkdown from '../../docs/rules.md?raw';

/** One rule: ID, first sentence, source, the versions of Microsoft's rules it was stated or changed in. */
export interface RuleEntry {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly versions: string;
}

/** Markdown emphasis and code marks dropped: the page shows the words. */
const plain = (cell: string): string =>
  cell
    .replace(/\*\*|`/g, '')
    .replace(/\\\|/g, '|')
    .trim();

/**
 * The table rows of docs/rules.md: `| [ID](catalogue.md) | Rule | Source | Versions | Code | Tests |`.
 *
 * @example
 * ```ts
 * parseRules('| [C1](catalogue.md) | New-commerce … | MCS | 2023-10-19 | … | … |')[0].id; // 'C1'
 * ```
 */
export function parseRules(markdown: string): RuleEntry[] {
  const out: RuleEntry[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*\[?([A-Z]{1,3}\d{1,2})\]?(?:\([^)]*\))?\s*\|(.*)$/.exec(line);
    if (m === null) continue;
    const cells = (m[2] ?? '').split(/(?<!\\)\|/);
    out.push({
      id: m[1] as string,
      text: plain(cells[0] ?? ''),
      source: plain(cells[1] ?? ''),
      versions: plain(cells[2] ?? ''),
    });
  }
  return out;
}

/** The catalogue, by rule ID: the first row of each ID (the generated index; later tables are per-area notes). */
export const RULES: ReadonlyMap<string, RuleEntry> = firstOfEach(parseRules(rulesMarkdown));

function firstOfEach(entries: readonly RuleEntry[]): ReadonlyMap<string, RuleEntry> {
  const map = new Map<string, RuleEntry>();
  for (const entry of entries) if (!map.has(entry.id)) map.set(entry.id, entry);
  return map;
}

/** The in-page anchor of a rule. */
export const ruleAnchor = (id: string): string => `rule-${id}`;
