import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { HubContext } from '../context';
import { atomFeed } from '../feed/atom';
import { recentFicheVersions } from '../fiches/fiches';
import { HttpError, parse } from '../http';
import { memberByToken } from '../members/members';
import { recentShares } from '../shares/shares';

const FeedParams = z.object({ token: z.string().check(z.regex(/^vf_[A-Za-z0-9_-]{20,}$/, 'not a feed token')), tag: z.optional(z.string().check(z.minLength(1), z.maxLength(80))) });

/**
 * The shared list as Atom, for feed readers that cannot send headers: the member's feed token (which opens
 * nothing else) is in the path. /feed/<token>.atom for all, /feed/<token>/tag/<tag>.atom for one tag.
 */
export async function feedRoutes(app: FastifyInstance, { config, db }: HubContext) {
  const serve = (withTag: boolean) => async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const params = parse(FeedParams, request.params, 'feed address');
    if (!(await memberByToken(db, params.token, 'feed_token_hash'))) throw new HttpError(404, 'unknown-feed', 'This feed address is unknown or was revoked.');
    const tag = withTag ? params.tag : undefined;
    const path = tag ? `/feed/${params.token}/tag/${encodeURIComponent(tag)}.atom` : `/feed/${params.token}.atom`;
    const [shares, fiches] = await Promise.all([recentShares(db, { tag, limit: 50 }), recentFicheVersions(db, { tag, limit: 20 })]);
    const xml = atomFeed({ hubName: config.name, hubUrl: config.publicUrl, selfUrl: config.publicUrl + path, tag, shares, fiches });
    return reply.header('content-type', 'application/atom+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(xml);
  };
  app.get('/feed/:token.atom', serve(false));
  app.get('/feed/:token/tag/:tag.atom', serve(true));
}
