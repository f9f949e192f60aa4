import { parsePatch, type StructuredPatch } from 'diff';
import { safeHttpUrl } from '../feeds/links';
import type { Change, ChangedDocument, DiffPart, Significance } from '../model/change';
import { FeedError } from '../model/feed-error';
import { DEFAULT_MAX_PARTS, ELLIPSIS, wordDiff } from './diff';
import { markdownAsText } from './markdown-text';
import { documentLabel, OTA_COLLECTIONS, type OtaCollectionId } from './ota-catalog';

export * from './ota-catalog';

/**
 * Open Terms Archive (OTA) records each new version of a terms document as a commit in a GitHub repository of
 * Markdown files; GitHub publishes the commits as Atom feeds, one per service or per document, which Vigie
 * reads like any feed. Each entry links to its commit, whose `.diff` gives the change: it is turned into the
 * same word-level diff as a page monitor's, between the document's text before and after.
 */

const GITHUB = 'https://github.com';
const OWNER = 'OpenTermsArchive';

/** A path segment as GitHub's addresses take it: "Terms of Service" → "Terms%20of%20Service". */
const segment = (name: string) => encodeURIComponent(name);

/** The Atom feed of a service's commits, or of one of its documents. */
export function otaFeedUrl(collection: OtaCollectionId, service: string, document?: string): string {
  const base = `${GITHUB}/${OWNER}/${OTA_COLLECTIONS[collection].repo}/commits/main/${segment(service)}`;
  return document === undefined ? `${base}.atom` : `${base}/${segment(document)}.md.atom`;
}

interface OtaCommit {
  /** Where the archive is served: GitHub, or a mirror the collective hosts (and the tests' local server). */
  origin: string;
  repo: string;
  sha: string;
}

/**
 * `https://github.com/OpenTermsArchive/<collection>-versions/commit/<sha>`: what an OTA feed entry links to.
 * The shape of the path says it is an archive's commit, whatever the host: the diff and the full texts are
 * then read from that same host (which Vigie may read only with the member's permission, like any source).
 */
function commitOf(url: string | undefined): OtaCommit | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const match = /^\/opentermsarchive\/([\w.-]+-versions)\/commit\/([0-9a-f]{7,40})\/?$/i.exec(parsed.pathname);
  return match ? { origin: parsed.origin, repo: match[1] as string, sha: (match[2] as string).toLowerCase() } : undefined;
}

export function isOtaCommitLink(url: string | undefined): boolean {
  return commitOf(url) !== undefined;
}

/** The commit's unified diff: GitHub serves it at the commit page's address + `.diff`. */
export function commitDiffUrl(commitUrl: string): string {
  const commit = commitOf(commitUrl);
  if (!commit) throw new FeedError('malformed', `not an Open Terms Archive commit: ${commitUrl}`);
  return `${commit.origin}/${OWNER}/${commit.repo}/commit/${commit.sha}.diff`;
}

/**
 * An OTA commit's diff as a Change: one document per changed `<Service>/<Document type>.md` file, named
 * "Facebook — Terms of Service" (or "Facebook — Conditions d’utilisation" in the French collection), with the
 * words removed and added in each hunk read in their context lines, and links to the full texts.
 *
 * The "after" link is the file at the commit (`blob/<sha>/…`). The "before" link is the file at the commit's
 * parent, written `blob/<sha>^/…`: GitHub resolves git revision expressions in its addresses, but this could
 * not be checked from here (no access to GitHub), so a broken "before" link is possible; the diff itself does
 * not depend on it.
 */
/**
 * The archive's own commits, by their subject (the feed entry's title): re-extraction after a declaration or
 * engine upgrade, refiltering, and the first version of a document OTA starts to track. None is a change by
 * Meta. OTA's engine writes these subjects in English whatever the collection.
 */
const TECHNICAL_SUBJECT = /^\s*(apply technical or declaration upgrade|refilter|start tracking|first record)\b/i;

export function isTechnicalCommit(subject: string | undefined): boolean {
  return subject !== undefined && TECHNICAL_SUBJECT.test(subject);
}

/**
 * What the change is worth: technical when the commit says so (or touches no document), links only when no
 * document's words changed once read as text, substantive otherwise.
 */
export function significanceOf(documents: readonly Pick<ChangedDocument, 'added' | 'removed'>[], subject?: string): Significance {
  if (isTechnicalCommit(subject) || documents.length === 0) return 'technical';
  return documents.every((document) => document.added === 0 && document.removed === 0) ? 'links-only' : 'substantive';
}

/** `subject`: the commit's subject (the feed entry's title), which says whether it is the archive's own work. */
export function otaChange(diffText: string, commitUrl: string, options: { maxParts?: number; subject?: string } = {}): Change {
  const maxParts = options.maxParts ?? DEFAULT_MAX_PARTS;
  const commit = commitOf(commitUrl);
  if (!commit) throw new FeedError('malformed', `not an Open Terms Archive commit: ${commitUrl}`);
  const patches = readPatches(diffText);
  const language = commit.repo === OTA_COLLECTIONS.france.repo ? 'fr' : 'en';
  const documents: ChangedDocument[] = [];
  let room = maxParts;
  let truncated = false;
  for (const patch of patches) {
    const path = filePath(patch);
    const file = path === undefined ? null : /^([^/]+)\/([^/]+)\.md$/.exec(path);
    // Only documents: a commit may also touch the README or other repository files.
    if (!path || !file) continue;
    const [service, type] = [file[1] as string, file[2] as string];
    // Past the cap, the documents that follow are still named, with their counts and links, but no parts.
    const diff = documentDiff(patch, room);
    room -= diff.parts.length;
    truncated ||= diff.truncated;
    const blob = (rev: string) => safeHttpUrl(`${commit.origin}/${OWNER}/${commit.repo}/blob/${rev}/${path.split('/').map(segment).join('/')}`);
    const beforeUrl = isCreated(patch) ? undefined : blob(`${commit.sha}^`);
    const afterUrl = isDeleted(patch) ? undefined : blob(commit.sha);
    documents.push({
      name: `${service} — ${documentLabel(type, language)}`,
      parts: diff.parts,
      added: diff.added,
      removed: diff.removed,
      ...(beforeUrl ? { beforeUrl } : {}),
      ...(afterUrl ? { afterUrl } : {}),
    });
  }
  return { kind: 'terms', significance: significanceOf(documents, options.subject), documents, ...(truncated ? { truncated: true } : {}) };
}

/**
 * The largest commit diff read (characters): Meta's biggest real one in pga-versions is about 1 MB (a Privacy
 * Policy's links all rewritten). Past this, reading word by word would hold the background for long.
 */
export const MAX_DIFF_BYTES = 10_000_000;

function readPatches(diffText: string): StructuredPatch[] {
  if (diffText.length > MAX_DIFF_BYTES) throw new FeedError('too-large', `${(diffText.length / 1e6).toFixed(1)} MB, at most ${MAX_DIFF_BYTES / 1e6} MB`);
  const start = diffText.trimStart();
  if (start === '') throw new FeedError('malformed', 'empty diff');
  // GitHub answers an unknown commit, or a rate limit, with an HTML page.
  if (start.startsWith('<')) throw new FeedError('malformed', 'an HTML page, not a diff');
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(diffText);
  } catch (error) {
    // jsdiff refuses a hunk whose lines do not add up to its header's counts (a diff cut short).
    throw new FeedError('malformed', error instanceof Error ? error.message : String(error));
  }
  if (!patches.some((patch) => patch.oldFileName !== undefined || patch.newFileName !== undefined)) {
    throw new FeedError('malformed', 'not a unified diff');
  }
  return patches;
}

/** The file's path in the repository, without git's `a/` and `b/` prefixes. */
function filePath(patch: StructuredPatch): string | undefined {
  const name = isDeleted(patch) ? patch.oldFileName : patch.newFileName;
  return name?.replace(/^[ab]\//, '');
}

function isCreated(patch: StructuredPatch): boolean {
  return patch.oldFileName === '/dev/null';
}

function isDeleted(patch: StructuredPatch): boolean {
  return patch.newFileName === '/dev/null';
}

/**
 * The document's text before and after each hunk (its context lines and its removed or added ones, without
 * the patch's `-` / `+` / ` ` marks), read as text (see markdown-text.ts), compared word by word; hunks are separated by "…", the unchanged text
 * between them that the diff does not carry.
 */
function documentDiff(patch: StructuredPatch, maxParts: number): { parts: DiffPart[]; added: number; removed: number; truncated: boolean } {
  const parts: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  let truncated = false;
  const isCut = (part: DiffPart | undefined) => part?.op === 'equal' && part.text === ELLIPSIS;
  for (const hunk of patch.hunks) {
    const before: string[] = [];
    const after: string[] = [];
    for (const line of hunk.lines) {
      // "\ No newline at end of file" and the like are about the patch, not the text.
      const mark = line[0];
      const text = line.slice(1);
      if (mark === ' ' || mark === '-') before.push(text);
      if (mark === ' ' || mark === '+') after.push(text);
    }
    const room = maxParts - parts.length - 1;
    // Read as text: link targets and Markdown's marks set aside, so that they neither show nor count.
    const diff = wordDiff(markdownAsText(before.join('\n')), markdownAsText(after.join('\n')), { maxParts: Math.max(room, 1) });
    // Once the cap is reached, the remaining hunks still count their words: the document's totals stay true.
    added += diff.added;
    removed += diff.removed;
    if (truncated) continue;
    if (room <= 1) {
      truncated = true;
      if (parts.length > 0 && !isCut(parts.at(-1))) parts.push({ op: 'equal', text: ELLIPSIS });
      continue;
    }
    if (parts.length > 0 && !isCut(parts.at(-1)) && !isCut(diff.parts[0])) parts.push({ op: 'equal', text: ELLIPSIS });
    parts.push(...diff.parts);
    truncated = diff.truncated;
  }
  return { parts, added, removed, truncated };
}
