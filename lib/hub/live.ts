/**
 * Live updates for an open dashboard: the hub's Server-Sent Events, read with fetch (EventSource cannot
 * send the member's token in a header). Each event only says "something changed": the caller then asks
 * the background to sync, so the stream carries no content. It reconnects after a pause when the hub goes
 * away, until `signal` aborts.
 */
export function followHub(url: string, token: string, onChange: () => void, signal: AbortSignal, retryMs = 5_000): void {
  const loop = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch(`${url}/api/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal, credentials: 'omit', cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const events = buffer.split(/\r?\n\r?\n/);
          buffer = events.pop() ?? '';
          for (const block of events) {
            const name = /^event: ?(.*)$/m.exec(block)?.[1];
            // `hello` too: what changed while the page was closed is pulled as it opens.
            if (name === 'hello' || name === 'change' || name === 'packs') onChange();
          }
        }
      } catch {
        // The hub is away or the page is closing: wait, then try again.
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void loop();
}
