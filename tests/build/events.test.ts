import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The background bundles the `events` package in place of Node's own (see wxt.config.ts). xml2js extends what
 * `require('events')` returns, CoffeeScript-style, without calling its constructor: the package must work
 * that way, and throw an 'error' nobody listens to, as Node does. (`events/`: the package, not Node's module.)
 */
const EventEmitter = createRequire(import.meta.url)('events/');

function coffeeExtend(child: any, parent: any) {
  function ctor(this: any) {
    this.constructor = child;
  }
  ctor.prototype = parent.prototype;
  child.prototype = new (ctor as any)();
  return child;
}

describe('the events package, as the background bundles it', () => {
  it('is what require returns, and names itself too', () => {
    expect(typeof EventEmitter).toBe('function');
    expect(EventEmitter.EventEmitter).toBe(EventEmitter);
  });

  it('works for a class that inherits it without calling its constructor', () => {
    const Parser = coffeeExtend(function Parser(this: any) {
      this.name = 'parser';
    }, EventEmitter);
    const parser = new Parser();
    const heard: unknown[] = [];
    parser.on('end', (result: unknown) => heard.push(result));
    parser.once('end', () => heard.push('once'));
    expect(parser.emit('end', 1)).toBe(true);
    parser.emit('end', 2);
    expect(heard).toEqual([1, 'once', 2]);
    parser.removeAllListeners();
    expect(parser.emit('end', 3)).toBe(false);
    expect(() => parser.emit('error', new Error('broken feed'))).toThrow('broken feed');
  });
});
