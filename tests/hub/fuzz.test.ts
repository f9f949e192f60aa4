/**
 * Every route of the hub (hub/routes/*.ts, /health, /internal/command) fed what a broken or hostile client
 * sends: malformed JSON, wrong types, unknown fields, oversized bodies, injection strings, NUL bytes, very long
 * and exotic text, bad ids, queries and tokens. Each answer must be a refusal in words (4xx, JSON
 * `{error, message}`), never a 5xx, and nothing may be written: the hub's export is the same after as before.
 * Generated cases come from fast-check with a fixed seed, so every run sends the same requests.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FicheCreateSchema, FicheSaveSchema } from '../../lib/model/fiche';
import { CommentDraftSchema, InviteRequestSchema, JoinRequestSchema, ShareDraftSchema, SharePatchSchema, TagAddSchema } from '../../lib/model/share';
import { DB_KINDS, allChanges, clientId, draft, skipped, startHub, type ApiAnswer, type Joined, type TestHub } from './helpers/hub-process';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const SEED = 20_261_128;
const RUNS = 25;

/** Strings that have broken servers: SQL and NoSQL injection, prototype keys, NUL, control and exotic characters, sheer length. */
const HOSTILE_STRINGS = [
  "'; DROP TABLE shares; --",
  '" OR 1=1 --',
  '{"$gt":""}',
  '$where',
  '__proto__',
  'constructor',
  'a\u0000b',
  '\u0000',
  '\u0001\u001f\u007f',
  '\ud800',
  '‮gnp.exe',
  'ﷺ𝕳𝖚𝖇 🛰️ é',
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  'x'.repeat(100_000),
];

/** Bodies no JSON parser should accept, and JSON that tries to poison prototypes. */
const MALFORMED_JSON = ['{', '{"kind":', '[1, 2', 'nul', '"unterminated', "{'kind': 'item'}", '{"a":1}}', '{"a":1,}', 'NaN', '\u0000', '{"__proto__": {"role": "admin"}}', '{"constructor": {"prototype": {"role": "admin"}}}'];

/** One JSON value of a different kind than `value` (never null, which some patch fields accept). */
function otherKind(value: unknown): fc.Arbitrary<unknown> {
  const kinds: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS)),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    object: fc.oneof(fc.constant({ $gt: '' }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })),
    array: fc.array(fc.oneof(fc.integer(), fc.constant({ $ne: null }), fc.boolean()), { minLength: 1, maxLength: 3 }),
  };
  const kind = Array.isArray(value) ? 'array' : typeof value;
  return fc.oneof(...Object.entries(kinds).filter(([name]) => name !== kind).map(([, arbitrary]) => arbitrary));
}

/** Every field some route knows: an "unknown field" is none of these (a known one could make a valid request). */
const KNOWN_FIELDS = new Set([
  ...Object.keys(ShareDraftSchema.shape), ...Object.keys(SharePatchSchema.shape), ...Object.keys(TagAddSchema.shape), ...Object.keys(CommentDraftSchema.shape),
  ...Object.keys(JoinRequestSchema.shape), ...Object.keys(InviteRequestSchema.shape), 'room', 'accessToken', 'minPriority', 'enabled', 'version', 'rules',
  ...Object.keys(FicheSaveSchema.shape), ...Object.keys(FicheCreateSchema.shape), 'shareId', 'accept', 'licence', 'editor',
]);

interface Endpoint {
  method: string;
  path: string;
  who: 'none' | 'member' | 'admin';
  /** A body the route accepts: the generated ones are made invalid from it. */
  valid?: Record<string, unknown>;
  /** Fields whose value is one of a few words: any other string is wrong there. */
  enums?: string[];
  /** The route ignores unknown fields (the rule pack is read like the extension reads it). */
  lenient?: boolean;
}

/** What makes a valid body invalid: another kind of value, a hostile word in an enum, a field the hub does not know, or no object at all. */
function invalidBodies(endpoint: Endpoint): fc.Arbitrary<unknown> {
  const valid = endpoint.valid!;
  const options: fc.Arbitrary<unknown>[] = [
    fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 })),
    fc.constantFrom(...Object.keys(valid)).chain((field) => otherKind(valid[field]).map((value) => ({ ...valid, [field]: value }))),
  ];
  if (endpoint.enums?.length) {
    options.push(fc.tuple(fc.constantFrom(...endpoint.enums), fc.constantFrom(...HOSTILE_STRINGS)).map(([field, word]) => ({ ...valid, [field]: word })));
  }
  if (!endpoint.lenient) {
    const key = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 14), '$gt', 'authorId', 'hidden ', 'seq', 'id'), fc.string({ minLength: 1 }));
    options.push(fc.tuple(key, fc.jsonValue()).filter(([name]) => !KNOWN_FIELDS.has(name)).map(([name, value]) => ({ ...valid, [name]: value })));
  }
  return fc.oneof(...options);
}

/** Every byte percent-encoded (encodeURIComponent throws on a lone surrogate; this sends its UTF-8 replacement). */
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** A path segment that is no valid client id (those are 8 to 64 letters, digits, - and _). */
const badId = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ minLength: 1 }))
  .filter((id) => !/^[A-Za-z0-9_-]{8,64}$/.test(id) && !['sources', 'rules', 'useful', 'seen'].includes(id))
  .map(percentEncode);

/** A query value the change feed must refuse for `since` (a whole number ≥ 0) or `limit` (1 to 500). */
const badNumber = (ok: (n: number) => boolean) =>
  fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 6), '-1', '1.5', '1e400', 'Infinity', '0x', '501', '9007199254740993', '-0.5'), fc.string())
    .filter((value) => { const n = Number(value); return !(Number.isSafeInteger(n) && ok(n)); });

describe.each(DB_KINDS)('hub fuzz, %s database', (kind) => {
  if (skipped(kind)) return void it.skip('PostgreSQL is unreachable (see the warning printed above)', () => {});

  let hub: TestHub;
  let admin: Joined;
  let member: Joined;
  /** A share of the member's, for the routes that take one. */
  let shareId: string;
  let snapshot: string;
  let exportBefore: string;

  /** What "nothing was written" is checked against after each test: the change feed, members and webhooks, as admins see them. */
  const state = async () => JSON.stringify([
    await allChanges(hub, admin.token),
    (await hub.api('/api/members', { token: admin.token })).json,
    (await hub.api('/api/webhooks', { token: admin.token })).json,
    (await hub.api('/api/fiches', { token: admin.token })).json,
  ]);
  const exportState = async () => ({ ...JSON.parse((await hub.cli('export')).stdout), exported: undefined });

  beforeAll(async () => {
    // No rate limit here: a 429 would hide what the routes themselves answer.
    hub = await startHub(kind, { env: { HUB_RATE_LIMIT: '10000000', HUB_LOG_LEVEL: 'warn' } });
    admin = await hub.join('Admin COPIL', 'admin');
    member = await hub.join('Membre Test', 'member', { adminToken: admin.token });
    shareId = clientId();
    expect((await hub.api(`/api/shares/${shareId}`, { method: 'PUT', token: member.token, body: draft() })).status).toBe(201);
    expect((await hub.api('/api/webhooks/webhook-one', { method: 'PUT', token: admin.token, body: { kind: 'slack', url: 'http://127.0.0.1:9/hook' } })).status).toBe(200);
    snapshot = await state();
    exportBefore = JSON.stringify(await exportState());
  });
  afterAll(() => hub?.close());

  /** Checks one answer is a refusal in words; `label` names the request when it is not. */
  function refused(answer: ApiAnswer, label: string, statuses?: number[]) {
    expect(answer.status, `${label} → ${answer.status} ${answer.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${label} → ${answer.status} ${answer.text.slice(0, 200)}`).toBeLessThan(500);
    if (statuses) expect(statuses, `${label} → ${answer.status}`).toContain(answer.status);
    expect(answer.status, label).not.toBe(429);
    expect(answer.json, `${label}: ${answer.text.slice(0, 200)}`).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/\S/) });
  }

  const token = (who: Endpoint['who']) => (who === 'admin' ? admin.token : who === 'member' ? member.token : undefined);

  /** Every route that takes a body, with one body it accepts. Ids in paths are fresh ones: an accepted request would create. */
  const bodyRoutes = (): Endpoint[] => [
    { method: 'POST', path: '/api/join', who: 'none', valid: { code: 'AAAA-BBBB-CCCC-DDDD' } },
    { method: 'POST', path: '/api/invites', who: 'admin', valid: { name: 'Nouveau', role: 'member' }, enums: ['role'] },
    { method: 'PUT', path: `/api/shares/${clientId()}`, who: 'member', valid: draft({ note: 'n', impact: 'low', priority: 'info', published: '2026-11-28T08:00:00Z' }), enums: ['kind', 'impact', 'priority', 'url', 'published'] },
    { method: 'PATCH', path: `/api/shares/${shareId}`, who: 'member', valid: { title: 'Nouveau titre', note: 'n', impact: 'low' }, enums: ['impact'] },
    { method: 'POST', path: `/api/shares/${shareId}/tags`, who: 'member', valid: { add: ['nouveau-tag'] } },
    { method: 'PUT', path: `/api/shares/${shareId}/comments/${clientId('c')}`, who: 'member', valid: { body: 'Un commentaire' } },
    { method: 'PUT', path: `/api/webhooks/${clientId('w')}`, who: 'admin', valid: { kind: 'slack', url: 'http://127.0.0.1:9/hook', minPriority: 'critical' }, enums: ['kind', 'url', 'minPriority'] },
    { method: 'PUT', path: '/api/packs/rules', who: 'admin', valid: { version: 1, rules: [] }, lenient: true },
    // Fiches conseils (hub 1.5.0): the admin may write them, as editors do.
    { method: 'PUT', path: '/api/fiches/groupes', who: 'admin', valid: { title: 'Groupes', body: '## À vérifier\n\n- les règles du groupe', baseVersion: 0, summary: 'première version' } },
    { method: 'POST', path: '/api/fiches', who: 'admin', valid: { id: 'nouvelle-fiche', title: 'Nouvelle fiche', tag: 'groupes' } },
    { method: 'POST', path: '/api/fiches/pages/suggestions', who: 'member', valid: { kind: 'link', shareId, note: 'À citer' }, enums: ['kind'] },
    { method: 'PUT', path: '/api/licence', who: 'admin', valid: { licence: 'CC BY 4.0' } },
    { method: 'POST', path: `/api/members/${member.member.id}/editor`, who: 'admin', valid: { editor: true } },
  ];

  it('refuses malformed JSON, prototype keys, wrong content types and oversized bodies on every route that takes a body', async () => {
    const oversized = JSON.stringify({ title: 'x'.repeat(1_048_576) });
    for (const route of [...bodyRoutes(), { method: 'PUT', path: '/api/packs/sources', who: 'admin' as const }]) {
      const send = (body: string, contentType: string) => hub.api(route.path, { method: route.method, token: token(route.who), body, contentType });
      const label = (what: string) => `${route.method} ${route.path} with ${what}`;
      if (route.path !== '/api/packs/sources') {
        for (const text of MALFORMED_JSON) refused(await send(text, 'application/json'), label(JSON.stringify(text)), [400]);
        refused(await send('', 'application/json'), label('an empty JSON body'), [400]);
        refused(await send('kind=item&title=x', 'application/x-www-form-urlencoded'), label('a form'), [400, 415]);
      }
      refused(await send(oversized, 'application/json'), label('a body over 1 MiB'), [413]);
      refused(await send(`<opml>${'x'.repeat(1_048_576)}</opml>`, 'text/xml'), label('XML over 1 MiB'), [413]);
      refused(await send('{}', 'multipart/form-data; boundary=x'), label('multipart'), [400, 415]);
    }
    expect(await state()).toBe(snapshot);
  });

  it('refuses generated bodies with wrong types, hostile values and unknown fields', async () => {
    for (const route of bodyRoutes()) {
      await fc.assert(
        fc.asyncProperty(invalidBodies(route), async (body) => {
          refused(await hub.api(route.path, { method: route.method, token: token(route.who), body: JSON.stringify(body) }), `${route.method} ${route.path} with ${JSON.stringify(body).slice(0, 300)}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(await state()).toBe(snapshot);
  });

  it('refuses source packs that are not OPML: hostile XML, entities, NUL, random text', async () => {
    const hostileXml = [
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><opml><body><outline xmlUrl="https://e.fr/&lol2;"/></body></opml>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><opml><body><outline xmlUrl="https://e.fr/" text="&xxe;"/></body></opml>',
      '<opml><body></body></opml>',
      '<opml version="2.0"><body><outline text="javascript" xmlUrl="javascript:alert(1)"/></body></opml>',
      '<rss><channel/></rss>',
      '<opml><body><outline',
      '\u0000',
    ];
    const send = (body: string) => hub.api('/api/packs/sources', { method: 'PUT', token: admin.token, body, contentType: 'text/xml' });
    for (const xml of hostileXml) refused(await send(xml), `sources pack ${xml.slice(0, 80)}`, [400]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom(...HOSTILE_STRINGS)), async (text) => refused(await send(text), `sources pack ${JSON.stringify(text.slice(0, 80))}`, [400])),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(await state()).toBe(snapshot);
  });

  it('refuses ids, kinds, names and tokens in paths that are not theirs', async () => {
    // Each with a body its route would accept, so that only the path is wrong.
    const paths = (id: string) => [
      ['GET', `/api/shares/${id}`, 'member'],
      ['PUT', `/api/shares/${id}`, 'member', draft()],
      ['PATCH', `/api/shares/${id}`, 'member', { title: 'x' }],
      ['POST', `/api/shares/${id}/tags`, 'member', { add: ['x'] }],
      ['PUT', `/api/shares/${shareId}/comments/${id}`, 'member', { body: 'x' }],
      ['PUT', `/api/shares/${id}/reactions/useful`, 'member'],
      ['PUT', `/api/shares/${shareId}/reactions/${id}`, 'member'],
      ['DELETE', `/api/shares/${shareId}/reactions/${id}`, 'member'],
      ['POST', `/api/members/${id}/revoke`, 'admin'],
      ['PUT', `/api/webhooks/${id}`, 'admin', { kind: 'slack', url: 'http://127.0.0.1:9/' }],
      ['DELETE', `/api/webhooks/${id}`, 'admin'],
      ['GET', `/api/packs/${id}`, 'member'],
      ['PUT', `/api/packs/${id}`, 'admin', { version: 1, rules: [] }],
      ['GET', `/feed/${id}.atom`, 'none'],
      ['GET', `/feed/${member.feedToken}/tag/${id}.atom`, 'none'],
      ['GET', `/api/fiches/${id}/versions`, 'member'],
      ['PUT', `/api/fiches/${id}`, 'admin', { title: 'x', body: 'x', baseVersion: 0 }],
      ['POST', `/api/fiches/${id}/suggestions`, 'member', { kind: 'text', body: 'x', baseVersion: 0 }],
      ['PUT', `/api/fiches/groupes/links/${id}`, 'admin'],
      ['DELETE', `/api/fiches/groupes/links/${id}`, 'admin'],
      ['POST', `/api/suggestions/${id}`, 'admin', { accept: true }],
      ['POST', `/api/members/${id}/editor`, 'admin', { editor: true }],
    ] as const;
    await fc.assert(
      fc.asyncProperty(badId, async (id) => {
        for (const [method, path, who, body] of paths(id)) {
          // A tag is any text of 1 to 80 characters: only longer ones, or NUL, are wrong there.
          if (path.includes('/tag/') && decodeURIComponent(id).length <= 80 && !decodeURIComponent(id).includes('\u0000')) continue;
          refused(await hub.api(path, { method, token: token(who), body }), `${method} ${path.slice(0, 200)}`, [400, 404]);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    refused(await hub.api('/api/shares/%E0%A4%A', { token: member.token }), 'a path that is not valid percent-encoding', [400, 404]);
    expect(await state()).toBe(snapshot);
  });

  it('refuses bad cursors and page sizes on the change feed', async () => {
    await fc.assert(
      fc.asyncProperty(badNumber((n) => n >= 0), badNumber((n) => n >= 1 && n <= 500), fc.boolean(), async (since, limit, which) => {
        const query = which ? `since=${encodeURIComponent(since)}` : `since=0&limit=${encodeURIComponent(limit)}`;
        refused(await hub.api(`/api/changes?${query}`, { token: member.token }), `/api/changes?${query.slice(0, 200)}`, [400]);
      }),
      { seed: SEED, numRuns: RUNS * 2, endOnFailure: true },
    );
    refused(await hub.api('/api/changes?since=1&since=2', { token: member.token }), 'a repeated cursor', [400]);
  });

  it('refuses every route without a token, with a forged one, and admin routes to members', async () => {
    const routes = [
      ['GET', '/api/me'], ['GET', '/api/members'], ['POST', '/api/invites'], ['POST', '/api/members/m_abcdefgh/revoke'],
      ['GET', '/api/changes'], ['GET', '/api/events'], ['GET', `/api/shares/${shareId}`], ['PUT', `/api/shares/${clientId()}`],
      ['PATCH', `/api/shares/${shareId}`], ['POST', `/api/shares/${shareId}/tags`], ['PUT', `/api/shares/${shareId}/comments/${clientId('c')}`],
      ['PUT', `/api/shares/${shareId}/reactions/seen`], ['DELETE', `/api/shares/${shareId}/reactions/seen`],
      ['GET', '/api/packs/rules'], ['PUT', '/api/packs/rules'], ['GET', '/api/webhooks'], ['PUT', '/api/webhooks/webhook-two'],
      ['DELETE', '/api/webhooks/webhook-one'], ['GET', '/api/deliveries'],
      ['GET', '/api/fiches'], ['GET', '/api/fiches/groupes/versions'], ['POST', '/api/fiches'], ['PUT', '/api/fiches/groupes'],
      ['PUT', `/api/fiches/groupes/links/${shareId}`], ['POST', '/api/fiches/groupes/suggestions'], ['POST', '/api/suggestions/sg_abcdefgh'],
      ['PUT', '/api/licence'], ['POST', `/api/members/${member.member.id}/editor`],
    ] as const;
    const forged = ['Bearer', 'Bearer ', 'bearer vh_x', `Bearer ${member.feedToken}`, `Bearer ${"'; DROP TABLE members; --"}`, `Bearer {"$gt":""}`, `Bearer vh_${'a'.repeat(4000)}`, `Token ${member.token}`];
    for (const [method, path] of routes) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      refused(await hub.api(path, { method, body }), `${method} ${path} without a token`, [401]);
      for (const authorization of forged) refused(await hub.api(path, { method, body, headers: { authorization } }), `${method} ${path} with ${authorization.slice(0, 40)}`, [401]);
    }
    for (const [method, path] of [['GET', '/api/members'], ['POST', '/api/invites'], ['POST', `/api/members/${member.member.id}/revoke`], ['PUT', '/api/packs/rules'], ['GET', '/api/webhooks'], ['PUT', '/api/webhooks/webhook-two'], ['DELETE', '/api/webhooks/webhook-one'], ['GET', '/api/deliveries']] as const) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : { version: 1, rules: [], kind: 'slack', url: 'http://127.0.0.1:9/', name: 'x', role: 'admin' };
      refused(await hub.api(path, { method, token: member.token, body }), `${method} ${path} by a member`, [400, 403]);
    }
    // Writing fiches is for editors and admins: a member proposes instead. The licence and the editor right are the admins'.
    const fiche = { title: 'Groupes', body: 'x', baseVersion: 0 };
    for (const [method, path, body] of [['PUT', '/api/fiches/groupes', fiche], ['POST', '/api/fiches', { id: 'par-un-membre', title: 'x' }], ['PUT', `/api/fiches/groupes/links/${shareId}`, undefined],
      ['POST', '/api/suggestions/sg_abcdefgh', { accept: true }], ['PUT', '/api/licence', { licence: 'x' }], ['POST', `/api/members/${member.member.id}/editor`, { editor: true }]] as const) {
      refused(await hub.api(path, { method, token: member.token, body }), `${method} ${path} by a member`, [403]);
    }
    // A member cannot hide a share, even their own; nor edit one that is not theirs.
    refused(await hub.api(`/api/shares/${shareId}`, { method: 'PATCH', token: member.token, body: { hidden: true } }), 'hide by a member', [403]);
    expect(await state()).toBe(snapshot);
  });

  it('refuses, in words, values the schemas let through but the database cannot store (NUL, impossible dates)', async () => {
    const cases = [
      ['PUT', `/api/shares/${clientId()}`, member.token, draft({ title: 'Meta\u0000' })],
      ['PUT', `/api/shares/${clientId()}`, member.token, draft({ tags: ['a\u0000b'] })],
      ['PUT', `/api/shares/${clientId()}`, member.token, draft({ published: '2026-02-30T08:00:00Z' })],
      ['PUT', `/api/shares/${clientId()}`, member.token, draft({ published: '0000-01-01T00:00:00Z' })],
      ['PATCH', `/api/shares/${shareId}`, member.token, { note: '\u0000' }],
      ['POST', `/api/shares/${shareId}/tags`, member.token, { add: ['\u0000'] }],
      ['PUT', `/api/shares/${shareId}/comments/${clientId('c')}`, member.token, { body: 'a\u0000' }],
      ['POST', '/api/invites', admin.token, { name: 'Nul\u0000', role: 'member' }],
      ['PUT', '/api/fiches/groupes', admin.token, { title: 'Groupes', body: 'a\u0000', baseVersion: 0 }],
      ['POST', '/api/fiches/pages/suggestions', member.token, { kind: 'text', body: 'a\u0000', baseVersion: 0 }],
      ['PUT', '/api/licence', admin.token, { licence: 'CC\u0000' }],
      ['PUT', `/api/webhooks/${clientId('w')}`, admin.token, { kind: 'slack', url: 'http://127.0.0.1:9/\u0000' }],
    ] as const;
    for (const [method, path, token, body] of cases) {
      const answer = await hub.api(path, { method, token, body });
      refused(answer, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`, [400]);
      expect(answer.json.message).toMatch(/^Invalid value: /);
    }
    const opml = '<opml version="2.0"><body><outline text="a\u0000" xmlUrl="https://exemple.fr/feed.xml"/></body></opml>';
    refused(await hub.api('/api/packs/sources', { method: 'PUT', token: admin.token, body: opml, contentType: 'text/xml' }), 'OPML with NUL', [400]);
    refused(await hub.api(`/feed/${member.feedToken}/tag/a%00b.atom`), 'feed tag with NUL', [400]);
    expect(await state()).toBe(snapshot);
  });

  it('refuses the admin command route to anyone without its secret', async () => {
    const secrets = [undefined, '', "'; DROP TABLE members; --", 'x'.repeat(32)];
    for (const secret of secrets) {
      const headers: Record<string, string> = secret === undefined ? {} : { 'x-vigie-command-secret': secret };
      const answer = await hub.api('/internal/command', { headers, body: { argv: ['invite', 'Intrus', '--role', 'admin'], cwd: '/' } });
      // The route only exists while a hub holds the embedded database.
      refused(answer, `/internal/command with ${JSON.stringify(headers).slice(0, 60)}`, kind === 'embedded' ? [403] : [404]);
    }
    // The secret is checked before the body is read: without it, even malformed JSON gets its 403.
    refused(await hub.api('/internal/command', { body: '{"argv": [' }), '/internal/command with malformed JSON', kind === 'embedded' ? [403] : [400, 404]);
  });

  it('wrote nothing: the whole export is the same as before the fuzz', async () => {
    expect(await state()).toBe(snapshot);
    expect(JSON.stringify(await exportState())).toBe(exportBefore);
    // Nothing failed inside the hub either.
    expect(hub.logs).not.toMatch(/"level":50/);
  });

  it('accepts the valid bodies the generated ones were made from (so the refusals were the fuzz\'s doing)', async () => {
    for (const route of bodyRoutes()) {
      const answer = await hub.api(route.path, { method: route.method, token: token(route.who), body: route.valid });
      // The invite code is well formed but unknown: refused only once the body was read as valid.
      expect(route.path === '/api/join' ? [404] : [200, 201], `${route.method} ${route.path}: ${answer.text.slice(0, 200)}`).toContain(answer.status);
    }
  });
});
