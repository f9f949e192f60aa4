import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { Db } from '../db/db';
import { HttpError, parse } from '../http';
import { CommandError, runCommand } from './commands';

const CommandBody = z.object({ argv: z.array(z.string()), files: z._default(z.record(z.string(), z.string()), {}) });

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

/**
 * Admin commands sent by `npm run hub -- …` while the hub holds the embedded database: loopback only, with
 * the secret the hub wrote in its data folder at start.
 */
export function commandRoute(app: FastifyInstance, db: Db, secret: string, afterCommand: () => void) {
  app.post('/internal/command', { bodyLimit: 512 * 1024 * 1024 }, async (request, reply) => {
    const given = Buffer.from(String(request.headers['x-vigie-command-secret'] ?? ''));
    const expected = Buffer.from(secret);
    if (!isLoopback(request.ip) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(403, 'forbidden', 'Admin commands come from this machine only.');
    }
    const { argv, files } = parse(CommandBody, request.body, 'command');
    try {
      const output = await runCommand(db, argv, files);
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
