import { readFileSync } from 'node:fs';
import { parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';

/**
 * Open Terms Archive's commit diffs are read by jsdiff's parsePatch (lib/monitors/open-terms-archive.ts):
 * what Vigie relies on it for, held here so that an upgrade of `diff` that reads them otherwise is seen.
 */
const readUnifiedDiff = parsePatch;

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

describe('unified diff reader (jsdiff)', () => {
  it('reads an Open Terms Archive commit diff: the file, its names, its hunk', () => {
    const text = readFileSync('tests/fixtures/monitors/ota-facebook-terms.diff', 'utf8');
    const files = readUnifiedDiff(text);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ oldFileName: 'a/Facebook/Terms of Service.md', newFileName: 'b/Facebook/Terms of Service.md' });
    expect(files[0]?.hunks).toHaveLength(2);
    expect(files[0]?.hunks[0]?.lines[1]).toBe(' ### 3. Your commitments to Facebook and our community');
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
