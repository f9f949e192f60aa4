import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { InviteRequestSchema, JoinRequestSchema } from '../../lib/model/share';
import type { HubContext } from '../context';
import { HttpError, adminOf, memberOf, parse } from '../http';
import { createInvite, join, listMembers, revokeMember } from '../members/members';
import { HUB_VERSION } from '../version';

const MemberIdParams = z.object({ id: z.string().check(z.regex(/^m_[A-Za-z0-9_-]{6,40}$/, 'not a member id')) });

const JOIN_REFUSALS = {
  unknown: 'This invite code is not known to this hub.',
  used: 'This invite code was already used.',
  expired: 'This invite code has expired: ask an admin for a new one.',
} as const;

/** Joining with an invite code, and what admins do with members. */
export async function memberRoutes(app: FastifyInstance, { config, db, members, events }: HubContext) {
  app.post('/api/join', async (request, reply) => {
    const { code } = parse(JoinRequestSchema, request.body);
    const result = await join(db, code);
    if ('refused' in result) throw new HttpError(result.refused === 'unknown' ? 404 : 410, `invite-${result.refused}`, JOIN_REFUSALS[result.refused]);
    request.log.info({ member: result.member.id }, 'member joined');
    return reply.code(201).send({ ...result, hub: { name: config.name, version: HUB_VERSION } });
  });

  app.get('/api/me', async (request) => ({ member: memberOf(request), hub: { name: config.name, version: HUB_VERSION } }));

  app.get('/api/members', async (request) => {
    adminOf(request);
    return { members: await listMembers(db) };
  });

  app.post('/api/invites', async (request, reply) => {
    const admin = adminOf(request);
    const { name, role } = parse(InviteRequestSchema, request.body);
    const code = await createInvite(db, name, role);
    request.log.info({ by: admin.id, role }, 'invite created');
    return reply.code(201).send({ code, name, role });
  });

  app.post('/api/members/:id/revoke', async (request) => {
    const admin = adminOf(request);
    const { id } = parse(MemberIdParams, request.params, 'member id');
    if (!(await revokeMember(db, id))) throw new HttpError(404, 'not-found', 'No active member has this id.');
    members.forget();
    events.closeMember(id);
    request.log.info({ by: admin.id, member: id }, 'member revoked');
    return { revoked: id };
  });
}
