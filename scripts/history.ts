/**
 * `npm run history -- <path-to-pga-versions>`: derives Open Terms Archive's history of Meta's documents from a
 * local copy of its `pga-versions` repository (a clone, bare or not) and writes `lib/history/ota-changes.json`,
 * which the build ships in the history pack. Each commit is read as the policy watch reads it (its diff, Markdown
 * as text, link targets set aside, the archive's own commits told apart). Prints a one-line summary.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { historyOfCommit, META_SERVICES } from '../lib/history/ota-history';
import { OtaHistorySchema, type OtaHistory, type OtaHistoryChange } from '../lib/packs/history-pack';
import { pgaCommits } from './pga-commits';

const OUT = 'lib/history/ota-changes.json';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run history -- <path-to-pga-versions>');
  const repo = resolve(target);
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  const head = git('rev-parse', 'HEAD');
  const headDate = git('log', '-1', '--format=%cI', 'HEAD');
  const changes: OtaHistoryChange[] = [];
  let read = 0;
  for await (const commit of pgaCommits(repo, META_SERVICES)) {
    read += 1;
    try {
      changes.push(...historyOfCommit(commit));
    } catch (error) {
      // A commit whose diff touches no document (a README, a licence) is not part of the history.
      if (!(error instanceof Error && /not a unified diff|empty diff/.test(error.message))) throw error;
    }
  }
  const history: OtaHistory = OtaHistorySchema.parse({
    repository: 'OpenTermsArchive/pga-versions',
    head,
    headDate,
    licence: 'ODC-By 1.0 (Open Data Commons Attribution License)',
    attribution:
      'Platform Governance Archive (PGA v2), Lab Platform Governance, Media and Technology (ZeMKI, Universität Bremen), collected with the Open Terms Archive engine: https://github.com/OpenTermsArchive/pga-versions',
    changes,
  });
  writeFileSync(OUT, `${JSON.stringify(history)}\n`);
  const count = (significance: string) => changes.filter((change) => change.significance === significance).length;
  console.log(JSON.stringify({ out: OUT, head, commits: read, changes: changes.length, substantive: count('substantive'), linksOnly: count('links-only'), technical: count('technical') }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
