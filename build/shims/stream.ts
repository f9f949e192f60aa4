/**
 * sax (under rss-parser) only needs `Stream` as a base class for its streaming API, which Vigie does not
 * use: an EventEmitter is enough, instead of bundling a full Node stream polyfill into the background.
 */
export { EventEmitter as Stream } from 'events';
