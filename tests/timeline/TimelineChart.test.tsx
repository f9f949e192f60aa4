// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TimelineView } from '../../components/timeline/TimelineView';
import { speakFrench } from '../components/french';
import { ITEMS, SOURCES, TAGS } from './fixtures';

/**
 * The chart itself, with uPlot drawing on a stand-in 2D context (the simulated page has no canvas): the
 * options are accepted, the axes speak French, and a click on a point opens its item.
 */
speakFrench();

interface Call {
  name: string;
  args: unknown[];
}
const calls: Call[] = [];
const texts: string[] = [];

/** A 2D context that records what is drawn: every method exists, `fillText` keeps its text. */
function fakeContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {};
  return new Proxy(state, {
    get(target, name) {
      if (name in target) return target[name];
      if (name === 'measureText') return (text: string) => ({ width: text.length * 6, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 });
      if (name === 'canvas') return undefined;
      return (...args: unknown[]) => {
        calls.push({ name: String(name), args });
        if (name === 'fillText') texts.push(String(args[0]));
      };
    },
    set(target, name, value) {
      target[name] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

const original = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = function getContext() {
    return fakeContext();
  } as unknown as typeof original;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = original;
  cleanup();
});

describe('TimelineChart', () => {
  it('draws the changes on a time axis in French, one row per category, names the point under the pointer and opens it on a click', async () => {
    const onOpen = vi.fn();
    const { container } = render(<TimelineView items={ITEMS} sources={SOURCES} tags={TAGS} onOpen={onOpen} onAddEvent={vi.fn(async () => {})} />);
    const chart = screen.getByRole('img', { name: /^Graphique : 6 changements du 4 février 2004 au 11 avril 2024/ });
    await waitFor(() => expect(container.querySelector('.uplot .u-over')).toBeTruthy());
    expect(screen.queryByText(/Le graphique ne peut pas être dessiné/)).toBeNull();
    // The table stays behind its button while the chart is there.
    expect(screen.getByRole('button', { name: 'Voir sous forme de tableau' }).getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(calls.some((call) => call.name === 'arc')).toBe(true));
    // Rows are named by category; the time axis says years for a history reaching back to 2004.
    expect(texts).toContain('Publicité');
    expect(texts).toContain('Algorithme / portée');
    expect(texts.some((text) => /^20\d\d$/.test(text))).toBe(true);
    expect(chart.getAttribute('aria-describedby')).toBe('timeline-chart-hint');

    // A click where the first point (2004, the "Pages" row) was drawn opens it.
    const over = container.querySelector('.u-over') as HTMLElement;
    const arcs = calls.filter((call) => call.name === 'arc');
    const [x, y] = arcs[0]?.args as number[];
    const ratio = window.devicePixelRatio || 1;
    const left = Number.parseFloat(over.style.left || '0');
    const top = Number.parseFloat(over.style.top || '0');
    // The arcs are in canvas pixels from the canvas's corner; the pointer is in CSS pixels.
    fireEvent.mouseMove(over, { clientX: (x ?? 0) / ratio - left, clientY: (y ?? 0) / ratio - top });
    const tooltip = await waitFor(() => container.querySelector('.timeline-chart__tooltip') as HTMLElement);
    expect(tooltip.textContent).toBe('Lancement de Facebook4 février 2004 · Pages · Événement passé · non évalué');
    expect(over.style.cursor).toBe('pointer');
    // No mousedown first: uPlot takes that for the end of a drag, which must not swallow the click.
    fireEvent.click(over);
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('histoire'));

    // The same changes in words, on demand.
    fireEvent.click(screen.getByRole('button', { name: 'Voir sous forme de tableau' }));
    expect(screen.getByRole('button', { name: 'Masquer le tableau' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('table', { name: 'Les 6 changements affichés, du plus ancien au plus récent' })).toBeTruthy();
  });
});
