// Builds the end-to-end variant of the extension (it may read 127.0.0.1) for each browser asked, then runs the
// whole end-to-end suite in each, one browser after the other (two cores: one browser at a time).
//   node scripts/test-e2e.mjs [chromium|firefox]...   (both when none is named)
import { execSync } from 'node:child_process';

const run = (command, env = {}) => execSync(command, { stdio: 'inherit', env: { ...process.env, ...env } });
const asked = process.argv.slice(2);
const browsers = asked.length > 0 ? asked : ['chromium', 'firefox'];
for (const browser of browsers) {
  if (browser !== 'chromium' && browser !== 'firefox') throw new Error(`unknown browser ${browser}: chromium or firefox`);
  const started = Date.now();
  run(`npx wxt build${browser === 'firefox' ? ' -b firefox' : ''}`, { VIGIE_E2E: '1' });
  run('npx vitest run -c vitest.e2e.config.ts', { VIGIE_BROWSER: browser });
  console.log(`end-to-end suite in ${browser}: ${Math.round((Date.now() - started) / 1000)} s`);
}
