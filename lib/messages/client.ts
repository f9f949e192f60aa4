import { browser } from 'wxt/browser';
import { t } from '../i18n/browser';
import { errorWords } from '../i18n/error-words';
import type { ErrorInfo, ErrorParams } from '../model/error-info';
import type { Params, RequestType, ResponseEnvelope, Result, VigieEvent } from './protocol';

/**
 * What pages call. The background checks every request's params and every result and event against the
 * protocol's schemas before anything crosses (see `router.ts` and `broadcast` in the background), so pages
 * only check the envelope's shape here: zod stays out of the popup, whose size is budgeted.
 */

/**
 * A request the background refused or could not carry out, as data (`code`, `params`); `message` is its
 * sentence in the member's chosen language, worded here in the page, since the background only knows the
 * browser's. Components word errors with `errorText()` (components/ui).
 */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
  ) {
    super(errorWords({ code, params }, t));
    this.name = 'RequestError';
  }

  get info(): ErrorInfo {
    return { code: this.code, params: this.params };
  }
}

function isEnvelope(value: unknown): value is ResponseEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function request<T extends RequestType>(type: T, params: Params<T>): Promise<Result<T>> {
  const envelope: unknown = await browser.runtime.sendMessage({ channel: 'vigie', type, params });
  if (!isEnvelope(envelope)) throw new RequestError('no-answer', { detail: `no answer to ${type}` });
  if (!envelope.ok) throw new RequestError(envelope.code, envelope.params);
  return envelope.result as Result<T>;
}

/** Listens to the background's events; returns the function that stops listening. */
export function onEvent(listener: (event: VigieEvent) => void): () => void {
  const handler = (message: unknown) => {
    const candidate = message as Partial<VigieEvent> | null;
    if (candidate?.channel === 'vigie' && typeof candidate.event === 'string') listener(candidate as VigieEvent);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
