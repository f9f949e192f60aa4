/**
 * xml2js takes `setImmediate` from Node's `timers` for its asynchronous mode; a zero-delay timeout does the
 * same in a service worker without timers-browserify and its setImmediate polyfill (2.7 kB of the budget).
 */
export const setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(callback, 0, ...args);
export const clearImmediate = (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle);
export default { setImmediate, clearImmediate };
