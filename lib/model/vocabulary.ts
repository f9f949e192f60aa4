/**
 * The fixed words of the model, without zod: pages whose size is budgeted (the popup) import these
 * instead of the schemas in item.ts, which would bring zod with them.
 */

/** Impact: faible / moyen / fort. */
export const IMPACTS = ['low', 'medium', 'high'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Triage status: à analyser / analysé / diffusé. */
export const TRIAGE_STATES = ['to-review', 'reviewed', 'shared-out'] as const;
export type Triage = (typeof TRIAGE_STATES)[number];

/** Items clipped from a page that no followed source carries belong to this pseudo-source. */
export const CLIP_SOURCE_ID = 'clips';
