// `npm start`: builds Vigie for Chrome and Firefox, says where to load each build, then runs the COPIL hub
// on its embedded database (Ctrl+C stops it; `.env` configures it, see .env.example).
import { execSync, spawn } from 'node:child_process';
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

Hub du COPIL : démarrage (http://127.0.0.1:8787 sauf réglage contraire dans .env).
  Premier administrateur, dans un autre terminal : npm run hub -- invite "Nom Prénom" --role admin
  Puis dans Vigie : Paramètres → Hub du COPIL → adresse du hub + code d'invitation.
`);

const hub = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code) => process.exit(code ?? 0));
