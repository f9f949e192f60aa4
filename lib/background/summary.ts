import { SUMMARY_KEY } from '../messages/requests/core-keys';
import type { Poller } from '../refresh/poller';
import type { VigieStore } from '../store/store';
import { buildSummary } from './handlers/core';

/** `browser.storage.session`, as far as the summary needs it. */
export interface SessionArea {
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Keeps the popup's summary ready in session storage, so that the popup paints without waiting for the
 * background to wake up.
 */
export async function publishSummary(deps: { store: VigieStore; poller: Poller; session: SessionArea }): Promise<void> {
  await deps.session.set({ [SUMMARY_KEY]: await buildSummary(deps) });
}
