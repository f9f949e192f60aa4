import { useEffect, useState } from 'preact/hooks';
import { onEvent, request } from '@/lib/messages/client';
import type { FichesView } from '@/lib/messages/requests/fiches';
import { errorText } from '../ui/error-text';

/**
 * The fiches as the background keeps them (readable offline), read again when they change; read from the
 * hub once when this browser has no copy yet.
 */
export function useFiches(onProblem: (text: string) => void) {
  const [view, setView] = useState<FichesView>();
  const load = () => request('listFiches', {}).then(setView, (error: unknown) => onProblem(errorText(error)));
  const refresh = () => request('refreshFiches', {}).then(setView, (error: unknown) => onProblem(errorText(error)));
  useEffect(() => {
    void request('listFiches', {}).then((first) => {
      setView(first);
      if (first.connected && !first.answer) void refresh();
    }, (error: unknown) => onProblem(errorText(error)));
    return onEvent((event) => {
      if (event.event === 'fichesChanged') void load();
    });
  }, []);
  return { view, reload: load, refresh };
}
