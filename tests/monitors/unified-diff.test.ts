import { readFileSync } from 'node:fs';
import { parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { readUnifiedDiff } from '../../lib/monitors/unified-diff';

/** The small reader must read what jsdiff's full patch parser reads: files, names and hunk lines. */
const asJsdiff = (text: string) =>
  parsePatch(text)
    .filter((patch) => patch.oldFileName !== undefined || patch.newFileName !== undefined)
    .map((patch) => ({ oldFileName: patch.oldFileName, newFileName: patch.newFileName, hunks: patch.hunks.map((hunk) => ({ lines: hunk.lines })) }));

const TRICKY = [
  'diff --git a/Facebook/Terms of Service.md b/Facebook/Terms of Service.md',
  'index 1..2 100644',
  '--- a/Facebook/Terms of Service.md',
  '+++ b/Facebook/Terms of Service.md',
  '@@ -1,3 +1,3 @@',
  ' Intro',
  '--- a line of the text that begins with two dashes',
  '+++ and its replacement, with two pluses',
  ' End',
  '\\ No newline at end of file',
  'diff --git a/Instagram/Privacy Policy.md b/Instagram/Privacy Policy.md',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/Instagram/Privacy Policy.md',
  '@@ -0,0 +1,2 @@',
  '+Première ligne',
  '+Seconde ligne',
  '',
].join('\n');

describe('unified diff reader', () => {
  it('reads an Open Terms Archive commit diff as jsdiff does', () => {
    const text = readFileSync('tests/fixtures/monitors/ota-facebook-terms.diff', 'utf8');
    expect(readUnifiedDiff(text)).toEqual(asJsdiff(text));
  });

  it('ends a hunk by its line counts: a text line beginning with "---" or "+++" stays in it; new files read too', () => {
    const files = readUnifiedDiff(TRICKY);
    expect(files).toHaveLength(2);
    expect(files[0]?.hunks[0]?.lines).toEqual([' Intro', '--- a line of the text that begins with two dashes', '+++ and its replacement, with two pluses', ' End', '\\ No newline at end of file']);
    expect(files[1]).toMatchObject({ oldFileName: '/dev/null', newFileName: 'b/Instagram/Privacy Policy.md' });
    expect(files[1]?.hunks[0]?.lines).toEqual(['+Première ligne', '+Seconde ligne']);
  });

  it('unquotes the names git quotes (non-ASCII as octal bytes)', () => {
    const files = readUnifiedDiff('diff --git "a/Caf\\303\\251/x.md" "b/Caf\\303\\251/x.md"\n--- "a/Caf\\303\\251/x.md"\n+++ "b/Caf\\303\\251/x.md"\n@@ -1 +1 @@\n-a\n+b\n');
    expect(files[0]).toMatchObject({ oldFileName: 'a/Café/x.md', newFileName: 'b/Café/x.md', hunks: [{ lines: ['-a', '+b'] }] });
  });
});
