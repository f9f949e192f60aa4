import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { E2E_EXTENSION_KEY } from '../../build/e2e-key';
import type { BrowserName } from './extension';

/**
 * The release before this one, as a member has it installed: its end-to-end build, made from its own sources
 * (`git archive` of its commit, built with this checkout's node_modules), for the upgrade test. Built once per
 * commit and browser into `.output/previous/`. Its Chrome build is given the e2e build's key, so that both
 * load under the same extension id (see build/e2e-key.ts).
 */
export const PREVIOUS_RELEASE = {
  /** The build that landed on 2026-12-04: store version 5, before the repair migration. */
  commit: '3b92c664d29e748d795c926b596c9c286cf4bce4',
  storeVersion: 5,
};

export function previousReleaseBuild(browser: BrowserName): string {
  const target = browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3';
  const dir = resolve('.output/previous', PREVIOUS_RELEASE.commit.slice(0, 12), target);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  const sources = mkdtempSync(join(tmpdir(), 'vigie-previous-'));
  try {
    execSync(`git archive ${PREVIOUS_RELEASE.commit} | tar -x -C ${sources}`, { stdio: 'inherit' });
    symlinkSync(resolve('node_modules'), join(sources, 'node_modules'));
    const env = { ...process.env, VIGIE_E2E: '1' };
    execSync('npx wxt prepare', { cwd: sources, stdio: 'ignore', env });
    execSync(`npx wxt build${browser === 'firefox' ? ' -b firefox' : ''}`, { cwd: sources, stdio: 'ignore', env });
    cpSync(join(sources, '.output/e2e', target), dir, { recursive: true });
  } finally {
    rmSync(sources, { recursive: true, force: true });
  }
  if (browser === 'chromium') {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: E2E_EXTENSION_KEY }, null, 2));
  }
  return dir;
}
