import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { HubContext } from '../context';
import { HttpError, adminOf, memberOf, parse } from '../http';
import { liveRelay } from '../live-relay';
import { PACK_TYPES, checkPack, getPack, putPack, type PackName } from '../packs/packs';

const PackParams = z.object({ name: z.enum(['sources', 'rules']) });

/** The collective's source pack (OPML) and rule pack (JSON): members read them, admins replace them. */
export async function packRoutes(app: FastifyInstance, { db, events }: HubContext) {
  const live = await liveRelay(db, events);
  app.get('/api/packs/:name', async (request, reply) => {
    memberOf(request);
    const { name } = parse(PackParams, request.params, 'pack name');
    const pack = await getPack(db, name);
    if (!pack) throw new HttpError(404, 'no-pack', `The COPIL has not published a ${name} pack yet.`);
    return reply.header('content-type', PACK_TYPES[name]).header('etag', `"${pack.version}"`).header('x-vigie-pack-version', String(pack.version)).send(pack.body);
  });

  app.put('/api/packs/:name', async (request) => {
    const admin = adminOf(request);
    const { name } = parse(PackParams, request.params, 'pack name');
    if (typeof request.body !== 'string' && (name === 'sources' || request.body === undefined)) {
      throw new HttpError(415, 'unsupported-media-type', 'Send the sources pack as OPML (text/xml) and the rules pack as JSON.');
    }
    const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const { count, summary } = await checkPack(name as PackName, body);
    const version = await putPack(db, name as PackName, body, admin.id);
    request.log.info({ by: admin.id, pack: name, version }, 'pack published');
    live.packsChanged();
    return { name, version, count, summary };
  });
}
