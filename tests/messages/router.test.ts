import { describe, expect, it } from 'vitest';
import { ResponseEnvelopeSchema, type Summary } from '../../lib/messages/protocol';
import { InvalidRequestError, route, type Handlers, type RouterOptions } from '../../lib/messages/router';
import { FeedError } from '../../lib/model/feed-error';

/** Handlers that fail the test if called, with the ones a test needs swapped in. */
function handlers(overrides: Partial<Handlers> = {}): { handlers: Handlers; calls: { type: string; params: unknown }[] } {
  const calls: { type: string; params: unknown }[] = [];
  const all = new Proxy({} as Handlers, {
    get(_target, type: string) {
      return async (params: unknown) => {
        calls.push({ type, params });
        const handler = overrides[type as keyof Handlers] as ((params: unknown) => Promise<unknown>) | undefined;
        if (!handler) throw new Error(`handler ${type} should not be called`);
        return handler(params);
      };
    },
  });
  return { handlers: all, calls };
}

/** The background's `describe`, recording what reached it. */
function describer() {
  const seen: unknown[] = [];
  const options: RouterOptions = {
    describe(error) {
      seen.push(error);
      if (error instanceof FeedError) return { code: error.code, message: `feed: ${error.code}` };
      const detail = error instanceof Error ? error.message : String(error);
      return { code: error instanceof InvalidRequestError ? 'invalid-request' : 'error', message: detail };
    },
  };
  return { options, seen };
}

const request = (type: string, params?: unknown) => ({ channel: 'vigie', type, params });

const SUMMARY: Summary = {
  newCount: 2,
  refreshing: false,
  latest: [{ id: 'i1', title: 'Titre', url: 'https://news.example/i1', sourceTitle: 'Source', date: '2025-06-01T08:00:00.000Z', read: false, starred: false, tags: [] }],
  alerts: { unread: 0, latest: [] },
  sources: [{ id: 's1', title: 'Source', url: 'https://news.example/feed.xml', enabled: true, consecutiveFailures: 0 }],
  tags: [],
};

describe('route', () => {
  it('returns undefined for messages that are not Vigie requests, calling nothing', async () => {
    const { handlers: all, calls } = handlers();
    const { options, seen } = describer();
    for (const message of [
      undefined,
      null,
      'summary',
      42,
      {},
      { type: 'summary' },
      { channel: 'other', type: 'summary', params: {} },
      { channel: 'vigie', event: 'refreshStarted' },
    ]) {
      expect(await route(message, all, options), JSON.stringify(message)).toBeUndefined();
    }
    expect(calls).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('answers a Vigie request of an unknown type with an error rather than silence', async () => {
    const { handlers: all, calls } = handlers();
    const { options, seen } = describer();
    const answer = await route({ channel: 'vigie', type: 'noSuchRequest', params: {} }, all, options);
    expect(answer).toMatchObject({ ok: false });
    expect(seen[0]).toBeInstanceOf(InvalidRequestError);
    expect(calls).toEqual([]);
  });

  it("answers { ok: false } through describe, with an InvalidRequestError, for params failing the schema", async () => {
    const { handlers: all, calls } = handlers();
    const { options, seen } = describer();
    const cases = [
      request('updateItems', { ids: 'i1', patch: { read: true } }),
      request('updateItems', { ids: ['i1'] }),
      request('deleteRule', {}),
      request('addSource', { url: 'javascript:alert(1)' }),
      request('removeSource', { id: 's1', keepItems: 'yes' }),
      request('updateSettings', { concurrency: 99 }),
      request('updateItems', 'not an object'),
    ];
    for (const message of cases) {
      const answer = await route(message, all, options);
      expect(answer, JSON.stringify(message)).toMatchObject({ ok: false, code: 'invalid-request' });
      expect(ResponseEnvelopeSchema.safeParse(answer).success).toBe(true);
    }
    expect(seen).toHaveLength(cases.length);
    for (const error of seen) expect(error).toBeInstanceOf(InvalidRequestError);
    // The message names the request and the field.
    expect((seen[0] as Error).message).toMatch(/^updateItems: ids: /);
    expect((seen[3] as Error).message).toMatch(/^addSource: url: /);
    expect(calls).toEqual([]);
  });

  it('answers an error envelope, not the value, when a handler returns a result failing its schema', async () => {
    const { handlers: all } = handlers({
      summary: async () => ({ ...SUMMARY, newCount: 'two' }) as unknown as Summary,
      saveTag: async () => ({ id: 'i1' }) as never,
    });
    const { options, seen } = describer();
    for (const message of [request('summary'), request('saveTag', { label: 'Algorithme' })]) {
      const answer = await route(message, all, options);
      expect(answer).toMatchObject({ ok: false, code: 'error' });
      expect(answer && 'result' in answer).toBe(false);
    }
    expect(seen).toHaveLength(2);
    for (const error of seen) expect(error).not.toBeInstanceOf(InvalidRequestError);
  });

  it("passes a handler's own error to describe: a FeedError keeps its code", async () => {
    const failure = new FeedError('not-a-feed', 'the response is an HTML page');
    const { handlers: all } = handlers({
      addSource: async () => {
        throw failure;
      },
    });
    const { options, seen } = describer();
    expect(await route(request('addSource', { url: 'https://example.org/' }), all, options)).toEqual({
      ok: false,
      code: 'not-a-feed',
      message: 'feed: not-a-feed',
    });
    expect(seen).toEqual([failure]);
  });

  it('returns { ok: true, result } for a valid call, the handler receiving the checked params', async () => {
    const { handlers: all, calls } = handlers({
      summary: async () => SUMMARY,
      updateItems: async () => ({ updated: 2 }),
      deleteRule: async () => ({}),
    });
    const { options, seen } = describer();
    expect(await route(request('summary'), all, options)).toEqual({ ok: true, result: SUMMARY });
    expect(await route(request('summary', {}), all, options)).toEqual({ ok: true, result: SUMMARY });
    expect(await route(request('updateItems', { ids: ['a', 'b'], patch: { read: true }, extra: 'dropped' }), all, options)).toEqual({ ok: true, result: { updated: 2 } });
    expect(await route(request('deleteRule', { id: 'gone' }), all, options)).toEqual({ ok: true, result: {} });
    expect(calls).toEqual([
      { type: 'summary', params: {} },
      { type: 'summary', params: {} },
      { type: 'updateItems', params: { ids: ['a', 'b'], patch: { read: true } } },
      { type: 'deleteRule', params: { id: 'gone' } },
    ]);
    expect(seen).toEqual([]);
  });
});
