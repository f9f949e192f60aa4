import { otaChange, significanceOf } from '../monitors/open-terms-archive';
import type { OtaHistoryChange } from '../packs/history-pack';

/**
 * Open Terms Archive's history of Meta's documents, one entry per document a commit changed, read with the
 * same reading as the policy watch's (otaChange: Markdown as text, link targets set aside, the archive's own
 * commits told apart). Pure: `npm run history` feeds it the commits of a local copy of `pga-versions`.
 */
export interface OtaCommitRecord {
  sha: string;
  /** ISO date of the commit. */
  date: string;
  subject: string;
  /** The commit's unified diff (what GitHub serves at its address + `.diff`). */
  diff: string;
}

export const META_SERVICES = ['Facebook', 'Instagram', 'Threads', 'WhatsApp'] as const;

export function historyOfCommit(commit: OtaCommitRecord, services: readonly string[] = META_SERVICES): OtaHistoryChange[] {
  const change = otaChange(commit.diff, `https://github.com/OpenTermsArchive/pga-versions/commit/${commit.sha}`, { subject: commit.subject, maxParts: 1 });
  return change.documents.flatMap((document) => {
    const [service, ...rest] = document.name.split(' — ');
    if (!service || !services.includes(service)) return [];
    // Each document's own worth: a commit touching two documents may change words in one, links in the other.
    const significance = significanceOf([document], commit.subject);
    return [{ date: commit.date, service, document: rest.join(' — '), added: document.added, removed: document.removed, significance, sha: commit.sha }];
  });
}
