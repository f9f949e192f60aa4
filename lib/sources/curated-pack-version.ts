/**
 * The curated pack's version, apart from the pack: the background compares it with the store's without
 * loading the pack, which ships as a JSON file (see source-pack.ts). Raising it makes installed extensions add
 * the entries they lack (never re-adding one the member deleted). Version 2 added Meta's watched pages.
 */
export const CURATED_PACK_VERSION = 2;
