import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { EditorGrantSchema, FicheCreateSchema, FicheIdSchema, FicheSaveSchema, LicenceSchema, SuggestionDecisionSchema, SuggestionDraftSchema } from '../../lib/model/fiche';
import type { Fiche } from '../../lib/model/fiche';
import { ClientIdSchema, type Member } from '../../lib/model/share';
import type { HubContext } from '../context';
import { FicheConflict, createFiche, decide, ficheVersions, fichesSeq, getLicence, linkFiche, listFiches, listSuggestions, saveFiche, setLicence, suggest } from '../fiches/fiches';
import { HttpError, adminOf, memberOf, parse } from '../http';
import { liveRelay } from '../live-relay';
import { setEditor } from '../members/members';
import { enqueueFicheChange } from '../webhooks/webhooks';

const FicheParams = z.object({ id: FicheIdSchema });
const LinkParams = z.object({ id: FicheIdSchema, shareId: ClientIdSchema });
const SuggestionParams = z.object({ id: z.string().check(z.regex(/^sg_[A-Za-z0-9_-]{6,40}$/, 'not a suggestion id')) });
const MemberIdParams = z.object({ id: z.string().check(z.regex(/^m_[A-Za-z0-9_-]{6,40}$/, 'not a member id')) });

const mayEdit = (member: Member) => member.role === 'admin' || member.editor === true;

/** Editors and admins write the fiches; other members propose (suggestions). */
function editorOf(request: FastifyRequest): Member {
  const member = memberOf(request);
  if (!mayEdit(member)) throw new HttpError(403, 'editors-only', 'Only the fiches’ editors (and admins) may write them: propose a change instead.');
  return member;
}

/** The collective's fiches conseils: read by every member, written by editors, suggested to by anyone. */
export async function ficheRoutes(app: FastifyInstance, { db, events, members, webhooks }: HubContext) {
  const live = await liveRelay(db, events);
  /** After every write: open pages hear of it (the change feed carries the fiches' new number). */
  const moved = async () => live.changed(await fichesSeq(db));
  /** A new version: the chats that take everything hear of it too. */
  const announce = async (fiche: Fiche) => {
    if (await enqueueFicheChange(db, fiche.id, fiche.version)) void webhooks.tick();
    await moved();
  };

  app.get('/api/fiches', async (request) => {
    const member = memberOf(request);
    const [fiches, suggestions, licence, seq] = await Promise.all([listFiches(db), listSuggestions(db, { open: true }), getLicence(db), fichesSeq(db)]);
    // Open suggestions are the editors' work list; a member sees their own.
    const shown = mayEdit(member) ? suggestions : suggestions.filter((suggestion) => suggestion.author.id === member.id);
    return { fiches, suggestions: shown, editor: mayEdit(member), licence, seq };
  });

  app.get('/api/fiches/:id/versions', async (request) => {
    memberOf(request);
    const { id } = parse(FicheParams, request.params, 'fiche id');
    return { versions: await ficheVersions(db, id) };
  });

  app.post('/api/fiches', async (request, reply) => {
    editorOf(request);
    const { id, title, tag } = parse(FicheCreateSchema, request.body);
    const fiche = await createFiche(db, id, title, tag);
    await moved();
    return reply.code(201).send(fiche);
  });

  /** A new version, from the version the editor started at; 409 with the fiche as it now is if another editor saved first. */
  app.put('/api/fiches/:id', async (request, reply) => {
    const editor = editorOf(request);
    const { id } = parse(FicheParams, request.params, 'fiche id');
    const save = parse(FicheSaveSchema, request.body);
    try {
      const { fiche, saved } = await saveFiche(db, editor, id, save);
      if (saved) {
        request.log.info({ fiche: id, version: fiche.version, by: editor.id }, 'fiche saved');
        await announce(fiche);
      }
      return fiche;
    } catch (error) {
      if (!(error instanceof FicheConflict)) throw error;
      return reply.code(409).send({ error: 'fiche-conflict', message: error.message, current: error.current });
    }
  });

  for (const [method, on] of [['put', true], ['delete', false]] as const) {
    app[method]('/api/fiches/:id/links/:shareId', async (request) => {
      const editor = editorOf(request);
      const { id, shareId } = parse(LinkParams, request.params, 'reference');
      const fiche = await linkFiche(db, editor, id, shareId, on);
      await moved();
      return fiche;
    });
  }

  app.post('/api/fiches/:id/suggestions', async (request, reply) => {
    const member = memberOf(request);
    const { id } = parse(FicheParams, request.params, 'fiche id');
    const suggestion = await suggest(db, member, id, parse(SuggestionDraftSchema, request.body));
    await moved();
    return reply.code(201).send(suggestion);
  });

  app.post('/api/suggestions/:id', async (request, reply) => {
    const editor = editorOf(request);
    const { id } = parse(SuggestionParams, request.params, 'suggestion id');
    const { accept } = parse(SuggestionDecisionSchema, request.body);
    try {
      const { suggestion, saved } = await decide(db, editor, id, accept);
      // An accepted rewording is a new version: announced like a save.
      if (saved) await announce(saved);
      else await moved();
      return suggestion;
    } catch (error) {
      if (!(error instanceof FicheConflict)) throw error;
      return reply.code(409).send({ error: 'fiche-conflict', message: `${error.message} Read the proposal against it and save the merge.`, current: error.current });
    }
  });

  app.put('/api/licence', async (request) => {
    adminOf(request);
    const { licence } = parse(LicenceSchema, request.body);
    await setLicence(db, licence);
    return { licence: await getLicence(db) };
  });

  app.post('/api/members/:id/editor', async (request) => {
    const admin = adminOf(request);
    const { id } = parse(MemberIdParams, request.params, 'member id');
    const { editor } = parse(EditorGrantSchema, request.body);
    if (!(await setEditor(db, id, editor))) throw new HttpError(404, 'not-found', 'No active member has this id.');
    members.forget();
    request.log.info({ by: admin.id, member: id, editor }, 'editor right changed');
    return { id, editor };
  });
}
