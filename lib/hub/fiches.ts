import { FicheSchema, FichesAnswerSchema, FicheVersionSchema, SuggestionSchema, type Fiche, type FicheSave, type FichesAnswer, type FicheVersion, type Suggestion, type SuggestionDraft } from '../model/fiche';
import type { HubConnection } from '../model/hub-connection';
import { META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';
import { slug } from '../text/slug';
import { HubError, hubFetch } from './client';

/**
 * The extension's side of the collective's fiches conseils. The hub keeps them; this browser keeps a copy
 * (read again when the change feed's fiches number moved), so they read offline, and remembers the version
 * of each fiche this member has seen: a fiche a colleague changed since is marked in the navigation, and
 * told in a notification if the member asked for it. Writing needs the hub: it is online only, and says so.
 */
export type FichesState = NonNullable<Awaited<ReturnType<typeof loadFiches>>>;

export const loadFiches = (store: VigieStore) => store.getMeta(META.fiches);

/** Fiches a colleague changed since this member last read them (their own saves are seen already). */
export function changedFiches(state: FichesState | undefined, memberId: string): string[] {
  if (!state) return [];
  return state.answer.fiches.filter((fiche) => fiche.version > (state.seen[fiche.id] ?? 0) && fiche.updatedBy?.id !== memberId).map((fiche) => fiche.id);
}

/**
 * Reads the fiches from the hub when `seq` (the change feed's figure) differs from the copy's, or always
 * without one. The first read files every fiche as seen: the collective's history is not news. Returns the
 * fiches a colleague saved since the last read (for the notification), and whether the copy was read again
 * (a reference or a suggestion moves it too: open pages show it).
 */
export async function pullFiches(store: VigieStore, connection: HubConnection, seq?: number): Promise<{ read: boolean; changed: Fiche[] }> {
  const state = await loadFiches(store);
  if (seq !== undefined && state?.seq === seq) return { read: false, changed: [] };
  const answer = FichesAnswerSchema.parse(await hubFetch(connection.url, connection.token, 'GET', '/api/fiches'));
  const before = new Map(state?.answer.fiches.map((fiche) => [fiche.id, fiche.version]));
  const seen = state ? state.seen : Object.fromEntries(answer.fiches.map((fiche) => [fiche.id, fiche.version]));
  await store.setMeta(META.fiches, { seq: answer.seq, answer, seen, fetched: new Date().toISOString() });
  const changed = state ? answer.fiches.filter((fiche) => fiche.version > (before.get(fiche.id) ?? 0) && fiche.updatedBy?.id !== connection.member.id) : [];
  return { read: true, changed };
}

/** This member read the fiche as it is now. */
export async function markFicheSeen(store: VigieStore, id: string): Promise<boolean> {
  const state = await loadFiches(store);
  const fiche = state?.answer.fiches.find((candidate) => candidate.id === id);
  if (!state || !fiche || state.seen[id] === fiche.version) return false;
  await store.setMeta(META.fiches, { ...state, seen: { ...state.seen, [id]: fiche.version } });
  return true;
}

/** A fiche as the hub answered a write: the copy takes it, seen (this member wrote it or decided on it). */
async function keep(store: VigieStore, fiche: Fiche): Promise<void> {
  const state = await loadFiches(store);
  if (!state) return;
  const fiches = state.answer.fiches.some((candidate) => candidate.id === fiche.id)
    ? state.answer.fiches.map((candidate) => (candidate.id === fiche.id ? fiche : candidate))
    : [...state.answer.fiches, fiche];
  await store.setMeta(META.fiches, { ...state, answer: { ...state.answer, fiches }, seen: { ...state.seen, [fiche.id]: fiche.version } });
}

export type SaveOutcome = { fiche: Fiche } | { conflict: Fiche; message: string };

/**
 * Saves a version from `baseVersion`. Another editor saved first: the answer carries their text, and the
 * member's own stays in their editor, so they merge by reading both; nothing is lost.
 */
export async function saveFiche(store: VigieStore, connection: HubConnection, id: string, save: FicheSave): Promise<SaveOutcome> {
  try {
    const fiche = FicheSchema.parse(await hubFetch(connection.url, connection.token, 'PUT', `/api/fiches/${encodeURIComponent(id)}`, save));
    await keep(store, fiche);
    return { fiche };
  } catch (error) {
    const current = conflictOf(error);
    if (!current) throw error;
    await keep(store, current.fiche);
    return { conflict: current.fiche, message: current.message };
  }
}

function conflictOf(error: unknown): { fiche: Fiche; message: string } | undefined {
  if (!(error instanceof HubError) || error.status !== 409) return undefined;
  const current = FicheSchema.safeParse((error.answer as { current?: unknown } | undefined)?.current);
  return current.success ? { fiche: current.data, message: error.detail } : undefined;
}

export async function ficheVersions(connection: HubConnection, id: string): Promise<FicheVersion[]> {
  const answer = await hubFetch<{ versions: unknown[] }>(connection.url, connection.token, 'GET', `/api/fiches/${encodeURIComponent(id)}/versions`);
  return answer.versions.map((version) => FicheVersionSchema.parse(version));
}

/** Editors: cites a share in the fiche, or stops citing it. */
export async function linkFiche(store: VigieStore, connection: HubConnection, id: string, shareId: string, on: boolean): Promise<Fiche> {
  const path = `/api/fiches/${encodeURIComponent(id)}/links/${encodeURIComponent(shareId)}`;
  const fiche = FicheSchema.parse(await hubFetch(connection.url, connection.token, on ? 'PUT' : 'DELETE', path));
  await keep(store, fiche);
  return fiche;
}

export async function suggestForFiche(store: VigieStore, connection: HubConnection, id: string, draft: SuggestionDraft): Promise<Suggestion> {
  const suggestion = SuggestionSchema.parse(await hubFetch(connection.url, connection.token, 'POST', `/api/fiches/${encodeURIComponent(id)}/suggestions`, draft));
  await pullFiches(store, connection);
  return suggestion;
}

/** Editors: accepts or declines a suggestion; a rewording from an older version is refused with the fiche as it is. */
export async function decideSuggestion(store: VigieStore, connection: HubConnection, id: string, accept: boolean): Promise<{ suggestion?: Suggestion; conflict?: Fiche; message?: string }> {
  try {
    const suggestion = SuggestionSchema.parse(await hubFetch(connection.url, connection.token, 'POST', `/api/suggestions/${encodeURIComponent(id)}`, { accept }));
    await pullFiches(store, connection);
    return { suggestion };
  } catch (error) {
    const current = conflictOf(error);
    if (!current) throw error;
    return { conflict: current.fiche, message: current.message };
  }
}

/** What pages are given: the copy, which fiches changed for this member, and when it was read. */
export function fichesView(state: FichesState | undefined, memberId: string): { answer?: FichesAnswer; changed: string[]; seen: Record<string, number>; fetched?: string } {
  return state ? { answer: state.answer, changed: changedFiches(state, memberId), seen: state.seen, fetched: state.fetched } : { changed: [], seen: {} };
}

/** A fiche's id from its title: « Période de réserve » → « periode-de-reserve ». */
export function ficheIdOf(title: string): string {
  const id = slug(title).slice(0, 60).replace(/-+$/, '');
  return id.length >= 2 ? id : `fiche-${id || 'sans-titre'}`;
}

/** Editors: a new fiche, empty, under an id made from its title. */
export async function createFiche(store: VigieStore, connection: HubConnection, title: string): Promise<Fiche> {
  const fiche = FicheSchema.parse(await hubFetch(connection.url, connection.token, 'POST', '/api/fiches', { id: ficheIdOf(title), title: title.trim() }));
  await keep(store, fiche);
  return fiche;
}
