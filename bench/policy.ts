/**
 * The policy watch on Facebook's real history: every Facebook file-commit of OTA's `pga-versions` replayed
 * through Vigie's change pipeline, as a refresh meets them (the commit's diff read as text and told apart,
 * then the default rules on the item, as the curated OTA source brings it). Needs a local copy of
 * `pga-versions`: `VIGIE_PGA_VERSIONS=<path>` (the search tool's fetch brings one); without it, says so.
 * Targets: no alert from a links-only or technical change; every substantive change to the Terms of Service,
 * Privacy Policy, Community Guidelines and the advertising policies alerts.
 */
import { existsSync } from 'node:fs';
import { ruleRun } from '../lib/alerts/triage';
import type { Item } from '../lib/model/item';
import { otaChange } from '../lib/monitors/open-terms-archive';
import { curatedSource, CURATED_PACK } from '../lib/packs/curated-sources';
import { DEFAULT_RULES } from '../lib/packs/default-rules';
import { SHARED_TAXONOMY } from '../lib/packs/taxonomy';
import { pgaCommits } from '../scripts/pga-commits';

type Report = (figure: string, fields: Record<string, unknown>) => void;

const MUST_ALERT = ['Terms of Service', 'Privacy Policy', 'Community Guidelines', 'Advertising Content Policy', 'Commercial Terms'];

export async function benchPolicy(report: Report): Promise<void> {
  const repo = process.env.VIGIE_PGA_VERSIONS;
  if (!repo || !existsSync(repo)) {
    report('policy-facebook-history', { skipped: 'set VIGIE_PGA_VERSIONS to a local copy of OpenTermsArchive/pga-versions' });
    return;
  }
  const entry = CURATED_PACK.find((candidate) => candidate.id === 'ota-pga-facebook')!;
  const source = curatedSource(entry, new Date());
  const labels = new Map(SHARED_TAXONOMY.map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const rules = ruleRun(DEFAULT_RULES, [source], labels, () => new Date());
  const times: number[] = [];
  const counts = { items: 0, alerted: 0, alerts: 0, substantive: 0, linksOnly: 0, technical: 0 };
  const wrong = { alertedMinor: [] as string[], silentSubstantive: [] as string[] };
  for await (const commit of pgaCommits(repo, ['Facebook'])) {
    const start = performance.now();
    let change;
    try {
      change = otaChange(commit.diff, `https://github.com/OpenTermsArchive/pga-versions/commit/${commit.sha}`, { subject: commit.subject });
    } catch {
      continue;
    }
    const item: Item = { id: `${source.id}|${commit.sha}`, sourceId: source.id, title: commit.subject, url: `https://github.com/OpenTermsArchive/pga-versions/commit/${commit.sha}`, published: commit.date, fetched: commit.date, categories: [], read: false, starred: false, tags: [], change };
    const { alerts } = rules.triage(item);
    times.push(performance.now() - start);
    counts.items += 1;
    counts.alerts += alerts.length;
    if (alerts.length > 0) counts.alerted += 1;
    const significance = change.significance ?? 'substantive';
    if (significance === 'links-only') counts.linksOnly += 1;
    else if (significance === 'technical') counts.technical += 1;
    else counts.substantive += 1;
    const documents = change.documents.map((document) => document.name.replace(/^Facebook — /, ''));
    if (significance !== 'substantive' && alerts.length > 0) wrong.alertedMinor.push(commit.sha);
    if (significance === 'substantive' && alerts.length === 0 && documents.some((document) => MUST_ALERT.includes(document))) wrong.silentSubstantive.push(commit.sha);
  }
  const sorted = [...times].sort((a, b) => a - b);
  report('policy-facebook-history', {
    fileCommits: counts.items,
    ...counts,
    medianMsPerChange: Number((sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2)),
    worstMsPerChange: Number((sorted.at(-1) ?? 0).toFixed(1)),
    alertsFromLinksOnlyOrTechnical: wrong.alertedMinor.length,
    substantiveWithoutAlert: wrong.silentSubstantive.length,
    target: 'alertsFromLinksOnlyOrTechnical = 0, substantiveWithoutAlert = 0',
    met: wrong.alertedMinor.length === 0 && wrong.silentSubstantive.length === 0,
    ...(wrong.silentSubstantive.length ? { silentExamples: wrong.silentSubstantive.slice(0, 5) } : {}),
  });
}
