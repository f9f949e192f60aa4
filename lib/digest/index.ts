/** The digest ("synthèse"): alerts and starred items of a week or a day, by category, for the COPIL. */
export { buildDigest, type Digest, type DigestCounts, type DigestEntry, type DigestGroup, type DigestInput, type DigestLanguage } from './digest';
export { DIGEST_CSP, digestHtml, escapeHtml } from './html';
export { digestMarkdown, escapeMarkdown } from './markdown';
export { digestPeriod, inPeriod, type DigestKind, type DigestPeriod } from './period';
export { digestFileName, entryFacts, periodText, safeHttpUrl, summaryParts, summaryText, type EntryFact } from './words';
