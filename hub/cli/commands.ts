import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportHub, importHub, parseHubBackup } from '../backup';
import type { Db } from '../db/db';
import { createInvite, listMembers, revokeMember } from '../members/members';
import { newId } from '../members/tokens';
import { checkPack, putPack, type PackName } from '../packs/packs';
import { WebhookSchema, listDeliveries, listWebhooks, publicWebhook, putWebhook } from '../webhooks/webhooks';

/**
 * The admin commands (`npm run hub -- <command>`). Each takes the database and its arguments and returns
 * what to print, so the same code runs on a stopped hub's database or inside the running hub.
 * A file a command reads is named by its path, resolved against `cwd`, the admin's shell's folder: the
 * running hub reads it itself, so the admin route never carries a file in its body.
 */
export const USAGE = `Vigie — hub du COPIL

  npm run hub                                   start the hub (127.0.0.1:8787 unless .env says otherwise)
  npm run hub -- invite "Nom Prénom" --role member|admin
                                                print a one-time invite code
  npm run hub -- members                        list members (id, name, role, revoked)
  npm run hub -- revoke <member id>             revoke a member's tokens at once
  npm run -s hub -- export > backup.json        the whole hub as JSON (-s: without npm's banner)
  npm run hub -- import backup.json             restore a backup (what exists is kept)
  npm run hub -- pack sources|rules <file>      publish the collective's OPML source pack or JSON rule pack
  npm run hub -- webhook slack <url> [--min-priority info|important|critical]
  npm run hub -- webhook matrix <homeserver> <!room:server> <access token> [--min-priority …]
  npm run hub -- webhooks                       list webhooks and the latest deliveries
`;

export class CommandError extends Error {}

export const COMMANDS = ['invite', 'members', 'revoke', 'export', 'import', 'pack', 'webhook', 'webhooks'] as const;

/** `publicUrl`: the address members type in Vigie, printed with each invite code. */
export async function runCommand(db: Db, argv: string[], cwd = process.cwd(), context: { publicUrl?: string } = {}): Promise<string> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { role: { type: 'string' }, 'min-priority': { type: 'string' } },
  });
  const file = async (index: number) => {
    const name = positionals[index];
    if (!name) throw new CommandError(`${command}: which file?\n\n${USAGE}`);
    try {
      return await readFile(resolve(cwd, name), 'utf8');
    } catch (error) {
      throw new CommandError(`Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  };
  switch (command) {
    case 'invite': {
      const name = positionals[0]?.trim();
      const role = values.role ?? 'member';
      if (!name) throw new CommandError('invite: give the member\'s name, e.g. invite "Camille Martin" --role member');
      if (role !== 'member' && role !== 'admin') throw new CommandError('invite: --role is member or admin');
      const code = await createInvite(db, name, role);
      // Said in French, as the admin passes it on: the role in words, and the address to type with the code.
      const said = role === 'admin' ? 'administrateur ou administratrice' : 'membre';
      const where = context.publicUrl ? `adresse du hub : ${context.publicUrl}, et ce code` : 'adresse du hub + ce code';
      return `Code d'invitation pour ${name} (${said}), valable 14 jours, une seule fois :\n\n  ${code}\n\nDans Vigie : Paramètres → Hub du COPIL → ${where}.\n`;
    }
    case 'members': {
      const members = await listMembers(db);
      if (!members.length) return 'No member yet: start with `invite "Nom" --role admin`.\n';
      return members.map((m) => `${m.id}\t${m.role}\t${m.revoked ? `revoked ${m.revoked}` : 'active'}\t${m.name}`).join('\n') + '\n';
    }
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new CommandError('revoke: give the member id (see `members`)');
      if (!(await revokeMember(db, id))) throw new CommandError(`revoke: no active member has the id ${id}`);
      return `Revoked ${id}: their tokens are refused from now on.\n`;
    }
    case 'export':
      return `${JSON.stringify(await exportHub(db), null, 1)}\n`;
    case 'import': {
      let backup: ReturnType<typeof parseHubBackup>;
      try {
        backup = parseHubBackup(await file(0));
      } catch (error) {
        // Said in words by the command, whether it runs here or inside the running hub.
        if (error instanceof CommandError) throw error;
        throw new CommandError(error instanceof Error ? error.message : String(error));
      }
      const counts = await importHub(db, backup);
      return `Imported: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} (existing records kept).\n`;
    }
    case 'pack': {
      const name = positionals[0];
      if (name !== 'sources' && name !== 'rules') throw new CommandError('pack: sources (an OPML file) or rules (a JSON rule pack)');
      const body = await file(1);
      const { summary } = await checkPack(name as PackName, body).catch((error: Error) => {
        throw new CommandError(error.message);
      });
      const version = await putPack(db, name as PackName, body, null);
      return `Published the ${name} pack, version ${version} (${summary}).\n`;
    }
    case 'webhook': {
      const [kind, url, room, accessToken] = positionals;
      const input = WebhookSchema.safeParse({ kind, url, room, accessToken, minPriority: values['min-priority'] ?? 'info' });
      if (!input.success) throw new CommandError(`webhook: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const webhook = await putWebhook(db, newId('w'), input.data);
      return `Webhook ${webhook.id} (${webhook.kind}) added: shared alerts of priority ${webhook.minPriority} or above go there.\n`;
    }
    case 'webhooks': {
      const webhooks = (await listWebhooks(db)).map(publicWebhook);
      const deliveries = await listDeliveries(db, 20);
      return `${JSON.stringify({ webhooks, deliveries }, null, 1)}\n`;
    }
    default:
      throw new CommandError(command ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
  }
}
