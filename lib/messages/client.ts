import { browser } from 'wxt/browser';
import type { Params, RequestType, ResponseEnvelope, Result, VigieEvent } from './protocol';

/**
 * What pages call. The background checks every request's params and every result and event against the
 * protocol's schemas before anything crosses (see `router.ts` and `broadcast` in the background), so pages
 * only check the envelope's shape here: zod stays out of the popup, whose size is budgeted.
 */

/** A request the background refused or could not carry out; `message` is meant for the user. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

function isEnvelope(value: unknown): value is ResponseEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function request<T extends RequestType>(type: T, params: Params<T>): Promise<Result<T>> {
  const envelope: unknown = await browser.runtime.sendMessage({ channel: 'vigie', type, params });
  if (!isEnvelope(envelope)) throw new RequestError('no-answer', `no answer to ${type}`);
  if (!envelope.ok) throw new RequestError(envelope.code, envelope.message);
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
