import { lazyView } from '../dashboard/lazy-view';

/** The reading pane (and DOMPurify with it) loads at the first opened item, or after the first screen. */
export const ReadingPane = lazyView(() => import('./ReadingPane').then((module) => module.ReadingPane));
