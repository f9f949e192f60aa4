import { useEffect, useState } from 'preact/hooks';
import { onEvent, request } from '@/lib/messages/client';
import type { FichesView } from '@/lib/messages/requests/fiches';
import { errorText } from '../ui/error-text';

/**
 * The fiches as the background keeps them, shown at once, then read from the hub (a colleague may have
 * written since the last pull); read again whenever they change. The hub out of reach, the copy stays on
 * screen and `offline` says why.
 */
export function useFiches(onProblem: (text: string) => void) {
  const [view, setView] = useState<FichesView>();
  const [offline, setOffline] = useState('');
  const load = () => request('listFiches', {}).then(setView, (error: unknown) => onProblem(errorText(error)));
  const refresh = () =>
    request('refreshFiches', {}).then(
      (fresh) => {
        setOffline('');
        setView(fresh);
      },
      (error: unknown) => onProblem(errorText(error)),
    );
  useEffect(() => {
    void request('listFiches', {}).then((first) => {
      setView(first);
      if (!first.connected) return;
      void request('refreshFiches', {}).then(setView, (error: unknown) => (first.answer ? setOffline(errorText(error)) : onProblem(errorText(error))));
    }, (error: unknown) => onProblem(errorText(error)));
    return onEvent((event) => {
      if (event.event === 'fichesChanged') void load();
    });
  }, []);
  return { view, offline, reload: load, refresh };
}
