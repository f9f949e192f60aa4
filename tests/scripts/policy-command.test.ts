import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run policy`: the admins' check of an OTA declaration or commit, in JSON, or one line of error. */
const run = promisify(execFile);
const policy = (...args: string[]) => run('npx', ['tsx', 'scripts/policy.ts', ...args], { env: { ...process.env, LANG: 'fr_FR.UTF-8' }, maxBuffer: 1 << 24 });
const OTA = 'tests/fixtures/ota';

async function failure(...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    await policy(...args);
  } catch (error) {
    return error as { code: number; stderr: string; stdout: string };
  }
  throw new Error('the command should have failed');
}

describe('npm run policy', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'vigie-policy-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("declaration: every document of Facebook's real declaration, its pages' addresses, nothing refused", async () => {
    const result = JSON.parse((await policy('declaration', `${OTA}/declarations/Facebook.json`)).stdout);
    expect(result.service).toBe('Facebook');
    expect(result.refused).toEqual([]);
    expect(result.monitors).toHaveLength(10);
    expect(result.monitors.find((monitor: { document: string }) => monitor.document === 'Community Guidelines').urls).toHaveLength(26);
  }, 30_000);

  it('extract: a combined document, one page file per address, joined in order', async () => {
    const declaration = join(scratch, 'Exemple.json');
    writeFileSync(declaration, JSON.stringify({ name: 'Exemple', terms: { 'Community Guidelines': { select: 'main', combine: [{ fetch: 'https://exemple.fr/a' }, { fetch: 'https://exemple.fr/b', remove: '.pub' }] } } }));
    writeFileSync(join(scratch, 'a.html'), '<html><body><nav>Menu</nav><main><h1>Règles</h1><p>Première page.</p></main></body></html>');
    writeFileSync(join(scratch, 'b.html'), '<html><body><main><p>Deuxième page.</p><p class="pub">Publicité</p></main></body></html>');
    const { stdout } = await policy('extract', declaration, 'Community Guidelines', join(scratch, 'a.html'), join(scratch, 'b.html'));
    expect(stdout).toBe('Règles\nPremière page.\nDeuxième page.\n');
    const missing = await failure('extract', declaration, 'Community Guidelines', join(scratch, 'a.html'));
    expect(missing.stderr).toMatch(/^vigie policy: "Community Guidelines" is made of 2 page\(s\)/);
    writeFileSync(join(scratch, 'vide.html'), '<html><body><p>Rien</p></body></html>');
    const gone = await failure('extract', declaration, 'Community Guidelines', join(scratch, 'a.html'), join(scratch, 'vide.html'));
    expect(gone.stderr).toMatch(/^vigie policy: Page 2\/2 .*vide\.html du document : La partie suivie de la page a disparu/);
  }, 30_000);

  it('diff: a real links-only change, a substantive one and a technical commit', async () => {
    const links = JSON.parse((await policy('diff', `${OTA}/facebook-privacy-links-only-13674552.diff`)).stdout);
    expect(links.documents).toMatchObject([{ name: 'Facebook — Privacy Policy', added: 0, removed: 0, linksOnly: true, technical: false }]);
    const words = JSON.parse((await policy('diff', `${OTA}/facebook-terms-substantive-7bbe3fc9.diff`)).stdout);
    expect(words.documents).toMatchObject([{ added: 8, removed: 0, linksOnly: false, technical: false }]);
    const technical = JSON.parse((await policy('diff', `${OTA}/facebook-terms-technical-5a148a56.diff`, '--subject', 'Apply technical or declaration upgrade on Facebook Terms of Service')).stdout);
    expect(technical.documents[0]).toMatchObject({ technical: true });
  }, 30_000);

  it('refuses in one line, quickly: a file that is not a diff, a 50 MB one, a history file, a missing file', async () => {
    writeFileSync(join(scratch, 'texte.diff'), 'Bonjour\nce n’est pas un diff\n');
    expect((await failure('diff', join(scratch, 'texte.diff'))).stderr).toMatch(/^vigie policy: .*texte\.diff is not a commit diff \(not a unified diff\)\n$/);
    const huge = join(scratch, 'enorme.diff');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const started = Date.now();
    const refused = await failure('diff', huge);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/52\.4 MB, at most 10 MB/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await failure('declaration', `${OTA}/declarations/Facebook.history.json`)).stderr).toMatch(/history file/);
    expect((await failure('diff', join(scratch, 'absent.diff'))).stderr).toMatch(/file not found/);
  }, 60_000);
});
