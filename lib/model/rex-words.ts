import type { Rex } from './rex';

/**
 * A REX said in words: its context and month, for the pages (in the member's language) and for the hub (in
 * French). Apart from the schemas, so that a page showing a REX (the popup's hub tab) does not carry zod.
 */
const COLLECTIVITE_WORDS: Record<Rex['collectivite'], string> = {
  commune: 'Commune',
  intercommunalite: 'Intercommunalité',
  departement: 'Département',
  region: 'Région',
  universite: 'Université',
  autre: 'Autre structure',
};
const PLATFORM_WORDS: Record<Rex['platform'], string> = {
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

