import * as z from 'zod/mini';
import { HttpUrlSchema } from './source';

/**
 * « Retours d'expérience » (REX): what a member tried, in which context, and what came of it. A REX travels
 * through the COPIL hub as a share of kind `rex` (hubs from 1.4.0), with these fields beside the share's own.
 */

/** The kinds of collectivité a REX comes from (its context), and the platforms it happened on. */
export const COLLECTIVITES = ['commune', 'intercommunalite', 'departement', 'region', 'universite', 'autre'] as const;
export const PLATFORMS = ['facebook', 'instagram', 'threads', 'whatsapp', 'messenger', 'autre'] as const;

/** What a REX answers (« suite au TTPA, nous avons… »): a share of the hub, or an item or alert of its member's watch, by its link. */
export const RexAnswerSchema = z.strictObject({
  /** The share's id on the hub (its client-made id: letters, digits, - and _). */
  shareId: z.optional(z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))),
  url: z.optional(HttpUrlSchema.check(z.maxLength(4_000))),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
});
export type RexAnswer = z.infer<typeof RexAnswerSchema>;

/**
 * A « retour d'expérience »: what a member tried, in which context, what came of it, and when. Its share's
 * title is its headline, its note what others should take from it, its tags the shared taxonomy's.
 */
export const RexSchema = z.strictObject({
  collectivite: z.enum(COLLECTIVITES),
  /** Its size, as its member puts it (« 45 000 habitants », « 30 000 étudiants »). */
  size: z.optional(z.string().check(z.maxLength(120))),
  platform: z.enum(PLATFORMS),
  audience: z.optional(z.string().check(z.maxLength(300))),
  tried: z.string().check(z.minLength(1), z.maxLength(10_000)),
  outcome: z.string().check(z.minLength(1), z.maxLength(10_000)),
  /** When it happened: a month (2026-11) or a day (2026-11-04). */
  when: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a month (2026-11) or a day (2026-11-04)')),
  answers: z.optional(z.array(RexAnswerSchema).check(z.maxLength(10))),
});
export type Rex = z.infer<typeof RexSchema>;


const COLLECTIVITE_WORDS: Record<(typeof COLLECTIVITES)[number], string> = {
  commune: 'Commune',
  intercommunalite: 'Intercommunalité',
  departement: 'Département',
  region: 'Région',
  universite: 'Université',
  autre: 'Autre structure',
};
const PLATFORM_WORDS: Record<(typeof PLATFORMS)[number], string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  autre: 'Autre plateforme',
};

/** The words a REX's context is said with: the extension's messages (`collectivite_…`, `platform_…`, `rexAudience`). */
export type RexWords = (key: string, substitutions?: string[]) => string;

/** The hub's words: French, the collective's language (its Atom feed and chat messages). */
const HUB_WORDS: RexWords = (key, substitutions) => {
  if (key === 'rexAudience') return `public : ${substitutions?.[0] ?? ''}`;
  if (key.startsWith('collectivite_')) return COLLECTIVITE_WORDS[key.slice('collectivite_'.length) as Rex['collectivite']];
  return PLATFORM_WORDS[key.slice('platform_'.length) as Rex['platform']];
};

/** « Département (600 000 habitants) · Facebook · public : habitants »: one line for a REX's context. */
export function rexContext(rex: Rex, words: RexWords, separator = ' · '): string {
  return [`${words(`collectivite_${rex.collectivite}`)}${rex.size ? ` (${rex.size})` : ''}`, words(`platform_${rex.platform}`), rex.audience ? words('rexAudience', [rex.audience]) : ''].filter(Boolean).join(separator);
}

/** « novembre 2026 », or « 4 novembre 2026 » for a day: a REX's `when` (a month or a day) in words. */
export function rexWhen(when: string, language: string): string {
  const [year, month, day] = when.split('-').map(Number);
  const date = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(language, { ...(day ? { day: 'numeric' } : {}), month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A REX's context and month in French, as a fiche's reference cites it (« Département (…) · Facebook, novembre 2026 »). */
export const rexReference = (rex: Rex): string => `${rexContext(rex, HUB_WORDS)}, ${rexWhen(rex.when, 'fr')}`;

/** A REX in plain French lines, for the hub's Atom feed and chat messages (the extension words it in the member's language). */
export function rexLines(rex: Rex): string[] {
  return [`Retour d'expérience — ${rexContext(rex, HUB_WORDS, ', ')}, ${rex.when}`, `Ce qui a été tenté : ${rex.tried}`, `Ce qui en est ressorti : ${rex.outcome}`, ...(rex.answers ?? []).map((answer) => `En réponse à : ${answer.title}${answer.url ? ` (${answer.url})` : ''}`)];
}

/** What a member writes to share a REX: its headline, what others should take from it, its tags, its fields. */
export const RexDraftSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  note: z.optional(z.string().check(z.maxLength(20_000))),
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(30)),
  rex: RexSchema,
});
export type RexDraft = z.infer<typeof RexDraftSchema>;
