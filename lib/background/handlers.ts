import type { Handlers } from '../messages/router';
import { alertHandlers } from './handlers/alerts';
import { clipHandlers } from './handlers/clips';
import { coreHandlers } from './handlers/core';
import { dataHandlers } from './handlers/data';
import type { HandlerDeps } from './handlers/deps';
import { ficheHandlers } from './handlers/fiches';
import { hubHandlers } from './handlers/hub';
import { itemHandlers } from './handlers/items';
import { sourceHandlers } from './handlers/sources';
import { retentionRunner } from './retention';

export type { HandlerDeps } from './handlers/deps';
export { newSince } from './handlers/core';

/** What the background answers to each request of the protocol: one group of handlers per capability. */
export function createHandlers(given: HandlerDeps): Handlers {
  // One pruning runner for the request and for a change of the retention.
  const deps: HandlerDeps = { ...given, prune: given.prune ?? retentionRunner(given) };
  const hub = hubHandlers(deps);
  return {
    ...coreHandlers(deps),
    ...sourceHandlers(deps),
    ...itemHandlers(deps),
    ...clipHandlers(deps),
    ...dataHandlers(deps),
    ...alertHandlers(deps),
    ...hub,
    ...ficheHandlers(deps, hub),
  };
}
