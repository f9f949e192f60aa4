import type { ServerResponse } from 'node:http';

/**
 * Live updates for open dashboards (Server-Sent Events): each write sends the newest change number, and the
 * extension then pulls what changed through the ordinary change feed. The stream carries no content itself,
 * so a member who misses an event loses nothing.
 */
export class ChangeEvents {
  /** Each open stream, with the member it belongs to. */
  private readonly streams = new Map<ServerResponse, string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 25_000) {
    // A comment line now and then keeps proxies from closing a quiet stream.
    this.heartbeat = setInterval(() => this.send(': ping\n\n'), heartbeatMs).unref();
  }

  open(response: ServerResponse, memberId: string, cursor: number, headers: Record<string, string>): void {
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: 5000\nevent: hello\ndata: ${JSON.stringify({ cursor })}\n\n`);
    this.streams.set(response, memberId);
    response.on('close', () => this.streams.delete(response));
  }

  changed(cursor: number): void {
    this.send(`event: change\ndata: ${JSON.stringify({ cursor })}\n\n`);
  }

  /** A revoked member's open streams end at once. */
  closeMember(memberId: string): void {
    for (const [stream, member] of this.streams) {
      if (member !== memberId) continue;
      stream.end();
      this.streams.delete(stream);
    }
  }

  /** An admin published a pack: extensions fetch it on their next pull. */
  packsChanged(): void {
    this.send('event: packs\ndata: {}\n\n');
  }

  get size(): number {
    return this.streams.size;
  }

  /** At shutdown: streams end so the server can close. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const stream of this.streams.keys()) stream.end();
    this.streams.clear();
  }

  private send(chunk: string): void {
    for (const stream of this.streams.keys()) stream.write(chunk);
  }
}
