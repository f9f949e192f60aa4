// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RuleEditor } from '../../components/rules/RuleEditor';
import { blankRule } from '../../components/rules/use-rule-draft';
import { speakFrench } from './french';

/** The rule editor speaks of the hub as it stands: connected, or still to connect in Paramètres. */
speakFrench();
afterEach(cleanup);

let connected = false;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type } = message as { type?: string };
    if (type === 'hubStatus') return { ok: true, result: { connected, pending: [] } };
    return undefined;
  });
});

const editor = () => render(<RuleEditor rule={{ ...blankRule(), name: 'Élus' }} saved={false} tags={[]} onSaved={() => undefined} onDeleted={() => undefined} />);
const help = () => document.getElementById('rule-share-help')?.textContent;

describe('the rule editor and the hub', () => {
  it('without a hub, says that sharing waits for one to be connected in Paramètres', async () => {
    connected = false;
    editor();
    await waitFor(() => expect(help()).toBe('L’alerte proposera « Partager avec le COPIL » (une fois le hub connecté dans Paramètres).'));
  });

  it('with a hub connected, says what the alert will offer, and no more', async () => {
    connected = true;
    editor();
    await waitFor(() => expect(help()).toBe('L’alerte proposera « Partager avec le COPIL ».'));
  });
});
