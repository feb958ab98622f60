/**
 * The examples the page offers: every JSON file in the repo's examples/ folder. A file holds
 * one subscription or an array of them, each either the library's own `SubscriptionInput`
 * (it has `program`) or a Partner Center subscription resource (read with `fromPartnerCenter`).
 * Pure (no DOM, no library), so the end-to-end test lists the examples the same way.
 */

/** Which reader a JSON document needs. */
export type ExampleKind = 'input' | 'partner-center';

/** One example. */
export interface Example {
  /** Stable key: `<file name>#<index>`, e.g. `subscriptions.json#0`. */
  readonly key: string;
  readonly label: string;
  readonly kind: ExampleKind;
  readonly json: unknown;
}

/** The reader a parsed JSON document needs: the library's input has `program`, Partner Center's resource does not. */
export function kindOf(json: unknown): ExampleKind {
  return typeof json === 'object' && json !== null && Object.prototype.hasOwnProperty.call(json, 'program')
    ? 'input'
    : 'partner-center';
}

function field(json: unknown, name: string): string | null {
  if (typeof json !== 'object' || json === null || !Object.prototype.hasOwnProperty.call(json, name)) return null;
  const value = (json as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The examples of a set of files, in file-name order then array order.
 *
 * @param files - file path → parsed JSON (what `import.meta.glob(..., { eager: true, import: 'default' })` gives)
 *
 * @example
 * ```ts
 * examplesOf({ '../examples/subscriptions.json': [{ id: 'a', program: 'nce-license', … }] });
 * // [{ key: 'subscriptions.json#0', label: 'a — …', kind: 'input', json: {…} }]
 * ```
 */
export function examplesOf(files: Readonly<Record<string, unknown>>): Example[] {
  const out: Example[] = [];
  for (const path of Object.keys(files).sort()) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const content = files[path];
    const items = Array.isArray(content) ? content : [content];
    items.forEach((json: unknown, i) => {
      if (typeof json !== 'object' || json === null) return;
      const kind = kindOf(json);
      // A file of one subscription is named by its file (Partner Center ids are GUIDs); array items by their own id.
      const stem = name.replace(/\.json$/, '');
      const id = (Array.isArray(content) ? field(json, 'id') : null) ?? (items.length > 1 ? `${stem} ${i + 1}` : stem);
      const offer = field(json, 'offerName') ?? field(json, 'friendlyName');
      const label = `${id}${offer === null ? '' : ` — ${offer}`}${kind === 'partner-center' ? ' (Partner Center JSON)' : ''}`;
      out.push({ key: `${name}#${i}`, label, kind, json });
    });
  }
  return out;
}
