/**
 * `npm run history -- <path-to-pga-versions>`: derives Open Terms Archive's history of Meta's documents from a
 * local copy of its `pga-versions` repository (a clone, bare or not) and writes `lib/history/ota-changes.json`,
 * which the build ships in the history pack. Each commit is read as the policy watch reads it (its diff, Markdown
 * as text, link targets set aside, the archive's own commits told apart). Prints a one-line summary.
 */
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { OtaHistorySchema, type OtaHistory, type OtaHistoryChange } from '../lib/history/history-pack';
import { historyOfCommit, META_SERVICES, type OtaCommitRecord } from '../lib/history/ota-history';

const OUT = 'lib/history/ota-changes.json';
/** Starts each commit in `git log` output: a line no diff can hold. */
const MARK = '\u0001vigie-commit\u0001';

/** Every commit touching Meta's folders, oldest first, with its diff limited to those folders. */
async function* commits(repo: string): AsyncGenerator<OtaCommitRecord> {
  const git = spawn('git', ['-C', repo, '-c', 'core.quotePath=false', 'log', '--reverse', '--no-renames', '--no-color', '-p', `--format=${MARK}%H%x09%cI%x09%s`, 'HEAD', '--', ...META_SERVICES], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let current: { sha: string; date: string; subject: string; lines: string[] } | undefined;
  for await (const line of createInterface({ input: git.stdout })) {
    if (line.startsWith(MARK)) {
      if (current) yield { sha: current.sha, date: current.date, subject: current.subject, diff: current.lines.join('\n') };
      const [sha = '', date = '', ...subject] = line.slice(MARK.length).split('\t');
      current = { sha, date, subject: subject.join('\t'), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) yield { sha: current.sha, date: current.date, subject: current.subject, diff: current.lines.join('\n') };
  const code = await new Promise<number | null>((done) => git.on('close', done));
  if (code !== 0) throw new Error(`git log failed in ${repo} (exit ${code})`);
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run history -- <path-to-pga-versions>');
  const repo = resolve(target);
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  const head = git('rev-parse', 'HEAD');
  const headDate = git('log', '-1', '--format=%cI', 'HEAD');
  const changes: OtaHistoryChange[] = [];
  let read = 0;
  for await (const commit of commits(repo)) {
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
