import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { ClientIdSchema, CommentDraftSchema, REACTIONS, ShareDraftSchema, SharePatchSchema, TagAddSchema, type Share } from '../../lib/model/share';
import type { HubContext } from '../context';
import { HttpError, memberOf, parse } from '../http';
import { liveRelay } from '../live-relay';
import { addComment, addTags, changesSince, createShare, getShare, patchShare, react } from '../shares/shares';
import { exemptFromIdleTimeout } from '../timeouts';
import { HUB_VERSION } from '../version';
import { enqueueAlert } from '../webhooks/webhooks';

const ShareParams = z.object({ id: ClientIdSchema });
const CommentParams = z.object({ id: ClientIdSchema, commentId: ClientIdSchema });
const ReactionParams = z.object({ id: ClientIdSchema, kind: z.enum(REACTIONS) });
const ChangesQuery = z.object({
  since: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 200),
});

/** The shared watch list: sharing, editing, tags, comments, reactions, and the feed of what changed. */
export async function shareRoutes(app: FastifyInstance, { db, events, webhooks }: HubContext) {
  const live = await liveRelay(db, events);
  /** After every write: open dashboards hear of it (on every hub process), and a shared alert goes to the chat webhooks. */
  async function announce(share: Share) {
    live.changed(share.seq);
    if (share.priority && !share.hidden && (await enqueueAlert(db, share.id, share.priority))) void webhooks.tick();
  }

  app.get('/api/changes', async (request) => {
    const { since, limit } = parse(ChangesQuery, request.query, 'query');
    return { ...(await changesSince(db, memberOf(request), since, limit)), hub: { version: HUB_VERSION } };
  });

  app.get('/api/events', async (request, reply) => {
    memberOf(request);
    const [latest] = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM shares');
    reply.hijack();
    exemptFromIdleTimeout(request.raw);
    // A hijacked reply does not send the headers the CORS hook set: the allowed origin (and only an allowed one) is copied here.
    const allowed = reply.getHeader('access-control-allow-origin');
    events.open(reply.raw, memberOf(request).id, Number(latest?.seq ?? 0), allowed ? { 'access-control-allow-origin': String(allowed), vary: 'Origin' } : {});
  });

  app.get('/api/shares/:id', async (request) => {
    const member = memberOf(request);
    const { id } = parse(ShareParams, request.params, 'share id');
    const share = await getShare(db, id);
    if (!share || (share.hidden && member.role !== 'admin')) throw new HttpError(404, 'not-found', 'This share does not exist.');
    return share;
  });

  /** Create under the client's id; the same request again answers 200 with the share, never a second copy. */
  app.put('/api/shares/:id', async (request, reply) => {
    const member = memberOf(request);
    const { id } = parse(ShareParams, request.params, 'share id');
    const draft = parse(ShareDraftSchema, request.body);
    const { share, created } = await createShare(db, member, id, draft);
    request.log.info({ share: share.id, member: member.id }, created ? 'shared' : 'shared again');
    // Shared again: one entry, updated (another member's note joins it); the collective hears of the change.
    await announce(share);
    return reply.code(created ? 201 : 200).send(share);
  });

  app.patch('/api/shares/:id', async (request) => {
    const { id } = parse(ShareParams, request.params, 'share id');
    const share = await patchShare(db, memberOf(request), id, parse(SharePatchSchema, request.body));
    await announce(share);
    return share;
  });

  app.post('/api/shares/:id/tags', async (request) => {
    const { id } = parse(ShareParams, request.params, 'share id');
    const share = await addTags(db, memberOf(request), id, parse(TagAddSchema, request.body).add);
    await announce(share);
    return share;
  });

  app.put('/api/shares/:id/comments/:commentId', async (request) => {
    const { id, commentId } = parse(CommentParams, request.params, 'comment id');
    const { body, replyTo } = parse(CommentDraftSchema, request.body);
    const share = await addComment(db, memberOf(request), id, commentId, body, replyTo);
    await announce(share);
    return share;
  });

  for (const [method, on] of [['put', true], ['delete', false]] as const) {
    app[method]('/api/shares/:id/reactions/:kind', async (request) => {
      const { id, kind } = parse(ReactionParams, request.params, 'reaction');
      const share = await react(db, memberOf(request), id, kind, on);
      await announce(share);
      return share;
    });
  }
}
