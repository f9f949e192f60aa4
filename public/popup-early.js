// Starts reading the popup's summary and the language setting while the page's modules are still loading
// (a classic script runs as soon as it is parsed; modules run after). entrypoints/popup-app.tsx takes the answer.
// The keys are SUMMARY_KEY (lib/messages/requests/core-keys.ts) and LANGUAGE_KEY (lib/i18n/browser.ts):
// tests/build/popup-early.test.ts holds them equal.
globalThis.vigiePopupEarly = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    return Promise.all([api.storage.session.get('vigie.summary'), api.storage.local.get('vigie.language')]);
  } catch {
    return undefined;
  }
})();
