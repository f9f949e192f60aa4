/**
 * The curated pack's version, apart from the pack: the background compares it with the store's without
 * loading the pack, which ships as a JSON file (see source-pack.ts). Raising it makes installed extensions add
 * the entries they lack (never re-adding one the member deleted). Version 2 added Meta's page monitors; version 3
 * retired the France collection's Facebook history, empty since 2022 (see RETIRED_CURATED).
 */
export const CURATED_PACK_VERSION = 3;
