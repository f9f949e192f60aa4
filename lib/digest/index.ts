/** The digest ("synthèse"): what a day, a week, a month or chosen days brought, by category, for the COPIL. */
export { arrangeDigest, moveEntry, NO_EDITS, type DigestEdits } from './arrange';
export { buildDigest, type Digest, type DigestCounts, type DigestEntry, type DigestGroup, type DigestInput, type DigestLanguage } from './digest';
export { DIGEST_CSP, digestHtml, escapeHtml } from './html';
export { digestMarkdown, escapeMarkdown } from './markdown';
export { digestPeriod, inPeriod, type DigestChoice, type DigestKind, type DigestPeriod } from './period';
export { digestFileName, entryFacts, periodText, safeHttpUrl, summaryParts, summaryText, type EntryFact } from './words';
