import * as z from 'zod/mini';

/**
 * Extension pages and the service worker forbid `eval`: zod is told not to probe for it (the probe alone
 * shows up as a CSP violation in the extension's error log). Each entrypoint imports this first.
 */
z.config({ jitless: true });
