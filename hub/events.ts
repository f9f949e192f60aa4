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

  /**
   * `streamsPerMember`: past it, a member's new stream ends their oldest one rather than being refused. A
   * laptop put to sleep or a network that changed leaves streams the hub cannot tell are dead (no TCP reset
   * comes) for minutes; refusing would lock the member's fresh pages out for that long, while the oldest
   * stream is the likeliest dead. A member with more pages open than that sees the oldest reconnect in turn
   * (5 s later), each catching up on its reconnection: degraded, never lost; a token held by a script gains
   * no more sockets than the limit.
   */
  constructor(heartbeatMs = 25_000, private readonly streamsPerMember = Number.POSITIVE_INFINITY) {
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
    const own = [...this.streams].filter(([, member]) => member === memberId).map(([stream]) => stream);
    for (const oldest of own.slice(0, Math.max(0, own.length + 1 - this.streamsPerMember))) {
      const message = `At most ${this.streamsPerMember} live streams per member: this one, the oldest, ends for a newer one.`;
      oldest.end(`event: closed\ndata: ${JSON.stringify({ reason: 'too-many-streams', message })}\n\n`);
      this.streams.delete(oldest);
    }
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
