/**
 * Pieces of the timeline picture: the layout for a width, the event markers and the
 * compressed-time axis. Pure functions from data to SVG elements.
 */
import { s } from './dom.js';
import { shortDay, utc } from './format.js';
import type { TimeScale } from './scale.js';
import type { TimelineModel } from './timeline.js';

const DAY = 86_400_000;
/** Rough width of one character of the 12 px UI font, for deciding whether a label fits. */
export const CHAR = 6.6;

/** Whether `text` fits in `px` pixels. */
export const fits = (text: string, px: number): boolean => text.length * CHAR <= px;

/** Where things go at one width. Narrow (< 560 px): lane labels above the bands. */
export interface Layout {
  readonly width: number;
  readonly narrow: boolean;
  readonly plotX0: number;
  readonly plotX1: number;
  readonly laneTop: number;
  readonly laneHeight: number;
  readonly height: number;
}

/** The layout of `lanes` lanes at `width` pixels. */
export function layout(width: number, lanes: number): Layout {
  const narrow = width < 560;
  const laneHeight = narrow ? 40 : 34;
  const laneTop = 64;
  return {
    width,
    narrow,
    plotX0: narrow ? 10 : 150,
    plotX1: width - (narrow ? 10 : 20),
    laneTop,
    laneHeight,
    height: laneTop + lanes * laneHeight + 40,
  };
}

/** Event markers (purchase, term end, renewal), labels staggered over two rows when they would collide. */
export function eventMarkers(model: TimelineModel, scale: TimeScale, box: Layout, lanesBottom: number): SVGElement[] {
  const out: SVGElement[] = [];
  const x = (t: number): number => scale.x(t);
  const merged = new Map<number, string[]>();
  for (const m of model.markers) merged.set(m.at, [...(merged.get(m.at) ?? []), m.label]);
  let lastEnd = [-Infinity, -Infinity];
  [...merged.entries()]
    .sort((a, b) => a[0] - b[0])
    .forEach(([at, labels]) => {
      const mx = x(at);
      const text = labels.join(' · ');
      const w = text.length * CHAR;
      const left = Math.min(Math.max(mx - w / 2, 2), box.width - w - 2);
      const row = left > (lastEnd[0] as number) + 4 ? 0 : 1;
      lastEnd = row === 0 ? [left + w, lastEnd[1] as number] : [lastEnd[0] as number, left + w];
      out.push(
        s(
          'g',
          { class: 'event', 'data-at': at },
          s('line', { x1: mx, x2: mx, y1: 30 + row * 14 + 4, y2: lanesBottom }),
          s('text', { x: left, y: 36 + row * 14 }, text),
          s('title', {}, `${text}: ${utc(at)}`),
        ),
      );
    });
  return out;
}

/** The axis: a break mark on every compressed stretch; dates at the events first, then at window starts. */
export function axis(
  model: TimelineModel,
  scale: TimeScale,
  box: Layout,
  lanesBottom: number,
  zone: string,
): SVGElement[] {
  const out: SVGElement[] = [];
  const x = (t: number): number => scale.x(t);
  const axisY = lanesBottom + 6;
  out.push(s('line', { class: 'axis', x1: box.plotX0, x2: box.plotX1, y1: axisY, y2: axisY }));
  for (const p of scale.pieces) {
    if (!p.compressed) continue;
    const mid = (p.x0 + p.x1) / 2;
    out.push(
      s(
        'g',
        { class: 'break' },
        s('path', { d: `M${mid - 5},${axisY + 5} l4,-10 M${mid + 1},${axisY + 5} l4,-10` }),
        s('title', {}, `${Math.round((p.end - p.start) / DAY)} days compressed`),
      ),
    );
  }
  const taken: [number, number][] = [];
  const ticks = [...model.markers.map((m) => m.at), ...model.lanes.flatMap((l) => l.bands.map((b) => b.start))];
  for (const at of ticks) {
    const label = shortDay(at, zone);
    const w = label.length * CHAR;
    const tx = x(at);
    const left = Math.min(Math.max(tx - w / 2, 0), box.width - w);
    if (taken.some(([a, b]) => left < b + 8 && left + w > a - 8)) continue;
    taken.push([left, left + w]);
    out.push(s('line', { class: 'tick', x1: tx, x2: tx, y1: axisY, y2: axisY + 5 }));
    out.push(s('text', { class: 'tick-label', x: left, y: axisY + 18 }, label));
  }
  return out;
}
