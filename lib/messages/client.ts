import { browser } from 'wxt/browser';
import { EventSchema, REQUESTS, ResponseEnvelopeSchema, type Params, type RequestType, type Result, type VigieEvent } from './protocol';

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

export async function request<T extends RequestType>(type: T, params: Params<T>): Promise<Result<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ channel: 'vigie', type, params });
  const envelope = ResponseEnvelopeSchema.parse(raw);
  if (!envelope.ok) throw new RequestError(envelope.code, envelope.message);
  return REQUESTS[type].result.parse(envelope.result) as Result<T>;
}

/** Listens to the background's events; returns the function that stops listening. */
export function onEvent(listener: (event: VigieEvent) => void): () => void {
  const handler = (message: unknown) => {
    const parsed = EventSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
