import { useEffect } from 'preact/hooks';
import { followHub } from '@/lib/hub/live';
import { request } from '@/lib/messages/client';
import type { VigieReader } from '@/lib/store/reader';

/**
 * While a COPIL page is open (the shared list, the fiches), it follows the hub's live stream and asks the
 * background for a pull at each change: a colleague's share or fiche shows without waiting for the alarm.
 * The page reads the hub's address and token itself (it is one of Vigie's own pages).
 */
export function useLiveHub(reader: Pick<VigieReader, 'hubConnection'>, connected: boolean | undefined): void {
  useEffect(() => {
    if (!connected) return;
    const controller = new AbortController();
    // Read checked against the connection's schema: a connection that no longer passes it is not followed.
    void reader.hubConnection().then((hub) => {
      if (hub?.url && hub.token) followHub(hub.url, hub.token, () => void request('hubSync', {}).catch(() => undefined), controller.signal);
    });
    return () => controller.abort();
  }, [reader, connected]);
}
