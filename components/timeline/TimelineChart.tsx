import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { t } from '@/lib/i18n/browser';
import { type DrawnPoint, dayLabel, pointsAt, timeAxisLabels, type TimelinePoint } from '@/lib/timeline';
import { countText } from '../ui/count';
import { canDraw, drawPoints, readTheme } from './chart-draw';

/**
 * The chart: one row per category, each change a point on the time axis, coloured by its category and sized
 * by its impact. Drawn with uPlot (MIT, about 50 kB minified, 22 kB gzipped, no dependency): small enough for
 * an extension page, canvas only, and it builds no code at run time (no `eval`, no `new Function`), which the
 * extension pages' content security policy forbids. Chart.js was the other candidate: four times bigger, and
 * its time axis needs a date adapter. uPlot draws the axes and grid; the points are drawn in a draw hook
 * (chart-draw.ts), because uPlot gives one colour and size per series and a point needs its own.
 *
 * Colours come from the page's CSS variables (components/theme.css) when the chart is drawn, and the chart is
 * drawn again when the system switches between light and dark. Where no canvas can be had, the chart says so
 * and `onUnavailable` lets the view show the table of changes instead.
 */
export interface ChartLane {
  /** The category id, or NO_CATEGORY. */
  key: string;
  label: string;
  color: string;
}

interface ChartProps {
  points: readonly TimelinePoint[];
  lanes: readonly ChartLane[];
  language: string;
  /** The words said about a point in the tooltip: its category and kind. */
  describe: (point: TimelinePoint) => string;
  onOpen: (itemId: string) => void;
  onUnavailable: () => void;
  /** The id of the table that says the same in words. */
  describedBy: string;
}

const LANE_HEIGHT = 30;
const AXIS_WIDTH = 180;
const LABEL_MAX = 26;
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Bumps when the system switches between light and dark, so the chart is drawn again in the new colours. */
function useColorScheme(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const changed = () => setVersion((value) => value + 1);
    query.addEventListener?.('change', changed);
    return () => query.removeEventListener?.('change', changed);
  }, []);
  return version;
}

const shorten = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1).trimEnd()}…` : label);

/** How long a tooltip stays once the pointer left its point: time to reach it. */
const HIDE_AFTER_MS = 400;

/**
 * The category axis as wide as its longest label, measured in the chart's font: a fixed width cut the start
 * of « Réglementation (DSA, RGPD… » in both browsers. At least AXIS_WIDTH, so that short labels keep the
 * axis where the eye expects it.
 */
function categoryAxisWidth(labels: string[]): number {
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) return AXIS_WIDTH;
  measure.font = FONT;
  const widest = Math.max(0, ...labels.map((label) => measure.measureText(label).width));
  return Math.max(AXIS_WIDTH, Math.ceil(widest) + 16);
}

interface Hover {
  left: number;
  top: number;
  indexes: number[];
}

export function TimelineChart({ points, lanes, language, describe, onOpen, onUnavailable, describedBy }: ChartProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover>();
  // The tooltip can be reached with the pointer (RGAA 10.13, WCAG 1.4.13): leaving a point hides it a moment
  // later, and the pointer entering it keeps it; Escape puts it away.
  const hideTimer = useRef<ReturnType<typeof setTimeout>>();
  const keepHover = () => clearTimeout(hideTimer.current);
  const hideSoon = () => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => setHover(undefined), HIDE_AFTER_MS);
  };
  useEffect(() => () => clearTimeout(hideTimer.current), []);
  const [failed, setFailed] = useState(false);
  const scheme = useColorScheme();
  // The latest callbacks, without drawing the chart again when the view hands new functions on each render.
  const callbacks = useRef({ onOpen, onUnavailable, describe });
  callbacks.current = { onOpen, onUnavailable, describe };

  useEffect(() => {
    const host = hostRef.current;
    if (!host || points.length === 0) return;
    if (!canDraw()) {
      setFailed(true);
      callbacks.current.onUnavailable();
      return;
    }
    let chart: uPlot | undefined;
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    const laneOf = new Map(lanes.map((lane, index) => [lane.key, lanes.length - 1 - index]));
    const ys = points.map((point) => laneOf.get(point.category ?? '') ?? 0);
    const height = Math.max(160, lanes.length * LANE_HEIGHT + 50);
    // Where each point was drawn, in CSS pixels of the plotting area: what the pointer is compared with.
    let drawn: DrawnPoint[] = [];
    let hovered: number[] = [];

    // Loaded when the screen opens: the dashboard's other screens do not carry the chart.
    import('uplot').then(
      ({ default: UPlot }) => {
        if (cancelled) return;
        const theme = readTheme(host);
        const colorOf = new Map(lanes.map((lane) => [lane.key, lane.color]));
        const draw = (u: uPlot) => {
          drawn = drawPoints(u, points, ys, colorOf, theme, UPlot.pxRatio);
        };
        const track = (u: uPlot) => {
          const { left, top } = u.cursor;
          const found = left === undefined || top === undefined || left < 0 ? [] : pointsAt(drawn, left, top);
          if (found.join() === hovered.join()) return;
          hovered = found;
          u.over.style.cursor = found.length > 0 ? 'pointer' : '';
          const frame = frameRef.current;
          if (found.length === 0 || !frame || left === undefined || top === undefined) {
            hideSoon();
            return;
          }
          keepHover();
          const over = u.over.getBoundingClientRect();
          const box = frame.getBoundingClientRect();
          setHover({ left: over.left - box.left + left, top: over.top - box.top + top, indexes: found });
        };
        const times = points.map((point) => point.time);
        const options: uPlot.Options = {
          width: host.clientWidth || 640,
          height,
          ms: 1,
          legend: { show: false },
          // No zoom by dragging; and uPlot swallows a click whose pointer moved since the button went down
          // (a "drag"): a hand that shakes a little must still open the point, so clicks are let through.
          cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false, setScale: false, click: () => {} } },
          scales: {
            x: {
              time: true,
              // Some room on both sides, so that the first and last points are drawn whole; at least two weeks
              // each way, so that changes all made within a few days still read on a calendar, not on a clock.
              range: (_u, min, max) => {
                const pad = Math.max((max - min) * 0.03, 14 * 24 * 3600 * 1000);
                return [min - pad, max + pad];
              },
            },
            y: { auto: false, range: [-0.5, lanes.length - 0.5] },
          },
          axes: [
            {
              stroke: theme.fg,
              font: FONT,
              grid: { stroke: theme.line, width: 1 },
              ticks: { stroke: theme.line, width: 1 },
              // Room for "15 nov. 2026" between two ticks.
              space: 90,
              values: (_u, splits, _axis, _space, step) => timeAxisLabels(splits, step, language),
            },
            {
              stroke: theme.fg,
              font: FONT,
              size: categoryAxisWidth(lanes.map((lane) => shorten(lane.label))),
              gap: 6,
              grid: { stroke: theme.line, width: 1 },
              ticks: { show: false },
              splits: () => lanes.map((_, index) => index),
              values: (_u, splits) => splits.map((value) => shorten(lanes[lanes.length - 1 - value]?.label ?? '')),
            },
          ],
          series: [{}, { paths: () => null, points: { show: false } }],
          hooks: { draw: [draw], setCursor: [track] },
        };
        try {
          chart = new UPlot(options, [times, ys], host);
        } catch {
          setFailed(true);
          callbacks.current.onUnavailable();
          return;
        }
        chart.over.addEventListener('click', () => {
          const first = hovered[0];
          const point = first === undefined ? undefined : points[first];
          if (point) callbacks.current.onOpen(point.itemId);
        });
        chart.over.addEventListener('mouseleave', () => {
          hovered = [];
          hideSoon();
        });
        if (typeof ResizeObserver === 'function') {
          observer = new ResizeObserver(() => {
            if (host.clientWidth > 0 && chart && chart.width !== host.clientWidth) chart.setSize({ width: host.clientWidth, height });
          });
          observer.observe(host);
        }
      },
      () => {
        if (cancelled) return;
        setFailed(true);
        callbacks.current.onUnavailable();
      },
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
      setHover(undefined);
    };
  }, [points, lanes, language, scheme]);

  // Escape puts the tooltip away (it only repeats the table, but it must not stay in the way).
  useEffect(() => {
    if (!hover) return;
    const dismiss = (event: KeyboardEvent) => event.key === 'Escape' && setHover(undefined);
    document.addEventListener('keydown', dismiss);
    return () => document.removeEventListener('keydown', dismiss);
  }, [hover]);

  if (failed) return <p class="timeline-chart__unavailable">{t('timelineChartUnavailable')}</p>;
  const first = points[0];
  const last = points[points.length - 1];
  const label =
    first && last ? countText('timelineChartLabel', points.length, dayLabel(first.date, language), dayLabel(last.date, language)) : '';
  const shown = hover?.indexes.slice(0, 4).flatMap((index) => (points[index] ? [points[index]] : [])) ?? [];
  return (
    <div class="timeline-chart" ref={frameRef}>
      <div class="timeline-chart__canvas" ref={hostRef} role="img" aria-label={label} aria-describedby={describedBy} />
      {hover && shown.length > 0 && (
        <div
          class="timeline-chart__tooltip"
          style={{ left: `${hover.left + 14}px`, top: `${hover.top + 14}px` }}
          aria-hidden="true"
          onMouseEnter={keepHover}
          onMouseLeave={() => setHover(undefined)}
        >
          {shown.map((point) => (
            <p key={point.itemId} class="timeline-chart__tip">
              <strong lang={point.title ? point.language : undefined}>{point.title || t('timelineUntitled')}</strong>
              <br />
              {dayLabel(point.date, language)} · {callbacks.current.describe(point)}
              {point.summary && (
                <>
                  <br />
                  {point.summary}
                </>
              )}
            </p>
          ))}
          {hover.indexes.length > shown.length && <p class="timeline-chart__tip">{countText('timelineTooltipMore', hover.indexes.length - shown.length)}</p>}
        </div>
      )}
    </div>
  );
}
