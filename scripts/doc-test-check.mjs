// Prelude of every doc-test sample (scripts/doc-test.mjs): the checks a promise (`// → value`)
// turns into. Plain JavaScript, no import: it is prepended to the sample's compiled module.
const __REST__ = Symbol('more not shown');
const __instant = (iso) => {
  const ms = Date.parse(/T/.test(iso) ? iso : `${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`doc-test: <${iso}> is not an instant`);
  return ms;
};
const __show = (v) => {
  try {
    return JSON.stringify(v, (_, x) => (typeof x === 'symbol' ? '…' : typeof x === 'bigint' ? `${x}n` : x));
  } catch {
    return String(v);
  }
};
/** Where `actual` differs from `expected` (`null` when it matches), `…` allowing more keys or elements. */
const __diff = (actual, expected, path) => {
  if (expected === __REST__) return null; // `key: …`: any value
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${__show(actual)}`;
    const partial = expected.length > 0 && expected[expected.length - 1] === __REST__;
    const shown = partial ? expected.slice(0, -1) : expected;
    if (partial ? actual.length < shown.length : actual.length !== shown.length)
      return `${path}: expected ${partial ? 'at least ' : ''}${shown.length} elements, got ${actual.length}`;
    for (let i = 0; i < shown.length; i++) {
      const d = __diff(actual[i], shown[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return `${path}: expected an object, got ${__show(actual)}`;
    const partial = Object.prototype.hasOwnProperty.call(expected, '__REST__');
    const keys = Object.keys(expected).filter((k) => k !== '__REST__');
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(actual, k)) return `${path}.${k}: missing`;
      const d = __diff(actual[k], expected[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    if (!partial) {
      const extra = Object.keys(actual).filter((k) => !keys.includes(k));
      if (extra.length > 0) return `${path}: keys not shown (add …): ${extra.join(', ')}`;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: expected ${__show(expected)}, got ${__show(actual)}`;
};
const __check = (get, expected, where) => {
  const d = __diff(get(), expected, 'value');
  if (d !== null) {
    console.error(`${where}: the promised value does not hold: ${d}`);
    process.exit(1);
  }
};
const __checkThrows = (run, code, where) => {
  try {
    run();
  } catch (e) {
    if (e !== null && typeof e === 'object' && e.code === code) return;
    console.error(`${where}: expected a throw with code ${code}, got ${e?.code ?? e}`);
    process.exit(1);
  }
  console.error(`${where}: expected a throw with code ${code}, nothing was thrown`);
  process.exit(1);
};
