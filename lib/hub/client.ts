/**
 * Talking to the hub: one fetch with the member's token, a time limit, and a failure sorted into what the
 * member can act on: the hub is unreachable (try later, nothing is lost), the token was revoked, or the
 * hub refused this request for good (its own words).
 */
export class HubError extends Error {
  override name = 'HubError';
  /** `answer`: the hub's whole JSON answer to a refusal (a 409 on a fiche carries the fiche as it now is). */
  constructor(readonly code: 'unreachable' | 'revoked' | 'refused' | 'invalid-url', readonly detail: string, readonly status?: number, readonly answer?: unknown) {
    super(detail);
  }

  /** The hub's own code for a refusal (`admins-only`, `not-yours`…): the extension words it in the member's language. */
  get refusal(): string | undefined {
    const code = (this.answer as { error?: unknown } | undefined)?.error;
    return typeof code === 'string' ? code : undefined;
  }
}

const TIMEOUT_MS = 15_000;

/**
 * One exchange with the hub: the answer's text when it succeeded, a `HubError` otherwise. `body` goes as
 * JSON, unless `contentType` is given: then it is sent as the text it is (an OPML pack).
 */
async function exchange(base: string, token: string | undefined, method: string, path: string, body?: unknown, contentType?: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': contentType ?? 'application/json' }) },
      ...(body === undefined ? {} : { body: contentType ? String(body) : JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    throw new HubError('unreachable', error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (response.ok) return text;
  let message = `HTTP ${response.status}`;
  let answer: unknown;
  try {
    answer = JSON.parse(text);
    message = (answer as { message?: string }).message ?? message;
  } catch {
    // Not the hub's JSON (a proxy's error page): the status says it.
  }
  // A hub that is down behind a proxy, or overloaded, is "unreachable": the outbox keeps the write for later.
  if (response.status >= 500 || response.status === 429 || response.status === 408) throw new HubError('unreachable', message, response.status);
  if (response.status === 401) throw new HubError('revoked', message, response.status);
  throw new HubError('refused', message, response.status, answer);
}

/** A JSON exchange with the hub (see `exchange`). */
export async function hubFetch<T>(base: string, token: string | undefined, method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const text = await exchange(base, token, method, path, body, contentType);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A document from the hub as its text (the packs: OPML, or a rule pack to check). */
export const hubText = (base: string, token: string, path: string): Promise<string> => exchange(base, token, 'GET', path);
