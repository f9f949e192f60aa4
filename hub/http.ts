import type { FastifyReply, FastifyRequest } from 'fastify';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { Member } from '../lib/model/share';

// zod/mini ships without messages: the hub (on Node, no size budget) loads the English ones.
z.config(en());

/** An answer in words: `{ error: code, message }` with a 4xx status. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Checks a body, a query or a path parameter against a shared schema; what fails is named in the answer. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : what;
    return `${where}: ${issue.code === 'unrecognized_keys' ? `unknown field(s) ${(issue as { keys?: string[] }).keys?.join(', ')}` : issue.message}`;
  });
  throw new HttpError(400, 'invalid', `Invalid ${what}: ${problems.join('; ')}`);
}

declare module 'fastify' {
  interface FastifyRequest {
    member?: Member;
  }
}

/** The member the request's token belongs to (the auth hook ran before any handler that calls this). */
export function memberOf(request: FastifyRequest): Member {
  if (!request.member) throw new HttpError(401, 'no-token', 'A member token is required.');
  return request.member;
}

export function adminOf(request: FastifyRequest): Member {
  const member = memberOf(request);
  if (member.role !== 'admin') throw new HttpError(403, 'admins-only', 'This needs an admin of the hub.');
  return member;
}

export const noContent = (reply: FastifyReply) => reply.code(204).send();
