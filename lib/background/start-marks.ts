/**
 * User Timing marks of the background's start, read by `npm run bench -- wake` (bench/background-wake.ts) to
 * say where a stopped worker's first answer goes: loading its script (the worker's clock at this module, the
 * first the script runs), running the script's top level (every module's own set-up: the schemas, the
 * libraries), then the store and the answer. Imported first by entrypoints/background.ts.
 */
export const SCRIPT_STARTED = 'vigie:background-script';
export const WIRED = 'vigie:background-wired';

performance.mark(SCRIPT_STARTED);
