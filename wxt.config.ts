import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { curatedHostPermissions } from './lib/sources/curated-pack';

/**
 * The end-to-end build (VIGIE_E2E=1) may also read feeds served on 127.0.0.1 by the tests; the real build
 * asks for any origin beyond the curated pack at the user's click (optional_host_permissions).
 */
const e2e = process.env.VIGIE_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox defaults to MV2 in WXT, which would drop optional_host_permissions.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // rss-parser (through xml2js and sax) expects Node's events, stream and timers: the browser builds of
    // these modules make it run in the service worker.
    resolve: {
      alias: { events: 'events', stream: 'stream-browserify', timers: 'timers-browserify' },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    host_permissions: [...curatedHostPermissions(), ...(e2e ? ['http://127.0.0.1/*'] : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vigie@observatoire-socialmedia.fr',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
