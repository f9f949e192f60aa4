import { FeedError } from '../model/feed-error';
import type { Settings } from '../model/settings';

/**
 * One HTTP read of a feed: a timeout, a size cap enforced while the bytes arrive (a 50 MB answer is cut
 * off, not buffered), and a conditional GET so that an unchanged feed answers 304 and costs no parse.
 * No cookies are sent: Vigie reads feeds as an anonymous visitor.
 */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  etag?: string;
  lastModified?: string;
  fetchImpl?: typeof fetch;
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; url: string; contentType?: string; etag?: string; lastModified?: string };

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** The member's limits on every fetch (Paramètres → relève): how long to wait, how much to read. */
export function fetchLimits(settings: Pick<Settings, 'fetchTimeoutSeconds' | 'maxResponseMegabytes'>, fetchImpl?: typeof fetch): FetchOptions {
  return { timeoutMs: settings.fetchTimeoutSeconds * 1000, maxBytes: settings.maxResponseMegabytes * 1024 * 1024, ...(fetchImpl ? { fetchImpl } : {}) };
}

export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  try {
    const response = await (options.fetchImpl ?? fetch)(url, {
      headers,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
    });
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) throw new FeedError('http', `${response.status} ${response.statusText}`.trim());
    const bytes = await readCapped(response, options.maxBytes, controller);
    return {
      status: 'ok',
      bytes,
      url: response.url || url,
      contentType: response.headers.get('content-type') ?? undefined,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (controller.signal.aborted) throw new FeedError('timeout', `${Math.round(options.timeoutMs / 1000)} s`);
    const detail = error instanceof Error ? causeOf(error) : String(error);
    // Browsers say only "Failed to fetch" (Chrome) or "NetworkError…" (Firefox): nothing worth showing.
    if (/^(Failed to fetch|NetworkError\b.*|fetch failed|Load failed)$/i.test(detail)) throw new FeedError('network', undefined, 'unreachable');
    throw new FeedError('network', detail);
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  // The detail is the cap in megabytes; each language writes its own unit (Mo, MB).
  const tooLarge = () => new FeedError('too-large', String(Math.round(maxBytes / 1024 / 1024)));
  const announced = Number(response.headers.get('content-length'));
  if (announced > maxBytes) {
    controller.abort();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Node's fetch hides the useful part ("ECONNREFUSED") in `cause`. */
function causeOf(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
