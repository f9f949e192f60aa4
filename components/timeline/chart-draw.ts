import type uPlot from 'uplot';
import type { Impact } from '@/lib/model/item';
import { isMinorChange, type DrawnPoint, type TimelinePoint } from '@/lib/timeline';

/**
 * How the chart's points are drawn on uPlot's canvas: coloured by category, sized and marked by impact, in
 * the page's colours (light or dark) read from the CSS variables of components/theme.css.
 */
export interface Theme {
  fg: string;
  muted: string;
  line: string;
  bg: string;
}

export function readTheme(element: Element): Theme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { fg: read('--fg', '#1b1f24'), muted: read('--muted', '#4d5560'), line: read('--line', '#d6dbe1'), bg: read('--bg', '#ffffff') };
}

/**
 * A browser without a 2D canvas (or a test's simulated page) gets the table instead of a broken chart. uPlot
 * does not throw there: it fails later, out of reach, so the canvas is tried first.
 */
export function canDraw(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('2d'));
  } catch {
    return false;
  }
}

/** The disc's radius in CSS pixels: the stronger the impact, the bigger; a change nobody judged is hollow. */
const RADIUS: Record<Impact | 'none', number> = { none: 4.5, low: 4.5, medium: 6.5, high: 8.5 };
/** Strong impact adds a ring this far out: a mark that does not rest on size alone. */
const HIGH_RING = 3.5;

/**
 * Draws every point at its time and its category's row (`ys`), and says where each one went, in CSS pixels
 * of the plotting area, for the pointer to find them.
 */
export function drawPoints(u: uPlot, points: readonly TimelinePoint[], ys: readonly number[], colorOf: ReadonlyMap<string, string>, theme: Theme, ratio: number): DrawnPoint[] {
  const { ctx } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  const drawn = points.map((point, index) => {
    const radius = RADIUS[point.impact ?? 'none'];
    const row = ys[index] ?? 0;
    // A change of links or formatting only, or a technical one, is drawn in the muted colour: kept, not loud.
    const color = isMinorChange(point) ? theme.muted : colorOf.get(point.category ?? '') || theme.muted;
    const cx = u.valToPos(point.time, 'x', true);
    const cy = u.valToPos(row, 'y', true);
    ctx.beginPath();
    ctx.arc(cx, cy, radius * ratio, 0, 2 * Math.PI);
    ctx.fillStyle = point.impact ? color : theme.bg;
    ctx.fill();
    if (!point.impact) {
      ctx.lineWidth = 2.5 * ratio;
      ctx.strokeStyle = color;
      ctx.stroke();
    }
    // A thin outline in the text colour keeps every point visible on both backgrounds.
    ctx.beginPath();
    ctx.arc(cx, cy, (radius + 0.75) * ratio, 0, 2 * Math.PI);
    ctx.lineWidth = ratio;
    ctx.strokeStyle = theme.fg;
    ctx.stroke();
    if (point.impact === 'high') {
      ctx.beginPath();
      ctx.arc(cx, cy, (radius + HIGH_RING) * ratio, 0, 2 * Math.PI);
      ctx.lineWidth = 1.5 * ratio;
      ctx.stroke();
    }
    return { x: u.valToPos(point.time, 'x'), y: u.valToPos(row, 'y'), radius: point.impact === 'high' ? radius + HIGH_RING : radius };
  });
  ctx.restore();
  return drawn;
}
