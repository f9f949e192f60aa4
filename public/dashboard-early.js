// Starts the dashboard's first reads while its modules are still loading (a classic script runs as soon as
// it is parsed; modules run after): the language setting, the sources and tags, and, for the plain list it
// opens on, the newest rows of the store (the reader's `newest` in lib/store/reader.ts, pinned to it by
// tests/build/dashboard-early.test.ts).
// dashboard/main.tsx takes the answers, checks them against the model, and falls back to its own reads (or
// the background's answers) when they are missing.
// The connection stays open and goes to the page too: opening the store a second time costs a frame.
// Names: LANGUAGE_KEY, DB_NAME, the items store and its byDate index, FIRST_SCREEN (held equal by
// tests/build/early-scripts.test.ts).
globalThis.vigieDashboardEarly = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const plain = /^(#\/?(all)?\/?)?$/.test(location.hash);
  // The newest rows: one request where the browser has getAllRecords (Chromium 141+), one per row through a
  // cursor elsewhere.
  const newest = (index, found) => {
    if (typeof index.getAllRecords === 'function') {
      const request = index.getAllRecords({ direction: 'prev', count: 40 });
      request.onsuccess = () => (found.rows = request.result.map((record) => record.value));
      return;
    }
    const rows = [];
    const request = index.openCursor(null, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && rows.length < 40) {
        rows.push(cursor.value);
        cursor.continue();
      } else found.rows = rows;
    };
  };
  // In one transaction: the sources and the tags (the first frame names them, rather than showing bare ids)
  // and, for the plain list, its newest rows.
  const firstReads = (db) =>
    new Promise((resolve) => {
      const found = {};
      try {
        const tx = db.transaction(['items', 'sources', 'tags']);
        for (const name of ['sources', 'tags']) {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => (found[name] = request.result);
        }
        if (plain) newest(tx.objectStore('items').index('byDate'), found);
        tx.oncomplete = () => resolve(found);
        tx.onabort = () => resolve({});
      } catch {
        resolve({});
      }
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
      firstReads(db).then((found) => resolve({ db, ...found }));
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
