import type { InlineConfig, Plugin, PluginOption } from 'vite';

/**
 * WXT adds to every extension page a module script that starts WXT's runtime plugins. Vigie uses none, so
 * that module is empty: in the popup, whose script is one classic file (entrypoints/popup-app.tsx), it would
 * be the only module, and one more fetch before the first paint; in the dashboard, one more file in its
 * module graph. With no runtime plugin (`pluginCount` from the resolved config), the pages go without it.
 */
export function withoutEmptyPluginModule(viteConfig: InlineConfig, pluginCount: number): void {
  if (pluginCount > 0) return;
  const loader = findPlugin(viteConfig.plugins ?? [], 'wxt:plugin-loader');
  if (loader) delete loader.transformIndexHtml;
}

function findPlugin(options: PluginOption[], name: string): Plugin | undefined {
  for (const option of options) {
    if (Array.isArray(option)) {
      const found = findPlugin(option, name);
      if (found) return found;
    } else if (option && typeof option === 'object' && 'name' in option && option.name === name) return option;
  }
  return undefined;
}
