import * as z from 'zod/mini';
import { ClientIdSchema, MemberSchema } from './share';
import { IsoDateSchema } from './source';

/**
 * « Fiches conseils »: the collective's living advice sheets, one per topic (by default one per tag of the
 * shared taxonomy), written in Markdown by the hub's editors. Every save is a new version, kept whole with
 * its author and date; a fiche cites the shares (articles, alerts, REX) that support it. Members propose a
 * reference or a rewording (a suggestion), an editor accepts or declines it. One definition, read by the
 * extension and by the hub (hubs from 1.5.0).
 */

/** A fiche's id: a slug (« publicite-politique »), the tag's id for the default ones. */
export const FicheIdSchema = z.string().check(z.minLength(2), z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9-]*$/, 'fiche ids are lower-case letters, digits and -'));

export const FICHE_TITLE_MAX = 200;
/** A fiche is a few pages: 100,000 characters is a short book. */
export const FICHE_BODY_MAX = 100_000;

const TitleSchema = z.string().check(z.trim(), z.minLength(1, 'a fiche needs a title'), z.maxLength(FICHE_TITLE_MAX));
const BodySchema = z.string().check(z.maxLength(FICHE_BODY_MAX));

/** A share a fiche cites: what a reader of the fiche (or of the white paper) needs to find it. */
export const FicheLinkSchema = z.object({
  shareId: z.string(),
  kind: z.string(),
  title: z.string(),
  url: z.optional(z.string()),
  /** For a REX: the collectivité and the month, as a reference says them. */
  context: z.optional(z.string()),
  addedBy: MemberSchema,
  added: IsoDateSchema,
});
export type FicheLink = z.infer<typeof FicheLinkSchema>;

export const FicheSchema = z.object({
  id: FicheIdSchema,
  title: z.string(),
  /** The tag of the shared taxonomy the fiche is about, when it is one. */
  tag: z.optional(z.string()),
  body: z.string(),
  /** 0: not written yet. Each save adds one. */
  version: z.number(),
  updated: IsoDateSchema,
  updatedBy: z.optional(MemberSchema),
  /** Everyone who wrote a version, in the order they first did (the white paper credits them). */
  authors: z.array(MemberSchema),
  links: z.array(FicheLinkSchema),
});
export type Fiche = z.infer<typeof FicheSchema>;

/** A past version, as the history lists it (its text is read with `FicheVersionSchema`). */
export const FicheVersionSchema = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  author: MemberSchema,
  created: IsoDateSchema,
  /** The editor's words on what changed (« ajout de la période de réserve »). */
  summary: z.optional(z.string()),
});
export type FicheVersion = z.infer<typeof FicheVersionSchema>;

/**
 * A save. `baseVersion` is the version the editor started from: if another editor saved meanwhile, the hub
 * refuses with 409 and sends the fiche as it now is, so nothing is lost and the editor merges by reading.
 */
export const FicheSaveSchema = z.strictObject({
  title: TitleSchema,
  body: BodySchema,
  baseVersion: z.number().check(z.int(), z.gte(0)),
  summary: z.optional(z.string().check(z.maxLength(300))),
});
export type FicheSave = z.infer<typeof FicheSaveSchema>;

export const FicheCreateSchema = z.strictObject({ id: FicheIdSchema, title: TitleSchema, tag: z.optional(z.string().check(z.maxLength(64))) });

/**
 * What a member proposes for a fiche: a share to cite (`link`), or a rewording of it (`text`, the whole body
 * proposed, from the version it was read at). `note` says why.
 */
export const SuggestionDraftSchema = z.union([
  z.strictObject({ kind: z.literal('link'), shareId: ClientIdSchema, note: z.optional(z.string().check(z.maxLength(2_000))) }),
  z.strictObject({ kind: z.literal('text'), body: BodySchema, baseVersion: z.number().check(z.int(), z.gte(0)), note: z.optional(z.string().check(z.maxLength(2_000))) }),
]);
export type SuggestionDraft = z.infer<typeof SuggestionDraftSchema>;

export const SUGGESTION_STATES = ['open', 'accepted', 'declined'] as const;

export const SuggestionSchema = z.object({
  id: z.string(),
  ficheId: z.string(),
  kind: z.enum(['link', 'text']),
  author: MemberSchema,
  created: IsoDateSchema,
  note: z.optional(z.string()),
  /** `link`: the share proposed, as a reference shows it. */
  link: z.optional(FicheLinkSchema),
  /** `text`: the body proposed, and the version it was written from. */
  body: z.optional(z.string()),
  baseVersion: z.optional(z.number()),
  status: z.enum(SUGGESTION_STATES),
  decidedBy: z.optional(MemberSchema),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionDecisionSchema = z.strictObject({ accept: z.boolean() });

/** What `GET /api/fiches` answers: every fiche, the open suggestions, and whether the caller may edit. */
export const FichesAnswerSchema = z.object({
  fiches: z.array(FicheSchema),
  suggestions: z.array(SuggestionSchema),
  editor: z.boolean(),
  /** The licence line the collective chose for its white paper (admins set it). */
  licence: z.string(),
  /** The fiches' place in the change feed: the extension reads them again only when it moved. */
  seq: z.number(),
});
export type FichesAnswer = z.infer<typeof FichesAnswerSchema>;

export const LicenceSchema = z.strictObject({ licence: z.string().check(z.trim(), z.maxLength(500)) });
export const EditorGrantSchema = z.strictObject({ editor: z.boolean() });

/** The line a white paper carries when the collective has chosen none. */
export const DEFAULT_LICENCE = 'Licence Ouverte / Open Licence 2.0 (Etalab)';
