import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import type { Item, ItemPatch } from '@/lib/model/item';
import type { Tag } from '@/lib/model/tag';
import { firstPaint, markRendered, ROW_TIMING } from '../ui/first-render';
import { ItemRow } from './ItemRow';

interface Props {
  ids: string[];
  /** Bumped when items changed, so rows on screen are read again. */
  version: number;
  rows: Map<string, Item>;
  loadRows: (ids: string[]) => Promise<boolean>;
  openedId?: string;
  checked: Set<string>;
  sourceTitles: Map<string, string>;
  /** Each source's language, for the rows' `lang` where an item does not say its own. */
  sourceLanguages?: Map<string, string | undefined>;
  tagsById: Map<string, Tag>;
  onOpen: (id: string) => void;
  onCheck: (id: string, checked: boolean) => void;
  onPatch: (id: string, patch: ItemPatch) => void;
  /** The words searched, marked in the titles. */
  highlight?: string;
  /** « ? »: the keyboard shortcuts. */
  onHelp?: () => void;
  /** The whole list is still being read (the first screen, or the previous view's list, is shown meanwhile). */
  busy?: boolean;
}

const ROW_HEIGHT = 64;
/** Rows kept built above and below the view, so that a scroll shows rows at once. */
const OVERSCAN = 8;

/** How many rows the window shows at most: the rows worth reading before a new list is drawn. */
export const rowsOnScreen = (): number => Math.ceil(window.innerHeight / ROW_HEIGHT) + 1;

/** A row's controls, so that ↑/↓ from a row's star lands on the next row's star. */
type RowPart = 'title' | 'star' | 'check';
const PART_SELECTORS: Record<RowPart, string> = { title: '.item-row__title', star: '.star', check: '.item-row__check' };
const partOf = (target: EventTarget | null): RowPart =>
  target instanceof HTMLInputElement ? 'check' : target instanceof Element && target.classList.contains('star') ? 'star' : 'title';
export const LIST_RENDERED = 'vigie:list-rendered';

/**
 * The item list, virtualised with TanStack Virtual: only the rows in view (and a few around) exist in the
 * page, so 50,000 items scroll like 50. Keyboard (roving focus, RGAA 7.3): ↑/↓ or j/k move focus to the
 * next row, Enter and Space do what the focused control does, o opens, x checks, s stars, m toggles read, each
 * on the row that has focus. Each row says its place in the whole list (aria-posinset / aria-setsize).
 */
export function ItemList(props: Props) {
  const { ids, rows, loadRows, version } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [, render] = useState(0);
  const [active, setActive] = useState(0);
  const virtualizer = useRef<Virtualizer<HTMLDivElement, Element>>();

  virtualizer.current ??= new Virtualizer<HTMLDivElement, Element>({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // The first frame holds only the rows in view: those below would be built, styled and laid out before
    // anything shows. The rows around follow once it is painted, ready for the first scroll.
    overscan: 0,
    // The window's size until the list's own is measured: the first frame then holds the rows a screen
    // shows, instead of one row and a second layout once the size is known.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => render((n) => n + 1),
  });
  const list = virtualizer.current;
  list.setOptions({ ...list.options, count: ids.length });

  // The list is measured, and its scroll followed, once the first frame is painted: measuring it before would
  // lay the page out inside this render, and the rows dropped or added for its measured size would lay it out
  // again for the frame. Until then the window's size stands for it (initialRect).
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    let unmount: (() => void) | undefined;
    let gone = false;
    void firstPaint.then(() => {
      if (gone) return;
      unmount = list._didMount();
      list.setOptions({ ...list.options, overscan: OVERSCAN });
      setMounted(true);
    });
    return () => {
      gone = true;
      unmount?.();
    };
  }, [list]);
  useLayoutEffect(() => {
    if (mounted) list._willUpdate();
  });

  const visible = list.getVirtualItems();
  const visibleIds = visible.map((row) => ids[row.index]).filter((id): id is string => id !== undefined);
  const visibleKey = visibleIds.join(',');

  useEffect(() => {
    void loadRows(visibleIds).then((loaded) => loaded && render((n) => n + 1));
  }, [visibleKey, version]);

  // For the benchmark (and the browser's performance panel): when rows with their items were first rendered.
  useLayoutEffect(() => {
    if (visibleIds.length === 0 || !visibleIds.every((id) => rows.has(id))) return;
    markRendered(LIST_RENDERED, scroller.current);
  });

  useEffect(() => setActive((current) => Math.min(current, Math.max(0, ids.length - 1))), [ids.length]);

  // Stable handlers for the memoised rows; they read the latest props when called.
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo(
    () => ({
      open: (id: string, index: number) => {
        setActive(index);
        latest.current.onOpen(id);
      },
      check: (id: string, on: boolean) => latest.current.onCheck(id, on),
      patch: (id: string, change: ItemPatch) => latest.current.onPatch(id, change),
    }),
    [],
  );

  // Roving focus: the row holding focus is the active one, and a key acts on the row it was pressed in.
  // Moving to another row moves focus to the same control there once the row is rendered.
  const focusWanted = useRef<{ index: number; part: RowPart } | undefined>();
  useLayoutEffect(() => {
    const wanted = focusWanted.current;
    const control = wanted && scroller.current?.querySelector<HTMLElement>(`li[data-index="${wanted.index}"] ${PART_SELECTORS[wanted.part]}`);
    if (!control) return;
    focusWanted.current = undefined;
    control.focus({ preventScroll: true });
  });

  const move = (to: number, part: RowPart) => {
    const next = Math.max(0, Math.min(ids.length - 1, to));
    setActive(next);
    focusWanted.current = { index: next, part };
    list.scrollToIndex(next, { align: 'auto' });
    render((n) => n + 1);
  };

  const rowOf = (target: EventTarget | null): number | undefined => {
    const row = target instanceof Element ? target.closest<HTMLElement>('li[data-index]') : null;
    return row ? Number(row.dataset.index) : undefined;
  };

  // The item whose row has focus: when it leaves the list (read in « Non lus », unstarred in « Favoris »),
  // focus goes to the row now in its place instead of falling to the page (RGAA 12.8).
  const focusedId = useRef<string>();
  const onFocusIn = (event: FocusEvent) => {
    const index = rowOf(event.target);
    focusedId.current = index === undefined ? undefined : ids[index];
    if (index !== undefined && index !== active) setActive(index);
  };
  useLayoutEffect(() => {
    const gone = focusedId.current;
    if (!gone || ids.includes(gone) || (document.activeElement && document.activeElement !== document.body)) return;
    focusedId.current = undefined;
    if (ids.length === 0) return;
    const next = Math.min(active, ids.length - 1);
    focusWanted.current = { index: next, part: 'title' };
    setActive(next);
    render((n) => n + 1);
  }, [ids]);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type !== 'checkbox') return;
    const index = rowOf(target) ?? active;
    const part = partOf(target);
    const id = ids[index];
    const item = id ? rows.get(id) : undefined;
    // Enter and Space on a control do what the control does (the browser's own click): open, star, check.
    const onControl = target instanceof HTMLButtonElement || target instanceof HTMLInputElement;
    const actions: Record<string, () => void> = {
      ArrowDown: () => move(index + 1, part),
      j: () => move(index + 1, part),
      ArrowUp: () => move(index - 1, part),
      k: () => move(index - 1, part),
      Home: () => move(0, part),
      End: () => move(ids.length - 1, part),
      ...(onControl ? {} : { Enter: () => id && handlers.open(id, index) }),
      o: () => id && handlers.open(id, index),
      x: () => id && props.onCheck(id, !props.checked.has(id)),
      s: () => id && item && props.onPatch(id, { starred: !item.starred }),
      m: () => id && item && props.onPatch(id, { read: !item.read }),
      '?': () => props.onHelp?.(),
    };
    const action = actions[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  // While the active row is on screen its controls are the tab stops; scrolled away, the list itself is.
  const activeShown = visible.some((row) => row.index === active) && rows.has(ids[active] ?? '');

  if (ids.length === 0)
    return (
      <p class="empty" {...ROW_TIMING}>
        {t('noItemsHere')}
      </p>
    );

  return (
    <div
      ref={scroller}
      class="item-list"
      tabIndex={activeShown ? -1 : 0}
      role="region"
      aria-label={t('itemListLabel')}
      aria-describedby="item-list-keys"
      aria-busy={props.busy ?? false}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      <p id="item-list-keys" class="visually-hidden">
        {t('itemListKeys')}
      </p>
      <ul style={{ height: `${list.getTotalSize()}px` }} class="item-list__rows">
        {visible.map((row) => {
          const id = ids[row.index] as string;
          return (
            <ItemRow
              key={id}
              id={id}
              index={row.index}
              item={rows.get(id)}
              top={row.start}
              height={ROW_HEIGHT}
              active={row.index === active}
              tabbable={row.index === active}
              setSize={ids.length}
              opened={id === props.openedId}
              checked={props.checked.has(id)}
              sourceTitle={(id && props.sourceTitles.get(rows.get(id)?.sourceId ?? '')) || ''}
              sourceLanguage={props.sourceLanguages?.get(rows.get(id)?.sourceId ?? '')}
              tagsById={props.tagsById}
              highlight={props.highlight ?? ''}
              onOpen={handlers.open}
              onCheck={handlers.check}
              onPatch={handlers.patch}
            />
          );
        })}
      </ul>
    </div>
  );
}
