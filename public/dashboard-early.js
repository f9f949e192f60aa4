// Starts the dashboard's first reads while its modules are still loading (a classic script runs as soon as
// it is parsed; modules run after): the language setting and, for the plain list it opens on, the newest
// rows of the store (the same read as components/dashboard/first-screen.ts). dashboard/main.tsx takes the
// answers, checks the rows against the model, and falls back to its own reads when these are missing.
// The connection stays open and goes to the page too: opening the store a second time costs a frame.
// Names: LANGUAGE_KEY, DB_NAME, the items store and its byDate index, FIRST_SCREEN (held equal by
// tests/build/early-scripts.test.ts).
globalThis.vigieDashboardEarly = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const plain = /^(#\/?(all)?\/?)?$/.test(location.hash);
  // One request where the browser has getAllRecords (Chromium 141+), one per row through a cursor elsewhere.
  const newest = (db) =>
    new Promise((resolve) => {
      const index = db.transaction('items').objectStore('items').index('byDate');
      if (typeof index.getAllRecords === 'function') {
        const request = index.getAllRecords({ direction: 'prev', count: 40 });
        request.onsuccess = () => resolve(request.result.map((record) => record.value));
        request.onerror = () => resolve(undefined);
        return;
      }
      const rows = [];
      const request = index.openCursor(null, 'prev');
      request.onsuccess = () => {
        const cursor = request.result;
        if (cursor && rows.length < 40) {
          rows.push(cursor.value);
          cursor.continue();
        } else resolve(rows);
      };
      request.onerror = () => resolve(undefined);
    });
  const store = new Promise((resolve) => {
    let open;
    try {
      // No version: the database as it is; a missing one is left for the page to create.
      open = indexedDB.open('vigie');
    } catch {
      resolve(undefined);
      return;
    }
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      if (!plain) return resolve({ db });
      newest(db)
        .catch(() => undefined)
        .then((rows) => resolve({ db, rows }));
    };
  });
  // Never rejects: an open connection must reach the page, which closes it if it cannot use it (an unclaimed
  // one would hold up the store's next upgrade).
  let language;
  try {
    language = api.storage.local.get('vigie.language').catch(() => ({}));
  } catch {
    language = Promise.resolve({});
  }
  return Promise.all([language, store]);
})();
