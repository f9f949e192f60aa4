import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN } from '../../components/items/first-screen';
import { LANGUAGE_KEY } from '../../lib/i18n/browser';
import { SUMMARY_KEY } from '../../lib/messages/requests/core-keys';
import { DB_NAME } from '../../lib/store/schema';

/** The pages' early scripts are plain JavaScript in public/: they must name what the TypeScript code names. */
describe('early scripts', () => {
  it('popup-early.js reads the storage keys the popup and the background use', () => {
    const script = readFileSync('public/popup-early.js', 'utf8');
    expect(script).toContain(`session.get('${SUMMARY_KEY}')`);
    expect(script).toContain(`local.get('${LANGUAGE_KEY}')`);
  });

  it('dashboard-early.js reads the language key, the store and the first screen as the dashboard does', () => {
    const script = readFileSync('public/dashboard-early.js', 'utf8');
    expect(script).toContain(`local.get('${LANGUAGE_KEY}')`);
    expect(script).toContain(`indexedDB.open('${DB_NAME}')`);
    expect(script).toContain(`objectStore('items').index('byDate')`);
    expect(script).toContain(`openCursor(null, 'prev')`);
    expect(script).toContain(`rows.length < ${FIRST_SCREEN}`);
    expect(script).toContain(`getAllRecords({ direction: 'prev', count: ${FIRST_SCREEN} })`);
  });
});
