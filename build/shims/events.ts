/**
 * The part of Node's EventEmitter that xml2js and sax (under rss-parser) use: on, once, off, emit,
 * removeAllListeners. The `events` package is 6 kB of the background's budget for the same few methods.
 * Listeners are kept lazily: xml2js's CoffeeScript classes inherit this prototype without calling its
 * constructor.
 */
type Listener = (...args: any[]) => unknown;

export class EventEmitter {
  declare private vigieListeners?: Map<string | symbol, Listener[]>;

  private table(): Map<string | symbol, Listener[]> {
    return (this.vigieListeners ??= new Map());
  }

  on(event: string | symbol, listener: Listener): this {
    this.table().set(event, [...(this.table().get(event) ?? []), listener]);
    return this;
  }

  addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string | symbol, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.off(event, wrapper);
      return listener.apply(this, args);
    };
    return this.on(event, wrapper);
  }

  off(event: string | symbol, listener: Listener): this {
    this.table().set(event, (this.table().get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  removeListener(event: string | symbol, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.table().clear();
    else this.table().delete(event);
    return this;
  }

  listeners(event: string | symbol): Listener[] {
    return [...(this.table().get(event) ?? [])];
  }

  setMaxListeners(): this {
    return this;
  }

  /** Like Node: an 'error' nobody listens to is thrown, not lost. */
  emit(event: string | symbol, ...args: unknown[]): boolean {
    const listeners = this.table().get(event);
    if (!listeners?.length) {
      if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const listener of [...listeners]) listener.apply(this, args);
    return true;
  }
}

export default { EventEmitter };
