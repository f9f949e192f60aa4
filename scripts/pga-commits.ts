/**
 * The commits of a local copy of OTA's `pga-versions` that touch some folders, oldest first, each with its
 * unified diff (what GitHub serves at the commit's address + `.diff`), read from one `git log -p` stream.
 * For `npm run history` and the policy benchmark.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { OtaCommitRecord } from '../lib/history/ota-history';

/** Starts each commit in `git log` output: a line no diff can hold. */
const MARK = '\u0001vigie-commit\u0001';

export async function* pgaCommits(repo: string, folders: readonly string[]): AsyncGenerator<OtaCommitRecord> {
  const git = spawn('git', ['-C', repo, '-c', 'core.quotePath=false', 'log', '--reverse', '--no-renames', '--no-color', '-p', `--format=${MARK}%H%x09%cI%x09%s`, 'HEAD', '--', ...folders], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let current: { sha: string; date: string; subject: string; lines: string[] } | undefined;
  const done = (commit: NonNullable<typeof current>): OtaCommitRecord => ({ sha: commit.sha, date: commit.date, subject: commit.subject, diff: commit.lines.join('\n') });
  for await (const line of createInterface({ input: git.stdout })) {
    if (line.startsWith(MARK)) {
      if (current) yield done(current);
      const [sha = '', date = '', ...subject] = line.slice(MARK.length).split('\t');
      current = { sha, date, subject: subject.join('\t'), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) yield done(current);
  const code = await new Promise<number | null>((resolve) => git.on('close', resolve));
  if (code !== 0) throw new Error(`git log failed in ${repo} (exit ${code})`);
}
