// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PROMPT_NOTICE_MS, usePermission } from '../../components/ui/permission';
import type { Said } from '../../components/ui/StatusLine';
import { speakFrench } from './french';

/** The permission ask every form shares: the prompt's wait said after a moment, a cancel, late answers ignored. */
function prompts() {
  const answers: ((granted: boolean) => void)[] = [];
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((() => new Promise<boolean>((resolve) => answers.push(resolve))) as typeof fakeBrowser.permissions.request);
  return { request, answer: (index: number, granted: boolean) => act(() => answers[index]?.(granted)) };
}

function setUp() {
  const said: Said[] = [];
  const view = renderHook(() => usePermission((next) => said.push(next)));
  return { said, view, permission: () => view.result.current };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => speakFrench());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('usePermission', () => {
  it('lets a second ask take the place of the first: the first stops quietly, its answer ignored', async () => {
    const { request, answer } = prompts();
    const { said, permission } = setUp();
    const first = permission().ask('https://un.example/feed.xml');
    const second = permission().ask('https://deux.example/feed.xml');
    expect(request).toHaveBeenCalledTimes(2);
    expect(await first).toBe(false);
    await waitFor(() => expect(permission().waiting).toBe('https://deux.example'));
    await answer(0, true);
    expect(permission().waiting).toBe('https://deux.example');
    await answer(1, true);
    expect(await second).toBe(true);
    await waitFor(() => expect(permission().waiting).toBeUndefined());
    expect(said.map((next) => next.text)).toEqual(["Autorisez l'accès à https://deux.example dans la fenêtre du navigateur."]);
  });

  it('asks for the host without its port (Firefox refuses a pattern with one) and words a refusal its own way (the hub)', async () => {
    const { request, answer } = prompts();
    const { said, permission } = setUp();
    const asked = permission().ask('https://hub.example:8443/', { refused: (origin) => `Non : ${origin}` });
    expect(request).toHaveBeenCalledWith({ origins: ['https://hub.example/*'] });
    await answer(0, false);
    expect(await asked).toBe(false);
    expect(said).toEqual([{ kind: 'error', text: 'Non : https://hub.example:8443' }]);
  });

  it('says nothing once the page is gone', async () => {
    const { answer } = prompts();
    const { said, view, permission } = setUp();
    void permission().ask('https://un.example/');
    view.unmount();
    await pause(PROMPT_NOTICE_MS + 100);
    await answer(0, false);
    expect(said).toEqual([]);
  });

  it('is the only way components ask the browser for an origin', () => {
    const root = join(__dirname, '../../components');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('permission.ts'));
    const asking = files.filter((file) => /permissions\.request|askToRead\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(asking).toEqual([]);
  });
});
