/**
 * `mini trace svg FILE`: a stretch of iterations drawn as a picture, for a
 * README or an issue, with no browser needed. Phases are bands, callbacks
 * labelled boxes beneath the phase that ran them, the poll phase's waits
 * gaps. A wait can be a million times longer than a callback, so waits are
 * drawn shortened (their length is written in the gap); everything else is
 * to scale.
 */
import type { LoopTrace, Slice } from './read.js';

export interface SvgOptions {
  /** First iteration drawn (1-based). */
  from?: number;
  /** How many iterations. */
  count?: number;
  width?: number;
}

const PHASE_COLOURS: Record<string, string> = {
  timers: '#f4a261',
  pending: '#e9c46a',
  idle: '#cfcfcf',
  prepare: '#b8b8b8',
  'poll (waiting)': '#ffffff',
  'poll (dispatching)': '#2a9d8f',
  check: '#8ab17d',
  closing: '#e76f51',
};

const ROW = 20;
const TOP = 34;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(us: number): string {
  if (us >= 1000) return `${(us / 1000).toFixed(us >= 100_000 ? 0 : 1)} ms`;
  return `${us.toFixed(us >= 10 ? 0 : 1)} µs`;
}

/** Maps trace time to x, with each wait shortened to at most `cap` µs. */
class TimeWarp {
  private readonly cuts: { start: number; end: number; shown: number }[];
  private readonly start: number;
  private readonly scale: number;

  constructor(start: number, end: number, waits: Slice[], cap: number, width: number) {
    this.start = start;
    this.cuts = waits
      .filter((w) => w.ts + w.dur > start && w.ts < end)
      .map((w) => ({ start: w.ts, end: w.ts + w.dur, shown: Math.min(w.dur, cap) }))
      .sort((a, b) => a.start - b.start);
    this.scale = width / Math.max(1, this.warped(end));
  }

  private warped(t: number): number {
    let removed = 0;
    for (const c of this.cuts) {
      if (t <= c.start) break;
      const inside = Math.min(t, c.end) - c.start;
      const full = c.end - c.start;
      removed += inside - (c.shown * inside) / full;
    }
    return t - this.start - removed;
  }

  x(t: number): number {
    return this.warped(t) * this.scale;
  }

  shortened(w: Slice): boolean {
    return this.cuts.some((c) => c.start === w.ts && c.shown < w.dur);
  }
}

export function drawSvg(trace: LoopTrace, opts: SvgOptions = {}): string {
  const width = opts.width ?? 1200;
  const from = Math.max(1, opts.from ?? 1);
  const count = Math.max(1, opts.count ?? 6);
  const chosen = trace.iterations.filter((it) => it.index >= from && it.index < from + count);
  if (chosen.length === 0) throw new Error(`the trace has no iteration ${from} (it has ${trace.iterations.length})`);
  // The first picture of a program starts with its main module and the timers run before the first iteration.
  const start = from === 1 ? trace.start : chosen[0]!.slice.ts;
  const end = chosen[chosen.length - 1]!.slice.ts + chosen[chosen.length - 1]!.slice.dur;
  const inRange = trace.slices.filter((s) => s.ts >= start && s.ts + s.dur <= end + 0.001);
  const waits = inRange.filter((s) => s.name === 'poll (waiting)');
  const busy = end - start - waits.reduce((t, w) => t + w.dur, 0);
  const warp = new TimeWarp(start, end, waits, Math.max(busy / 12, 20), width - 20);
  const X = (t: number): number => 10 + warp.x(t);

  const parts: string[] = [];
  const box = (s: Slice, y: number, h: number, fill: string, label: string, textFill = '#fff'): void => {
    const x0 = X(s.ts);
    const w = Math.max(1, X(s.ts + s.dur) - x0);
    parts.push(
      `<g><title>${esc(`${s.name} — ${fmt(s.dur)}`)}</title><rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${fill}" stroke="#333" stroke-width="0.4"/>`,
    );
    // A label only where it fits (about 6 px a character).
    const room = Math.floor((w - 4) / 6);
    if (room >= 3) {
      const text = label.length > room ? label.slice(0, room - 1) + '…' : label;
      parts.push(`<text x="${(x0 + 2).toFixed(1)}" y="${y + h - 5}" fill="${textFill}">${esc(text)}</text>`);
    }
    parts.push('</g>');
  };

  let rows = 0;
  // Callbacks and tick drains nest: depth below the phase row by containment.
  const open: Slice[] = [];
  for (const s of inRange) {
    while (open.length > 0 && s.ts >= open[open.length - 1]!.ts + open[open.length - 1]!.dur) open.pop();
    if (s.cat === 'iteration') {
      box(s, TOP, 14, '#eeeeee', s.name, '#333');
    } else if (s.cat === 'phase') {
      if (s.name === 'poll (waiting)') {
        const x0 = X(s.ts);
        const w = Math.max(1, X(s.ts + s.dur) - x0);
        parts.push(
          `<g><title>${esc(`poll (waiting) — ${fmt(s.dur)}${s.args['reason'] ? `: ${String(s.args['reason'])}` : ''}`)}</title><rect x="${x0.toFixed(1)}" y="${TOP + ROW}" width="${w.toFixed(1)}" height="${ROW + 2}" fill="url(#wait)" stroke="#999" stroke-dasharray="3 2" stroke-width="0.6"/>`,
        );
        const label = `${warp.shortened(s) ? '⋯ ' : ''}${fmt(s.dur)}`;
        if (w > label.length * 6) parts.push(`<text x="${(x0 + 3).toFixed(1)}" y="${TOP + ROW + 15}" fill="#555">${esc(label)}</text>`);
        parts.push('</g>');
      } else {
        box(s, TOP + ROW, ROW + 2, PHASE_COLOURS[s.name] ?? '#999', s.name, '#111');
      }
    } else if (s.cat === 'callback' || s.cat === 'ticks' || s.cat === 'startup') {
      const depth = open.filter((o) => o.cat === 'callback' || o.cat === 'ticks' || o.cat === 'startup').length;
      rows = Math.max(rows, depth + 1);
      const y = TOP + 2 * ROW + 8 + depth * ROW;
      if (s.cat === 'ticks') box(s, y, ROW - 4, '#9b5de5', 'ticks');
      else if (s.cat === 'startup') box(s, y, ROW - 2, '#6c757d', s.name);
      else box(s, y, ROW - 2, '#264653', s.name);
    }
    open.push(s);
  }

  const legendY = TOP + 2 * ROW + 16 + Math.max(rows, 1) * ROW;
  const legend: string[] = [];
  let lx = 10;
  const entries: [string, string][] = [
    ...Object.entries(PHASE_COLOURS).filter(([n]) => n !== 'poll (waiting)'),
    ['callback', '#264653'],
    ['nextTick + microtasks', '#9b5de5'],
  ];
  for (const [name, colour] of entries) {
    legend.push(`<rect x="${lx}" y="${legendY}" width="10" height="10" fill="${colour}" stroke="#333" stroke-width="0.4"/>`);
    legend.push(`<text x="${lx + 14}" y="${legendY + 9}" fill="#333">${esc(name)}</text>`);
    lx += 24 + name.length * 6;
  }
  legend.push(`<rect x="${lx}" y="${legendY}" width="10" height="10" fill="url(#wait)" stroke="#999"/>`);
  legend.push(`<text x="${lx + 14}" y="${legendY + 9}" fill="#333">poll waiting (shortened where marked ⋯)</text>`);
  const height = legendY + 22;
  const title = `${trace.file.split('/').pop()}: iterations ${chosen[0]!.index}–${chosen[chosen.length - 1]!.index}, ${fmt(end - start)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="10">`,
    '<defs><pattern id="wait" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fafafa"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ddd" stroke-width="2"/></pattern></defs>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="10" y="20" font-size="12" fill="#111">${esc(title)}</text>`,
    ...parts,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
