import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { E2E_EXTENSION_KEY } from './build/e2e-key';
import { withoutEmptyPluginModule } from './build/page-plugins';
import { rssParserEntities } from './build/rss-parser-entities';
import { curatedHostPermissions } from './lib/packs/curated-sources';
import { DEFAULT_RULES, DEFAULT_RULES_VERSION } from './lib/packs/default-rules';
import { HISTORY_PACK_PATH } from './lib/packs/history-pack';
import { historyPackJson } from './lib/packs/history-pack-build';
import { RULE_PACK_PATH, rulePackJson } from './lib/packs/rule-pack';
import { SOURCE_PACK_PATH } from './lib/packs/source-pack';
import { sourcePackJson } from './lib/packs/source-pack-build';

/**
 * The end-to-end build (VIGIE_E2E=1) may also read feeds and the hub served on 127.0.0.1 by the tests (http, or
 * https behind the tests' TLS proxy); the real build asks for any origin beyond the curated pack at the user's
 * click (optional_host_permissions).
 */
const e2e = process.env.VIGIE_E2E === '1';

/** WXT's runtime plugins, counted once the config is resolved (see build/page-plugins.ts). */
let runtimePlugins = Number.POSITIVE_INFINITY;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output/e2e' : '.output',
  // Firefox defaults to MV2 in WXT, which would drop optional_host_permissions.
  manifestVersion: 3,
  vite: () => ({
    // Chromium and Firefox (115+) preload modules themselves: without the polyfill, a page with no module
    // script of its own (the popup's is one classic script, see entrypoints/popup-app.tsx) loads none.
    build: { modulePreload: { polyfill: false } },
    // The rows' `elementtiming`, by which the reader benchmark times their paint, only in the end-to-end
    // build: it is no HTML attribute (RGAA 8.2), and the shipped build measures nothing (components/ui/first-render.ts).
    define: { __VIGIE_ROW_TIMING__: JSON.stringify(e2e) },
    // rss-parser (through xml2js and sax) expects Node's events, stream and timers: the browser packages of
    // events and timers, and small shims of the parts of stream and xmlbuilder that rss-parser uses, make it run in
    // the service worker (see build/shims). sanitize-html brings its own dependencies (postcss, launder,
    // deepmerge, parse-srcset): its own code, not stand-ins.
    plugins: [preact(), rssParserEntities()],
    resolve: {
      alias: [
        { find: /^events$/, replacement: resolve('node_modules/events/events.js') },
        { find: /^timers$/, replacement: resolve('node_modules/timers-browserify/main.js') },
        { find: /^stream$/, replacement: resolve('build/shims/stream.ts') },
        { find: /^xmlbuilder$/, replacement: resolve('build/shims/xmlbuilder.ts') },
        { find: /^htmlparser2$/, replacement: resolve('node_modules/htmlparser2/dist/esm/Parser.js') },
        // micromark (OTA's Markdown read as text, in the background) decodes entities through this package,
        // whose "browser" build needs `document`, which a service worker lacks: its own "worker" build.
        { find: /^decode-named-character-reference$/, replacement: resolve('node_modules/decode-named-character-reference/index.js') },
      ],
    },
  }),
  hooks: {
    'config:resolved': (wxt) => {
      runtimePlugins = wxt.config.plugins.length;
    },
    'vite:build:extendConfig': (_entrypoints, viteConfig) => withoutEmptyPluginModule(viteConfig, runtimePlugins),
    // Then, in the end-to-end build only, the reader benchmark's baselines (see bench/reader-chromium.ts): an
    // extension page with nothing in it (also the page the tests send their requests from, see
    // tests/e2e/extension.ts), one whose module script does nothing, a line in static markup, and a line a
    // classic script paints after reading the popup's summary.
    'build:publicAssets': (_wxt, files) => {
      // The default rules and the curated sources, read by the background when the store lacks them (see
    // lib/alerts/rule-pack.ts and lib/sources/source-pack.ts).
      files.push({ relativeDest: RULE_PACK_PATH.slice(1), contents: rulePackJson(DEFAULT_RULES_VERSION, DEFAULT_RULES) });
      files.push({ relativeDest: SOURCE_PACK_PATH.slice(1), contents: sourcePackJson() });
      // Facebook's history since 2004, which the Diagnostic reads when it opens (see lib/history/history-pack.ts).
      files.push({ relativeDest: HISTORY_PACK_PATH.slice(1), contents: historyPackJson() });
      if (!e2e) return;
      files.push({ relativeDest: 'blank.html', contents: '<!doctype html><html lang="fr"><title>Vigie</title></html>' });
      files.push({ relativeDest: 'empty.html', contents: '<!doctype html><html lang="fr"><title>Vigie</title><script type="module" src="/empty.js"></script></html>' });
      files.push({ relativeDest: 'empty.js', contents: "document.documentElement.dataset.ready = 'true';\n" });
      // And the same line written in the page's own markup, no script at all: the fastest a page can paint.
      files.push({ relativeDest: 'static-line.html', contents: '<!doctype html><html lang="fr"><title>Vigie</title><body><p elementtiming="vigie-row">Vigie</p></body></html>' });
      // And the least any page with data can do: a classic script (no module to load) that reads the
      // popup's summary from session storage, then paints one line.
      files.push({ relativeDest: 'data-line.html', contents: '<!doctype html><html lang="fr"><title>Vigie</title><body><script src="/data-line.js"></script></body></html>' });
      files.push({
        relativeDest: 'data-line.js',
        contents: "chrome.storage.session.get('vigie.summary').then(() => {\n  const line = document.createElement('p');\n  line.setAttribute('elementtiming', 'vigie-row');\n  line.textContent = 'Vigie';\n  document.body.append(line);\n});\n",
      });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // activeTab + scripting: a clip reads the page at the member's click; no content script runs on every page.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting', 'contextMenus', 'notifications'],
    host_permissions: [...curatedHostPermissions(), ...(e2e ? ['http://127.0.0.1/*', 'https://127.0.0.1/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'clip-page': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_clipCommand__' },
      'open-dashboard': { suggested_key: { default: 'Alt+Shift+V' }, description: '__MSG_commandOpenDashboard__' },
    },
    // The options entry opens the dashboard (its Paramètres are one section of it).
    options_ui: { page: 'dashboard.html#/settings', open_in_tab: true },
    // The end-to-end build's Chrome id, fixed whatever its folder (see build/e2e-key.ts).
    ...(e2e && browser !== 'firefox' ? { key: E2E_EXTENSION_KEY } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Firefox ESR 140 is the oldest Firefox still supported by Mozilla that administrations run.
            gecko: {
              id: 'vigie@observatoire-socialmedia.fr',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
