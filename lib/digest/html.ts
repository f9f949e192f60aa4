import type { Translate } from '../i18n/translate';
import type { Digest, DigestEntry } from './digest';
import { ficheChangeWords } from './fiche-words';
import { countInParentheses, entryFacts, footerText, introParagraphs, periodText, safeHttpUrl, summaryParts } from './words';

/**
 * The digest as one standalone HTML file, to send, print or project at the COPIL. Everything in it comes
 * from feeds and members, so nothing in it may run or load: every text is escaped, only http(s) addresses
 * become links, and its content security policy forbids scripts, frames, images, fonts and forms anyway.
 */
export const DIGEST_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function digestHtml(digest: Digest, translate: Translate): string {
  const sections = digest.groups.map((group, index) => {
    const id = `section-${index + 1}`;
    return `<section aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(group.label)} <span class="count">${countInParentheses(digest, group.entries.length)}</span></h2>
<ul class="entries">
${group.entries.map((entry) => entryHtml(entry, digest, translate)).join('\n')}
</ul>
</section>`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(digest.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(DIGEST_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${digest.title} — ${periodText(digest, translate)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(digest.title)}</h1>
<p class="period">${escapeHtml(periodText(digest, translate))}</p>
<ul class="summary">${summaryParts(digest, translate).map((part) => `<li>${escapeHtml(part)}</li>`).join('')}</ul>
${introParagraphs(digest).map((paragraph) => `<p class="intro">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n')}
</header>
<main>
${digest.groups.length === 0 ? `<p class="empty">${escapeHtml(translate('digestEmpty'))}</p>` : sections.join('\n')}
${experiencesHtml(digest, translate)}
${fichesHtml(digest, translate)}
</main>
<footer><p>${escapeHtml(footerText(digest, translate))}</p></footer>
</body>
</html>
`;
}

function fichesHtml(digest: Digest, translate: Translate): string {
  const fiches = digest.fiches ?? [];
  if (fiches.length === 0) return '';
  return `<section aria-labelledby="fiches">
<h2 id="fiches">${escapeHtml(translate('digestFiches'))} <span class="count">${countInParentheses(digest, fiches.length)}</span></h2>
<ul class="entries">
${fiches.map((fiche) => `<li class="entry fiche"><strong>${escapeHtml(fiche.title)}</strong> — ${escapeHtml(ficheChangeWords(fiche, digest, translate))}</li>`).join('\n')}
</ul>
</section>`;
}

function experiencesHtml(digest: Digest, translate: Translate): string {
  const experiences = digest.experiences ?? [];
  if (experiences.length === 0) return '';
  const text = (value: string) => escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>');
  return `<section aria-labelledby="experiences">
<h2 id="experiences">${escapeHtml(translate('digestExperiences'))} <span class="count">${countInParentheses(digest, experiences.length)}</span></h2>
<ul class="entries">
${experiences
  .map(
    (rex) => `<li class="entry rex">
<h3>${escapeHtml(rex.title)}</h3>
<p class="facts">${escapeHtml(rex.author)} · ${escapeHtml(rex.context)} · ${escapeHtml(rex.when)}</p>
<p><strong>${escapeHtml(translate('rexTried'))} :</strong> ${text(rex.tried)}</p>
<p><strong>${escapeHtml(translate('rexOutcome'))} :</strong> ${text(rex.outcome)}</p>
${rex.note ? `<p class="note"><strong>${escapeHtml(translate('digestAdviceLabel'))}</strong> ${text(rex.note)}</p>` : ''}
${rex.tags.length > 0 ? `<p class="tags">${escapeHtml(translate('digestTagsLabel'))} ${rex.tags.map(escapeHtml).join(', ')}</p>` : ''}
</li>`,
  )
  .join('\n')}
</ul>
</section>`;
}

function entryHtml(entry: DigestEntry, digest: Digest, translate: Translate): string {
  const url = safeHttpUrl(entry.url);
  const title = escapeHtml(entry.title);
  // The article's own words carry their language (a French digest quoting an English post).
  const lang = entry.language ? ` lang="${escapeHtml(entry.language)}"` : '';
  const facts = entryFacts(entry, digest, translate).map((fact) => {
    const modifier = fact.kind === 'priority' ? ` priority-${fact.priority}` : fact.kind === 'impact' ? ` impact-${fact.impact}` : '';
    return `<span class="fact ${fact.kind}${modifier}">${escapeHtml(fact.text)}</span>`;
  });
  const parts = [
    `<li class="entry${entry.priority ? ` entry-${entry.priority}` : ''}">`,
    `<h3${lang}>${url ? `<a href="${escapeHtml(url)}" rel="noreferrer">${title}</a>` : title}</h3>`,
    `<p class="facts">${facts.join(' · ')}</p>`,
  ];
  if (entry.excerpt) parts.push(`<p class="excerpt"${lang}>${escapeHtml(entry.excerpt)}</p>`);
  if (entry.tags.length > 0) parts.push(`<p class="tags"><span class="label">${escapeHtml(translate('digestTagsLabel'))}</span> ${entry.tags.map(escapeHtml).join(', ')}</p>`);
  if (entry.note) parts.push(`<p class="advice"><strong>${escapeHtml(translate('digestAdviceLabel'))}</strong> ${escapeHtml(entry.note).replace(/\r\n|\r|\n/g, '<br>')}</p>`);
  parts.push('</li>');
  return parts.join('\n');
}

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Calm and legible, like Vigie's pages (same colours, contrast at least 4.5:1), light or dark following the
 * reader's system; on paper, black on white with each link's address written out, and no entry cut in two.
 */
const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --soft: #f4f6f8; --fg: #1b1f24; --muted: #4d5560; --line: #d6dbe1; --accent: #1d4f91; --critical: #b3261e; --important: #8a4b00; --star: #8a5a00; }
@media (prefers-color-scheme: dark) { :root { --bg: #15181c; --soft: #1d2126; --fg: #e8eaed; --muted: #a9b1bb; --line: #343a42; --accent: #8ab4f8; --critical: #f28b82; --important: #fbbc5d; --star: #f5c451; } }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 0.25rem; }
.intro { margin: 1rem 0 0; font-size: 1.05rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.period, .facts, .tags, footer, .count { color: var(--muted); }
.summary { list-style: none; padding: 0.5rem 0.75rem; margin: 0.75rem 0 0; background: var(--soft); border-radius: 6px; }
.summary li { display: inline; }
.summary li + li::before { content: " · "; }
.entries { list-style: none; margin: 0; padding: 0; }
.entry { padding: 0.6rem 0 0.6rem 0.75rem; border-left: 4px solid var(--line); margin: 0 0 0.75rem; break-inside: avoid; }
.entry-critical { border-left-color: var(--critical); }
.entry-important { border-left-color: var(--important); }
.entry p { margin: 0.15rem 0; }
.priority-critical { color: var(--critical); font-weight: 600; }
.priority-important { color: var(--important); font-weight: 600; }
.starred { color: var(--star); }
.advice { border-left: 3px solid var(--accent); padding-left: 0.6rem; margin-top: 0.4rem !important; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); font-size: 0.9rem; }
@media print {
  :root { --bg: #ffffff; --soft: #ffffff; --fg: #000000; --muted: #333333; --line: #999999; --accent: #000000; --critical: #000000; --important: #000000; --star: #000000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .summary { border: 1px solid var(--line); }
  h2, h3 { break-after: avoid; }
  a[href]::after { content: " <" attr(href) ">"; font-size: 0.85em; word-break: break-all; }
}
`;
