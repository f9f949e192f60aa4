/**
 * The part of Node's EventEmitter that xml2js and sax (under rss-parser) use: on, once, off, emit,
 * removeAllListeners. The `events` package is 6 kB of the background's budget for the same few methods.
 * CommonJS like Node's own module: xml2js extends what `require('events')` returns, the constructor itself.
 * Listeners are kept lazily: xml2js's CoffeeScript classes inherit this prototype without calling the
 * constructor.
 */
class EventEmitter {
  _vigieTable() {
    if (!this._vigieListeners) this._vigieListeners = new Map();
    return this._vigieListeners;
  }

  on(event, listener) {
    const table = this._vigieTable();
    table.set(event, [...(table.get(event) || []), listener]);
    return this;
  }

  addListener(event, listener) {
    return this.on(event, listener);
  }

  once(event, listener) {
    const wrapper = (...args) => {
      this.off(event, wrapper);
      return listener.apply(this, args);
    };
    return this.on(event, wrapper);
  }

  off(event, listener) {
    const table = this._vigieTable();
    table.set(event, (table.get(event) || []).filter((l) => l !== listener));
    return this;
  }

  removeListener(event, listener) {
    return this.off(event, listener);
  }

  removeAllListeners(event) {
    if (event === undefined) this._vigieTable().clear();
    else this._vigieTable().delete(event);
    return this;
  }

  listeners(event) {
    return [...(this._vigieTable().get(event) || [])];
  }

  setMaxListeners() {
    return this;
  }

  /** Like Node: an 'error' nobody listens to is thrown, not lost. */
  emit(event, ...args) {
    const listeners = this._vigieTable().get(event);
    if (!listeners || listeners.length === 0) {
      if (event === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const listener of [...listeners]) listener.apply(this, args);
    return true;
  }
}

module.exports = EventEmitter;
module.exports.EventEmitter = EventEmitter;
