import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/feeds/links';
import { t } from '@/lib/i18n/browser';
import type { Said } from './StatusLine';

/**
 * Asks the browser for the right to read `url`'s origin. Browsers only show the prompt during a user
 * gesture, which ends at the first `await`: call this first thing in a click or submit handler. It resolves
 * true at once when the origin is already granted (the curated pack's, declared in the manifest). The
 * pattern leaves the port out (originPattern): Firefox refuses a pattern with one, and one without covers
 * every port of the host.
 */
export function askToRead(url: string, also: readonly string[] = []): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [...new Set([url, ...also].map(originPattern))] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * How long the prompt may stay unanswered before the page says it waits on it. An origin already granted
 * answers at once: its words would only flash.
 */
export const PROMPT_NOTICE_MS = 200;

/** The class of PermissionWait's button, by which the hook knows the keyboard was on it. */
export const CANCEL_CLASS = 'permission-cancel';

interface Asking {
  origin: string;
  timer: ReturnType<typeof setTimeout>;
  settle: (granted: boolean) => void;
  /** Where the member asked from: focus goes back there when the cancel button goes away under the keyboard. */
  from: Element | null;
}

export interface AskOptions {
  /** The sentence for a refusal; the page's usual one otherwise. */
  refused?: (origin: string) => string;
  /** Other addresses asked for in the same prompt (a hub typed without scheme: https and http). */
  also?: readonly string[];
}

export interface Permission {
  /** The origin whose prompt has stayed open a moment: the form shows its cancel button meanwhile. */
  waiting?: string;
  /**
   * Asks for `url`'s origin; call it first thing in the handler (see askToRead). True when granted; false
   * when refused or cancelled, both already said, so the caller only stops.
   */
  ask: (url: string, options?: AskOptions) => Promise<boolean>;
  /** Stops waiting on the prompt. Browsers offer no way to close it: its late answer is ignored. */
  cancel: () => void;
}

/** Asking for an origin without waiting silently on the browser's prompt: the words go through `say`. */
export function usePermission(say: (said: Said) => void): Permission {
  const [waiting, setWaiting] = useState<string>();
  const asking = useRef<Asking>();
  // The latest `say`: the prompt answers after renders that may have given a new one.
  const sayRef = useRef(say);
  sayRef.current = say;

  const finish = (done: Asking) => {
    clearTimeout(done.timer);
    asking.current = undefined;
    setWaiting(undefined);
    if (document.activeElement?.classList.contains(CANCEL_CLASS) && done.from instanceof HTMLElement && done.from.isConnected) done.from.focus();
  };

  useEffect(
    () => () => {
      if (asking.current) clearTimeout(asking.current.timer);
      asking.current = undefined;
    },
    [],
  );

  const ask = (url: string, { refused = (origin) => t('permissionRefused', [origin]), also = [] }: AskOptions = {}) => {
    // The request before anything else: the prompt needs the member's gesture.
    const answer = askToRead(url, also);
    const origin = new URL(url).origin;
    // A second ask takes the place of the first, whose answer no longer matters.
    const before = asking.current;
    if (before) {
      clearTimeout(before.timer);
      setWaiting(undefined);
      before.settle(false);
    }
    return new Promise<boolean>((resolve) => {
      const mine: Asking = {
        origin,
        settle: resolve,
        from: document.activeElement,
        timer: setTimeout(() => {
          if (asking.current !== mine) return;
          setWaiting(origin);
          sayRef.current({ kind: 'info', text: t('permissionWaiting', [origin]) });
        }, PROMPT_NOTICE_MS),
      };
      asking.current = mine;
      void answer.then((granted) => {
        // Cancelled, replaced, or the page gone: the answer comes too late to act on.
        if (asking.current !== mine) return;
        finish(mine);
        if (!granted) sayRef.current({ kind: 'error', text: refused(origin) });
        resolve(granted);
      });
    });
  };

  const cancel = () => {
    const current = asking.current;
    if (!current) return;
    sayRef.current({ kind: 'info', text: t('permissionCancelled', [current.origin]) });
    finish(current);
    current.settle(false);
  };

  return { waiting, ask, cancel };
}
