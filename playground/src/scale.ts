/**
 * A piecewise-linear time scale that keeps 7-day windows visible on a 3-year term: the spans
 * around windows and events ("focus" spans) are drawn to scale, the long stretches between them
 * are compressed (logarithmically) and drawn with a break mark. Monotonic, so dragging "now"
 * always moves forward in time to the right.
 */

const DAY = 86_400_000;

/** A span of time [start, end), epoch ms. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One piece of the scale: a time span drawn over a pixel span. */
export interface Piece extends Span {
  readonly x0: number;
  readonly x1: number;
  /** True when the piece is drawn shorter than its share (a break mark is drawn on it). */
  readonly compressed: boolean;
}

/** The scale: time ↔ x, both directions. */
export interface TimeScale {
  readonly pieces: readonly Piece[];
  readonly start: number;
  readonly end: number;
  readonly x0: number;
  readonly x1: number;
  x(t: number): number;
  t(x: number): number;
}

/** Merges spans that overlap or lie closer than `join` ms, sorted by start. */
export function mergeSpans(spans: readonly Span[], join: number): Span[] {
  const sorted = [...spans].filter((s) => s.end >= s.start).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end + join) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * Builds the scale over [start, end) onto pixels [x0, x1]. `focus` spans are drawn to scale;
 * a gap of g days between them gets the weight of `G·log2(1 + g/G)` days (G = 4 d), so a
 * 300-day gap takes about as much room as 25 days.
 */
export function timeScale(start: number, end: number, focus: readonly Span[], x0: number, x1: number): TimeScale {
  const G = 4 * DAY;
  const clipped = mergeSpans(
    focus.map((f) => ({ start: Math.max(start, f.start), end: Math.min(end, f.end) })).filter((f) => f.end > f.start),
    DAY,
  );
  // Alternate gaps and focus spans over [start, end).
  const parts: { start: number; end: number; weight: number; compressed: boolean }[] = [];
  let cursor = start;
  const gap = (a: number, b: number): void => {
    if (b <= a) return;
    const g = b - a;
    const weight = Math.min(g, G * Math.log2(1 + g / G));
    parts.push({ start: a, end: b, weight, compressed: weight < g * 0.8 });
  };
  for (const f of clipped) {
    gap(cursor, f.start);
    parts.push({ start: f.start, end: f.end, weight: f.end - f.start, compressed: false });
    cursor = f.end;
  }
  gap(cursor, end);
  if (parts.length === 0) parts.push({ start, end: Math.max(end, start + 1), weight: 1, compressed: false });

  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  const pieces: Piece[] = [];
  let x = x0;
  for (const p of parts) {
    const w = ((x1 - x0) * p.weight) / total;
    pieces.push({ start: p.start, end: p.end, x0: x, x1: x + w, compressed: p.compressed });
    x += w;
  }

  const first = pieces[0] as Piece;
  const last = pieces[pieces.length - 1] as Piece;
  return {
    pieces,
    start: first.start,
    end: last.end,
    x0,
    x1,
    x(t: number): number {
      if (t <= first.start) return first.x0;
      if (t >= last.end) return last.x1;
      const p = pieces.find((q) => t < q.end) ?? last;
      return p.x0 + ((t - p.start) / (p.end - p.start)) * (p.x1 - p.x0);
    },
    t(px: number): number {
      if (px <= first.x0) return first.start;
      if (px >= last.x1) return last.end;
      const p = pieces.find((q) => px < q.x1) ?? last;
      return Math.round(p.start + ((px - p.x0) / (p.x1 - p.x0)) * (p.end - p.start));
    },
  };
}
