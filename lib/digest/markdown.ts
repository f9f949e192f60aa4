import type { Translate } from '../i18n/translate';
import type { Digest, DigestEntry } from './digest';
import type { DigestExperience } from './experiences';
import { ficheChangeWords } from './fiche-words';
import { countInParentheses, entryFacts, footerText, introParagraphs, periodText, safeHttpUrl, summaryText } from './words';

/**
 * The digest as Markdown, to paste into a shared document or the white paper: a heading, the period, the
 * counts, then one section per category with one bullet per item and its details as sub-bullets (nested
 * lists survive every Markdown flavour, unlike trailing-space line breaks).
 */
export function digestMarkdown(digest: Digest, translate: Translate): string {
  const lines = [`# ${escapeMarkdown(digest.title)}`, '', escapeMarkdown(periodText(digest, translate)), '', escapeMarkdown(summaryText(digest, translate)), ''];
  // The member's introduction, paragraph by paragraph, as written.
  for (const paragraph of introParagraphs(digest)) lines.push(paragraph.split('\n').map((line) => escapeMarkdownLine(line.trim())).join('\\\n'), '');
  if (digest.groups.length === 0) lines.push(escapeMarkdown(translate('digestEmpty')), '');
  for (const group of digest.groups) {
    lines.push(`## ${escapeMarkdown(group.label)} ${countInParentheses(digest, group.entries.length)}`, '');
    for (const entry of group.entries) lines.push(...entryLines(entry, digest, translate));
    lines.push('');
  }
  const experiences = digest.experiences ?? [];
  if (experiences.length > 0) {
    lines.push(`## ${escapeMarkdown(translate('digestExperiences'))} ${countInParentheses(digest, experiences.length)}`, '');
    for (const rex of experiences) lines.push(...experienceLines(rex, translate));
    lines.push('');
  }
  const fiches = digest.fiches ?? [];
  if (fiches.length > 0) {
    lines.push(`## ${escapeMarkdown(translate('digestFiches'))} ${countInParentheses(digest, fiches.length)}`, '');
    for (const fiche of fiches) lines.push(`- **${escapeMarkdown(fiche.title)}** — ${escapeMarkdown(ficheChangeWords(fiche, digest, translate))}`);
    lines.push('');
  }
  lines.push('---', '', `_${escapeMarkdown(footerText(digest, translate))}_`, '');
  return lines.join('\n');
}

function experienceLines(rex: DigestExperience, translate: Translate): string[] {
  const text = (value: string) => value.split(/\r\n|\r|\n/).map((line) => escapeMarkdownLine(line.trim())).filter(Boolean).join('\\\n    ');
  return [
    `- **${escapeMarkdown(rex.title)}** — ${escapeMarkdown(rex.author)}`,
    `  - ${escapeMarkdown(rex.context)} · ${escapeMarkdown(rex.when)}`,
    `  - **${escapeMarkdown(translate('rexTried'))} :** ${text(rex.tried)}`,
    `  - **${escapeMarkdown(translate('rexOutcome'))} :** ${text(rex.outcome)}`,
    ...(rex.note ? [`  - **${escapeMarkdown(translate('digestAdviceLabel'))}** ${text(rex.note)}`] : []),
    ...(rex.tags.length > 0 ? [`  - ${escapeMarkdown(translate('digestTagsLabel'))} ${rex.tags.map(escapeMarkdown).join(', ')}`] : []),
  ];
}

function entryLines(entry: DigestEntry, digest: Digest, translate: Translate): string[] {
  const url = safeHttpUrl(entry.url);
  const title = escapeMarkdown(entry.title);
  const lines = [`- **${url ? `[${title}](${markdownDestination(url)})` : title}**`];
  lines.push(`  - ${entryFacts(entry, digest, translate).map((fact) => escapeMarkdown(fact.text)).join(' · ')}`);
  if (entry.excerpt) lines.push(`  - _${escapeMarkdown(entry.excerpt)}_`);
  if (entry.tags.length > 0) lines.push(`  - ${escapeMarkdown(translate('digestTagsLabel'))} ${entry.tags.map(escapeMarkdown).join(', ')}`);
  if (entry.note) {
    // The member's line breaks are kept (a note is often a short list of steps), as hard breaks.
    const noteLines = entry.note.split(/\r\n|\r|\n/).map((line) => escapeMarkdownLine(line.trim())).filter(Boolean);
    lines.push(`  - **${escapeMarkdown(translate('digestAdviceLabel'))}** ${noteLines.join('\\\n    ')}`);
  }
  return lines;
}

/**
 * Text that Markdown shows as it is: characters that could open emphasis, code, a link, an image, raw HTML,
 * an entity, a table cell, strikethrough or maths are backslash-escaped, and line breaks become spaces, so a
 * feed's title can neither break the document's structure nor slip a link into it.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownLine(text.replace(/[\r\n]+/g, ' ').trim());
}

/** One line of text that may start a Markdown line: what would make it a heading, quote or list is escaped too. */
function escapeMarkdownLine(line: string): string {
  return line.replace(/[\\`*_[\]<>|~&$!]/g, '\\$&').replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link's address, with the characters that would end it or escape out of it percent-encoded. */
const markdownDestination = (url: string): string => url.replace(/[()<>\\\s`]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
