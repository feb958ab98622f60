/**
 * A streaming reader of the JSON the CLI accepts — one object, an array, or Partner Center's
 * collection `{ "totalCount": …, "items": [ … ] }` — that yields one element at a time from text
 * chunks, so a 100 MB array is never held whole (neither as text nor parsed): only the element
 * being read is. No dependency: it finds element boundaries (depth, strings, escapes) and hands
 * each element's text to `JSON.parse`.
 */

/** What the reader yields: the list's elements, or the one value of a document that is not a list. */
export type JsonPiece =
  | {
      readonly kind: 'element';
      readonly index: number;
      readonly value: unknown;
      /** `items` when the list is a collection's `items`, `''` for a top-level array. */
      readonly list: '' | 'items';
    }
  | { readonly kind: 'single'; readonly value: unknown };

/** The text is not valid JSON: `at` says where (element index or the document). */
export class JsonStreamError extends Error {
  override readonly name = 'JsonStreamError';
}

const enum Mode {
  /** Before the first non-blank character. */
  Start,
  /** A top-level object: accumulated until its `items` array is found (or it ends). */
  Object,
  /** Inside the list: elements at `listDepth`. */
  List,
  /** After the list: the rest of the document is skipped (depth tracked). */
  After,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Yields the elements of the list the document holds (a top-level array, or the `items` array
 * of a top-level object, key matched case-insensitively), or the document itself when it is an
 * object without `items` or another value.
 *
 * @throws {@link JsonStreamError} for text that is not valid JSON
 */
export function* readJsonPieces(chunks: Iterable<string>): Generator<JsonPiece> {
  let mode = Mode.Start;
  let depth = 0; // nesting depth after the current character
  let inString = false;
  let escaped = false;
  let listDepth = 0; // depth of the list's elements
  let element = ''; // text of the element being read (List), or of the whole object (Object)
  let index = 0;
  // Object mode: the key being read at depth 1, and whether the next value follows `"items":`.
  let keyText = '';
  let readingKey = false;
  let expectKey = false;
  let lastKey = '';
  let awaitingValue = false;
  let sawAny = false;

  const emit = (text: string): JsonPiece => {
    try {
      return { kind: 'element', index, value: JSON.parse(text) as unknown, list: listDepth === 2 ? 'items' : '' };
    } catch (error) {
      throw new JsonStreamError(`element ${index}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  for (const chunk of chunks) {
    let start = 0; // start of the part of `chunk` that belongs to `element`
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (mode === Mode.Start) {
        if (c === 0xfeff || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
        sawAny = true;
        if (c === 0x5b /* [ */) {
          mode = Mode.List;
          depth = 1;
          listDepth = 1;
          start = i + 1;
          element = '';
          continue;
        }
        mode = Mode.Object;
        start = i;
        element = '';
        // Not `{`: a scalar or invalid text, parsed whole at the end (as a single value).
        if (c === 0x7b /* { */) {
          depth = 1;
          expectKey = true;
        } else {
          depth = -1; // never a list
        }
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (readingKey) {
            readingKey = false;
            lastKey = keyText;
          }
        } else if (readingKey) keyText += chunk[i];
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        if (mode === Mode.Object && depth === 1 && expectKey) {
          readingKey = true;
          expectKey = false;
          keyText = '';
        }
        continue;
      }
      if (mode === Mode.Object && depth === 1) {
        if (c === COLON) {
          awaitingValue = lastKey.toLowerCase() === 'items';
          continue;
        }
        if (c === COMMA) {
          expectKey = true;
          awaitingValue = false;
          continue;
        }
        if (awaitingValue && c === 0x5b /* [ */) {
          // `"items": [` — from here on, elements are streamed and the wrapper is dropped.
          mode = Mode.List;
          depth = 2;
          listDepth = 2;
          start = i + 1;
          element = '';
          continue;
        }
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) awaitingValue = false;
      }
      if (c === 0x7b || c === 0x5b) {
        depth++;
        continue;
      }
      if (c === 0x7d || c === 0x5d) {
        depth--;
        if (mode === Mode.List && depth === listDepth - 1) {
          // The list ends: its last element, if any.
          const text = (element + chunk.slice(start, i)).trim();
          element = '';
          if (text !== '') {
            yield emit(text);
            index++;
          }
          mode = Mode.After;
        }
        continue;
      }
      if (c === COMMA && mode === Mode.List && depth === listDepth) {
        const text = (element + chunk.slice(start, i)).trim();
        element = '';
        start = i + 1;
        if (text === '') throw new JsonStreamError(`element ${index}: empty`);
        yield emit(text);
        index++;
      }
    }
    if (mode === Mode.List || mode === Mode.Object) element += chunk.slice(start);
  }
  if (!sawAny) throw new JsonStreamError('empty document');
  if ((mode as Mode) === Mode.Object) {
    try {
      yield { kind: 'single', value: JSON.parse(element) as unknown };
    } catch (error) {
      throw new JsonStreamError(error instanceof Error ? error.message : String(error));
    }
    return;
  }
  if ((mode as Mode) === Mode.List || depth !== 0 || inString)
    throw new JsonStreamError('unexpected end of the document');
}
