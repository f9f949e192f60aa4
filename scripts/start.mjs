// `npm start`: builds Vigie for Chrome and Firefox and says where to load each build.
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';

execSync('npx wxt build', { stdio: 'inherit' });
execSync('npx wxt build -b firefox', { stdio: 'inherit' });

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv3');
console.log(`
Vigie est construite. / Vigie is built.

  Chrome / Chromium / Edge : chrome://extensions → « Mode développeur » → « Charger l'extension non empaquetée » →
    ${chrome}
  Firefox : about:debugging#/runtime/this-firefox → « Charger un module complémentaire temporaire… » →
    ${firefox}/manifest.json
`);
