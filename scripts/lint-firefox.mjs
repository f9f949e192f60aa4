// The Firefox package a member installs, checked as Mozilla's linter checks it: `wxt zip -b firefox` builds the
// .zip that an administration signs and deploys; it is unpacked here and `web-ext lint` must find no error.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

const run = (command) => execSync(command, { stdio: 'inherit' });
run('npx wxt zip -b firefox');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const packaged = readdirSync('.output').find((name) => name.endsWith(`-${version}-firefox.zip`));
if (!packaged) throw new Error(`no Firefox package for version ${version} in .output/`);
const zip = await JSZip.loadAsync(readFileSync(join('.output', packaged)));
const unpacked = mkdtempSync(join(tmpdir(), 'vigie-firefox-package-'));
try {
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(unpacked, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  console.log(`${packaged}: ${Math.round(statSync(join('.output', packaged)).size / 1024)} kB, ${Object.keys(zip.files).length} entries`);
  run(`npx web-ext lint --source-dir ${unpacked} --self-hosted`);
} finally {
  rmSync(unpacked, { recursive: true, force: true });
}
