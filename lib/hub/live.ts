/** The longest a dashboard waits, after a live event, before it pulls what changed. */
export const LIVE_PULL_JITTER_MS = 500;

/**
 * Live updates for an open dashboard: the hub's Server-Sent Events, read with fetch (EventSource cannot
 * send the member's token in a header). Each event only says "something changed": the caller then asks
 * the background to sync, so the stream carries no content. It reconnects after a pause when the hub goes
 * away, until `signal` aborts.
 */
export function followHub(url: string, token: string, onChange: () => void, signal: AbortSignal, retryMs = 5_000, jitterMs = LIVE_PULL_JITTER_MS): void {
  // One share reaches every open dashboard at once: each waits a random moment before its pull, so that the
  // hub meets a spread of pulls rather than all of them in the same millisecond; events met while waiting
  // make no second pull.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      if (!signal.aborted) onChange();
    }, Math.random() * jitterMs);
  };
  signal.addEventListener('abort', () => clearTimeout(pending), { once: true });
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
            // `hello` too: what changed while the page was closed is pulled as it opens, at once.
            if (name === 'hello') onChange();
            else if (name === 'change' || name === 'packs') soon();
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
