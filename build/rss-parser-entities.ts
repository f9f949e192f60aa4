import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * rss-parser asks its own `entities` (version 2) for `decodeHTML` alone; that version's entity table would sit
 * in the background next to the one htmlparser2 already brings (see build/shims/entities.ts). Only rss-parser's
 * import goes to the shim: css-select's serializer imports the encoders of its own `entities`, which stay.
 */
export function rssParserEntities(): Plugin {
  const shim = resolve('build/shims/entities.ts');
  return {
    name: 'vigie:rss-parser-entities',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'entities' && importer !== undefined && /[\\/]node_modules[\\/]rss-parser[\\/]/.test(importer) ? shim : null;
    },
  };
}
