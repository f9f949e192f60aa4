import { timingSafeEqual } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import type { Db } from '../db/db';
import { HttpError, parse } from '../http';
import { exemptFromIdleTimeout } from '../timeouts';
import { CommandError, runCommand } from './commands';

/** The command and the admin's shell folder, against which the paths it names are resolved: never a file's content. */
const CommandBody = z.object({ argv: z.array(z.string()), cwd: z.string().check(z.refine(isAbsolute, 'an absolute path')) });

/** Far more than any command line: a body past it is refused from its declared length, before it is read. */
export const COMMAND_BODY_LIMIT = 64 * 1024;

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

/**
 * Admin commands sent by `npm run hub -- …` while the hub holds the embedded database: from this machine, with
 * the secret the hub wrote in its data folder at start. Behind a reverse proxy on the same machine every
 * request comes from loopback (unless HUB_TRUST_PROXY names the proxy), so the secret is what really guards it.
 */
export function commandRoute(app: FastifyInstance, db: Db, secret: string, afterCommand: () => void, publicUrl?: () => string) {
  const expected = Buffer.from(secret);
  // Checked from the headers alone, before a byte of the body is read: a caller without the secret costs
  // nothing, however large a body it sends. Its connection is closed with the answer (see the `onSend` hook in
  // app.ts), so the rest of that body is never read either.
  const checkSecret = async (request: FastifyRequest, reply: FastifyReply) => {
    const given = Buffer.from(String(request.headers['x-vigie-command-secret'] ?? ''));
    if (isLoopback(request.ip) && given.length === expected.length && timingSafeEqual(given, expected)) return;
    reply.header('connection', 'close');
    throw new HttpError(403, 'forbidden', 'Admin commands come from this machine only, with the secret in the data folder.');
  };
  app.post('/internal/command', { bodyLimit: COMMAND_BODY_LIMIT, onRequest: checkSecret }, async (request, reply) => {
    exemptFromIdleTimeout(request.raw);
    const { argv, cwd } = parse(CommandBody, request.body, 'command');
    try {
      const output = await runCommand(db, argv, cwd, publicUrl ? { publicUrl: publicUrl() } : {});
      // A `revoke` holds at once: the hub forgets the tokens it remembered.
      afterCommand();
      return reply.type('text/plain; charset=utf-8').send(output);
    } catch (error) {
      if (error instanceof CommandError) throw new HttpError(400, 'command', error.message);
      // The admin at this machine's shell reads what went wrong (a backup whose members are missing, say),
      // as they would running the command on a stopped hub, rather than "could not complete this request".
      request.log.error({ err: error }, 'admin command failed');
      throw new HttpError(500, 'command-failed', error instanceof Error ? error.message : String(error));
    }
  });
}
