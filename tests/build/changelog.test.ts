import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGELOG } from '../../lib/about/changelog';

/** The version the extension says and its changelog move together. */
describe('CHANGELOG.md', () => {
  const text = readFileSync('CHANGELOG.md', 'utf8');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it("opens on package.json's version, said in French and English", () => {
    const [latest] = [...text.matchAll(/^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$/gm)];
    expect(latest?.[1]).toBe(version);
    const section = text.slice(latest!.index, text.indexOf('\n## ', latest!.index + 1));
    expect(section).toContain('**Français**');
    expect(section).toContain('**English**');
  });

  it('has a line in « À propos de Vigie » for the latest version, dated as it is', () => {
    const [, , date] = text.match(/^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$/m) ?? [];
    expect(CHANGELOG.some((entry) => entry.date === date && entry.fr.includes(`Version ${version}`))).toBe(true);
  });
});
