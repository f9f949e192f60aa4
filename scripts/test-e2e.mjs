// Builds the end-to-end variant of the extension (it may read 127.0.0.1), then runs the Chromium suite.
import { execSync } from 'node:child_process';

const run = (command, env = {}) => execSync(command, { stdio: 'inherit', env: { ...process.env, ...env } });
run('npx wxt build', { VIGIE_E2E: '1' });
run('npx vitest run -c vitest.e2e.config.ts');
