import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view whose code loads when it is first shown. The dashboard's first list needs none of the other
 * sections (settings, rules, digest, timeline, sources, COPIL) nor the reading pane's sanitizer: kept out of
 * the first script, they no longer delay the first rows. `preload` starts the download early (after the
 * first paint), so opening a view later rarely waits.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => void } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () => (loading ??= load().then((view) => (loaded = view)));
  function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (!View) void start().then((view) => setView(() => view));
    }, []);
    return View ? <View {...props} /> : <div class="lazy-view" aria-busy="true" />;
  }
  return Object.assign(LazyView, { preload: () => void start() });
}
