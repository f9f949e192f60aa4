import * as z from 'zod/mini';
import { FicheSaveSchema, FicheSchema, FichesAnswerSchema, FicheVersionSchema, SuggestionSchema } from '../../model/fiche';
import { Empty } from './core';

/** What a page shows of the fiches: the copy read from the hub, the fiches a colleague changed since this member read them. */
export const FichesViewSchema = z.object({
  connected: z.boolean(),
  memberId: z.optional(z.string()),
  answer: z.optional(FichesAnswerSchema),
  changed: z.array(z.string()),
  /** The version of each fiche this member has read. */
  seen: z.record(z.string(), z.number()),
  fetched: z.optional(z.string()),
});
export type FichesView = z.infer<typeof FichesViewSchema>;

/** A write a second editor made first: their fiche, and the hub's words. */
const ConflictSchema = z.object({ conflict: z.optional(FicheSchema), message: z.optional(z.string()) });

/** The collective's fiches conseils (hubs from 1.5.0). Reading works offline from the copy; writing needs the hub. */
export const FICHE_REQUESTS = {
  listFiches: { params: Empty, result: FichesViewSchema },
  /** Reads them from the hub now (the view's « Actualiser », and its first opening). */
  refreshFiches: { params: Empty, result: FichesViewSchema },
  markFicheSeen: { params: z.object({ id: z.string() }), result: Empty },
  ficheVersions: { params: z.object({ id: z.string() }), result: z.array(FicheVersionSchema) },
  /** Editors: a new version from `baseVersion`; `conflict` when another editor saved first (their text, to merge). */
  saveFiche: { params: z.object({ ...FicheSaveSchema.shape, id: z.string() }), result: z.object({ ...ConflictSchema.shape, fiche: z.optional(FicheSchema) }) },
  /** Editors: a new fiche on a topic the taxonomy does not have; its id is made from its title. */
  createFiche: { params: z.object({ title: z.string().check(z.minLength(1), z.maxLength(200)) }), result: FicheSchema },
  /** Editors: cites a share in a fiche, or stops citing it. */
  linkFiche: { params: z.object({ id: z.string(), shareId: z.string(), on: z.boolean() }), result: FicheSchema },
  /**
   * From an item's reading pane or a share's card: the item is shared first if it was not, then an editor
   * cites it at once and a member proposes it (a suggestion the editors accept or decline).
   */
  proposeForFiche: {
    params: z.object({ ficheId: z.string(), itemId: z.optional(z.string()), shareId: z.optional(z.string()), note: z.optional(z.string().check(z.maxLength(2_000))) }),
    result: z.object({ cited: z.boolean() }),
  },
  /** A member proposes a rewording (the whole text, from the version read). */
  suggestFicheText: { params: z.object({ id: z.string(), body: z.string(), baseVersion: z.number(), note: z.optional(z.string().check(z.maxLength(2_000))) }), result: SuggestionSchema },
  decideSuggestion: { params: z.object({ id: z.string(), accept: z.boolean() }), result: z.object({ ...ConflictSchema.shape, suggestion: z.optional(SuggestionSchema) }) },
  /** Admins: the white paper's licence line, and who may write the fiches. */
  hubSetLicence: { params: z.object({ licence: z.string().check(z.maxLength(500)) }), result: Empty },
  hubSetEditor: { params: z.object({ memberId: z.string(), editor: z.boolean() }), result: Empty },
} as const;
