import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_KEY } from '../../lib/i18n/browser';
import { SUMMARY_KEY } from '../../lib/messages/requests/core-keys';

describe('popup-early.js', () => {
  it('reads the same storage keys as the popup and the background write', () => {
    const script = readFileSync('public/popup-early.js', 'utf8');
    expect(script).toContain(`session.get('${SUMMARY_KEY}')`);
    expect(script).toContain(`local.get('${LANGUAGE_KEY}')`);
  });
});
