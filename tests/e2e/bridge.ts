import type { LoadedExtension } from './extension';
import { callWithApi, readStoredItem } from './in-page';
import type { TestPage } from './page';

type Bridged = Pick<LoadedExtension, 'api' | 'request' | 'item' | 'badge' | 'notifications' | 'settle' | 'openTab'>;

/**
 * What both browsers do the same way, through one extension page with no script of its own (the e2e build's
 * blank.html), opened at the first call: the popup would mark what it shows as seen when it opens, a side
 * effect no test asked for. `evaluate` runs an expression in that page; `newPage` opens a tab on an address.
 */
export function bridged(evaluate: (expression: string) => Promise<unknown>, newPage: (url: string) => Promise<TestPage>): Bridged {
  const api: LoadedExtension['api'] = async (fn, arg) => (await evaluate(callWithApi(fn, arg ?? null))) as never;
  const request: LoadedExtension['request'] = (type, params = {}) => api((ext, message) => ext.runtime.sendMessage(message), { channel: 'vigie', type, params });
  return {
    api,
    request,
    item: (id) => evaluate(`(${readStoredItem.toString()})(${JSON.stringify(id)})`),
    badge: () => api(async (ext) => ({ text: await ext.action.getBadgeText({}), color: await ext.action.getBadgeBackgroundColor({}) })),
    notifications: async () => Object.keys(await api((ext) => ext.notifications.getAll())),
    async settle() {
      const idle = await request('refreshIdle');
      if (!idle.ok) throw new Error(`refreshIdle refused: ${idle.message}`);
    },
    async openTab(url) {
      // The new tab is the one that was not there before: a browser's own page does not show its address.
      const before = new Set((await api((ext) => ext.tabs.query({}))).map((tab) => tab.id));
      const page = await newPage(url);
      const tabId = (await api((ext) => ext.tabs.query({}))).find((tab) => !before.has(tab.id))?.id;
      if (tabId === undefined) throw new Error(`no tab for ${url}`);
      return { page, tabId };
    },
  };
}
