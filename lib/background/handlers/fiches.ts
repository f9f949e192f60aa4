import { HubError, hubFetch } from '../../hub/client';
import { loadConnection } from '../../hub/connection';
import { createFiche, decideSuggestion, ficheVersions, fichesView, linkFiche, loadFiches, markFicheSeen, pullFiches, saveFiche, suggestForFiche } from '../../hub/fiches';
import { HUB_FICHES, hubHas } from '../../hub/version';
import type { FICHE_REQUESTS } from '../../messages/requests/fiches';
import type { HUB_REQUESTS } from '../../messages/requests/hub';
import type { HandlersOf } from '../../messages/router';
import type { VigieStore } from '../../store/store';
import type { HandlerDeps } from './deps';

/** The hub, which must know fiches (1.5.0 or later): an older one is said in words before anything is asked. */
async function connected(store: VigieStore) {
  const connection = await loadConnection(store);
  if (!connection) throw new HubError('refused', 'not connected to a hub');
  if (!hubHas(connection.hubVersion, HUB_FICHES)) throw new HubError('refused', `hub ${connection.hubVersion ?? 'older than 1.1.0'} does not keep fiches conseils (hub 1.5.0 or later): its admins can update it`);
  return connection;
}

async function view(store: VigieStore) {
  const connection = await loadConnection(store);
  return { connected: !!connection, ...(connection ? { memberId: connection.member.id } : {}), ...fichesView(await loadFiches(store), connection?.member.id ?? '') };
}

/**
 * The fiches conseils' requests. Reads answer from the copy kept in the store (offline too); writes go to
 * the hub at once, and open pages hear of them (the navigation's mark, the list).
 */
export function ficheHandlers(deps: HandlerDeps, hub: HandlersOf<typeof HUB_REQUESTS>): HandlersOf<typeof FICHE_REQUESTS> {
  const { store } = deps;
  const changed = () => deps.fichesChanged?.();
  return {
    listFiches: () => view(store),
    async refreshFiches() {
      await pullFiches(store, await connected(store));
      changed();
      return view(store);
    },
    async markFicheSeen({ id }) {
      if (await markFicheSeen(store, id)) changed();
      return {};
    },
    ficheVersions: async ({ id }) => ficheVersions(await connected(store), id),
    async saveFiche({ id, ...save }) {
      const outcome = await saveFiche(store, await connected(store), id, save);
      changed();
      return 'fiche' in outcome ? { fiche: outcome.fiche } : { conflict: outcome.conflict, message: outcome.message };
    },
    async createFiche({ title }) {
      const fiche = await createFiche(store, await connected(store), title);
      changed();
      return fiche;
    },
    async linkFiche({ id, shareId, on }) {
      const fiche = await linkFiche(store, await connected(store), id, shareId, on);
      changed();
      return fiche;
    },
    async proposeForFiche({ ficheId, itemId, shareId, note }) {
      const connection = await connected(store);
      let id = shareId;
      if (!id && itemId) {
        // The collective can only cite what it has: the item is shared first (or found shared already).
        const shared = await hub.shareItem({ itemId });
        if (!shared.sent) throw new HubError('unreachable', 'the item could not be shared with the hub now: it waits in the outbox, propose it again once it is sent');
        id = shared.id;
      }
      if (!id) throw new HubError('refused', 'nothing to propose');
      const state = await loadFiches(store);
      const editor = state?.answer.editor ?? false;
      if (editor) await linkFiche(store, connection, ficheId, id, true);
      else await suggestForFiche(store, connection, ficheId, { kind: 'link', shareId: id, ...(note?.trim() ? { note: note.trim() } : {}) });
      changed();
      return { cited: editor };
    },
    async suggestFicheText({ id, body, baseVersion, note }) {
      const suggestion = await suggestForFiche(store, await connected(store), id, { kind: 'text', body, baseVersion, ...(note?.trim() ? { note: note.trim() } : {}) });
      changed();
      return suggestion;
    },
    async decideSuggestion({ id, accept }) {
      const outcome = await decideSuggestion(store, await connected(store), id, accept);
      changed();
      return outcome;
    },
    async hubSetLicence({ licence }) {
      const connection = await connected(store);
      await hubFetch(connection.url, connection.token, 'PUT', '/api/licence', { licence });
      await pullFiches(store, connection);
      changed();
      return {};
    },
    async hubSetEditor({ memberId, editor }) {
      const connection = await connected(store);
      await hubFetch(connection.url, connection.token, 'POST', `/api/members/${encodeURIComponent(memberId)}/editor`, { editor });
      return {};
    },
  };
}
