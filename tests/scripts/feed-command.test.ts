import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withEtag, type TestServer } from '../support/http-server';

/** `npm run feed`: the curators' command runs the real pipeline and speaks JSON, or one line of error. */
const run = promisify(execFile);
const feed = (...args: string[]) => run('npx', ['tsx', 'scripts/feed.ts', ...args], { env: { ...process.env, LANG: 'fr_FR.UTF-8' } });

async function failure(...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    await feed(...args);
  } catch (error) {
    return error as { code: number; stderr: string; stdout: string };
  }
  throw new Error('the command should have failed');
}

describe('npm run feed', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      '/veille.xml': withEtag(readFileSync('tests/fixtures/e2e/veille-iso-8859-1.xml'), 'application/rss+xml; charset=ISO-8859-1'),
    });
  });
  afterAll(() => server.close());

  it('prints the format, title and items of a local file, with no unsafe link or markup', async () => {
    const { stdout } = await feed('tests/fixtures/feeds/hostile-script.xml');
    const result = JSON.parse(stdout);
    expect(result.format).toBe('rss');
    expect(typeof result.title).toBe('string');
    for (const item of result.items) {
      expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['id', 'title', 'published', 'summary', 'contentHtml']));
      if ('url' in item) expect(item.url).toMatch(/^https?:\/\//);
      expect(item.contentHtml ?? '').not.toMatch(/<script|onerror|javascript:/i);
    }
  }, 30_000);

  it('reads a feed over HTTP and decodes its ISO-8859-1 bytes', async () => {
    const { stdout } = await feed(server.url('/veille.xml'));
    const result = JSON.parse(stdout);
    expect(result.title).toBe('Veille locale é');
    expect(result.items.map((item: { title: string }) => item.title)).toContain('Portée organique des Pages : ce que dit Meta');
    expect(result.items[0].url).toBe('https://exemple.fr/veille/pub-politique');
  }, 30_000);

  it('exits 1 with one line saying why for something that is not a feed', async () => {
    const { code, stderr, stdout } = await failure('tests/fixtures/feeds/html-page.html');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Ce n'est pas un flux/);
    expect(stderr).not.toMatch(/\bat .*\(/);
  }, 30_000);

  it('exits 1 with one line for a missing file and for a dead server', async () => {
    const missing = await failure('tests/fixtures/feeds/absent.xml');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const dead = await failure('http://127.0.0.1:9/flux.xml');
    expect(dead.code).toBe(1);
    expect(dead.stderr).toMatch(/Serveur injoignable/);
    expect(dead.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
