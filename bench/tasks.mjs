// What is timed: one pass over a portfolio per task, each pass folding its answers into a
// checksum so no work can be skipped, and the checksums cross-checked after the run.
import { dateFnsCanCancel, limitCanCancel } from './baselines.mjs';
import { NOW } from './portfolio.mjs';

/**
 * The tasks, in run order. `raw`: the subscriptions as read from JSON (every call validates
 * the whole subscription, then decides). `snapshot`: `toSubscription` once per subscription,
 * then decide (the snapshot is recognised and not validated again).
 *
 * @param lib - the main entry
 * @param ex - `{ explain, toSubscription }` or null
 * @param state - `{ raw, snapshots, exSnapshots }`, filled by the `toSubscription` tasks
 */
export function tasks(lib, ex, state) {
  const opts = { now: NOW };
  const nowDate = new Date(NOW);
  const list = [
    {
      name: 'limit',
      label: '(a) limit: hand-written ISO parse + integer compare',
      fn() {
        let c = 0;
        for (const s of state.raw) if (limitCanCancel(s, NOW)) c++;
        return c;
      },
    },
    {
      name: 'dateFns',
      label: '(b) date-fns parseISO + differenceInHours',
      fn() {
        let c = 0;
        for (const s of state.raw) if (dateFnsCanCancel(s, nowDate)) c++;
        return c;
      },
    },
    {
      name: 'canCancel.raw',
      label: 'canCancel, raw JSON (validate + decide)',
      fn() {
        let c = 0;
        for (const s of state.raw) if (lib.canCancel(s, opts).allowed) c++;
        return c;
      },
    },
    {
      name: 'toSubscription',
      label: 'toSubscription (validate once)',
      fn() {
        const out = new Array(state.raw.length);
        for (let i = 0; i < out.length; i++) out[i] = lib.toSubscription(state.raw[i]);
        state.snapshots = out;
        return out.length;
      },
    },
    {
      name: 'canCancel.snapshot',
      label: 'canCancel, snapshot',
      fn() {
        let c = 0;
        for (const s of state.snapshots) if (lib.canCancel(s, opts).allowed) c++;
        return c;
      },
    },
    {
      name: 'reducibleSeats.raw',
      label: 'reducibleSeats, raw JSON',
      fn() {
        let c = 0;
        for (const s of state.raw) c += lib.reducibleSeats(s, opts).total;
        return c;
      },
    },
    {
      name: 'reducibleSeats.snapshot',
      label: 'reducibleSeats, snapshot',
      fn() {
        let c = 0;
        for (const s of state.snapshots) c += lib.reducibleSeats(s, opts).total;
        return c;
      },
    },
  ];
  if (ex !== null) {
    // Robust to explain gaining actions: only the count of actions and of `now` outcomes is read.
    const fold = (e) => {
      let c = e.actions.length * 2;
      for (const a of e.actions) if (a.outcome === 'now') c++;
      return c;
    };
    list.push(
      {
        name: 'explain.raw',
        label: 'explain, raw JSON',
        fn() {
          let c = 0;
          for (const s of state.raw) c += fold(ex.explain(s, opts));
          return c;
        },
      },
      {
        name: 'explain.snapshot',
        label: 'explain, snapshot',
        setup() {
          // explain's own toSubscription (the same as lib's unless explain was bundled apart).
          state.exSnapshots =
            ex.toSubscription === lib.toSubscription ? state.snapshots : state.raw.map((s) => ex.toSubscription(s));
        },
        fn() {
          let c = 0;
          for (const s of state.exSnapshots) c += fold(ex.explain(s, opts));
          return c;
        },
      },
    );
  }
  return list;
}

/**
 * Cross-checks of one size's checksums: both paths agree, and the baselines give the library's
 * answer on the subscriptions where the question is the same (first-term, active, returnable,
 * license-based: C1's 7 days from the purchase).
 */
export function crossCheck(lib, raw, checksums) {
  const problems = [];
  const same = (a, b) => {
    if (checksums[a] !== undefined && checksums[b] !== undefined && checksums[a] !== checksums[b]) {
      problems.push(`${a} (${checksums[a]}) ≠ ${b} (${checksums[b]})`);
    }
  };
  same('limit', 'dateFns');
  same('canCancel.raw', 'canCancel.snapshot');
  same('reducibleSeats.raw', 'reducibleSeats.snapshot');
  same('explain.raw', 'explain.snapshot');
  let disagree = 0;
  const opts = { now: NOW };
  for (const s of raw) {
    if (s.program !== 'nce-license' || s.status !== 'active' || s.trial === true || s.termStartedAt !== undefined)
      continue;
    const d = lib.canCancel(s, opts);
    if ((d.allowed && d.reason === 'WITHIN_WINDOW') !== limitCanCancel(s, NOW)) disagree++;
  }
  if (disagree > 0)
    problems.push(`the limit and canCancel disagree on ${disagree} first-term nce-license subscriptions`);
  return problems;
}
